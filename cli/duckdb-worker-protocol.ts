/** What the CLI asks the DuckDB worker (cli/duckdb-worker.ts), and what it answers. */
export type SqlRequest =
    | { id: number; kind: 'rows' | 'run'; sql: string }
    | { id: number; kind: 'close' };

/** Rows as DuckDB's values (lists as objects with `items`), or the engine's message. */
export type SqlReply = { id: number; rows: unknown[][] } | { id: number; error: string };
