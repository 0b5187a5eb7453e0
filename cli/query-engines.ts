/**
 * Running a data source's query: DuckDB embedded (the default, over the repository's files)
 * or a PostgreSQL server. Both drivers are loaded only here and only when a query runs, so
 * that `check`, `render` and the language server never load them.
 */

import { duckDbSettings } from './duckdb-settings.js';

/** An engine as a reader calls it. */
export function engineName(engine: 'duckdb' | 'postgres'): string {
    return engine === 'postgres' ? 'PostgreSQL' : 'DuckDB';
}

/** A query's result as text cells, ready to be written as a CSV snapshot. */
export interface QueryResult {
    columns: string[];
    rows: string[][];
}

/**
 * A query the engine refused (syntax, missing table, wrong column): its message, and the query's line when the engine
 * gives it.
 */
export class QueryError extends Error {
    constructor(message: string, readonly line?: number) {
        super(message);
    }
}

/** The server could not be reached or refused us: the message names the host, never the password. */
export class ConnectionError extends Error {}

/**
 * DuckDB, in memory. Relative paths in the query (`read_csv('data/events.csv')`) are looked
 * up in the given folders, in order: the map's folder (as the map's own paths are), then the
 * workspace folder.
 */
export async function runDuckDbQuery(sql: string, searchFolders: string[]): Promise<QueryResult> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', duckDbSettings());
    const connection = await instance.connect();
    try {
        await connection.run(`SET file_search_path = '${searchFolders.join(',').replace(/'/g, "''")}'`);
        const reader = await connection.runAndReadAll(sql);
        return { columns: reader.columnNames(), rows: reader.getRows().map(row => row.map(cellText)) };
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // DuckDB points at the mistake with `LINE 3: …` under its message.
        const line = /\bLINE (\d+):/.exec(message)?.[1];
        throw new QueryError(message.split('\n')[0], line === undefined ? undefined : Number(line));
    } finally {
        connection.closeSync();
        instance.closeSync();
    }
}

/** Where the server is, for messages: `host:port/database`, without user or password. */
export function describeServer(url: string): string {
    try {
        const parsed = new URL(url);
        return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname && parsed.pathname !== '/' ? parsed.pathname : ''}`;
    } catch {
        return 'the server in JOURNEYMAP_POSTGRES_URL (not a valid URL)';
    }
}

/** Errors that mean "no server here", as opposed to a query the server refused. */
const connectionCodes = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ECONNRESET',
    '28P01',
    '28000',
    '3D000'
]);

/**
 * PostgreSQL at `url` (from `JOURNEYMAP_POSTGRES_URL`). Dates and timestamps come back as the
 * server writes them, not as JavaScript dates in this machine's time zone.
 */
export async function runPostgresQuery(sql: string, url: string): Promise<QueryResult> {
    const pg = (await import('pg')).default;
    const asText = (value: string) => value;
    const textTypes = new Set([1082, 1114, 1184]); // date, timestamp, timestamptz
    const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 10_000,
        types: {
            getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
                textTypes.has(oid) ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
        }
    });
    const server = describeServer(url);
    // An error after connecting (the server going away) must not crash the process.
    client.on('error', () => undefined);
    try {
        await client.connect();
    } catch (error) {
        throw new ConnectionError(`cannot reach PostgreSQL at ${server}: ${withoutSecrets(error, url)}`);
    }
    try {
        const result = await client.query({ text: sql, rowMode: 'array' });
        return {
            columns: result.fields.map(field => field.name),
            rows: (result.rows as unknown[][]).map(row => row.map(cellText))
        };
    } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== undefined && connectionCodes.has(code))
            throw new ConnectionError(`PostgreSQL at ${server}: ${withoutSecrets(error, url)}`);
        const position = Number((error as { position?: string }).position);
        throw new QueryError(
            withoutSecrets(error, url),
            Number.isFinite(position) && position > 0 ? lineAt(sql, position - 1) : undefined
        );
    } finally {
        await client.end().catch(() => undefined);
    }
}

/** A driver's message with the URL's password (and the URL itself) taken out, should the driver repeat them. */
export function withoutSecrets(error: unknown, url: string): string {
    const message =
        error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
    let password = '';
    try {
        password = decodeURIComponent(new URL(url).password);
    } catch {
        // not a URL: nothing to take out but the text itself
    }
    let cleaned = message.split(url).join('<JOURNEYMAP_POSTGRES_URL>');
    if (password) cleaned = cleaned.split(password).join('***');
    return cleaned;
}

function lineAt(text: string, offset: number): number {
    let line = 1;
    for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
    return line;
}

/** A result cell as CSV text: nothing for null, numbers and dates as the engine writes them. */
function cellText(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'object' && !(value instanceof Uint8Array) && value.constructor === Object)
        return JSON.stringify(value);
    return String(value);
}
