import { stringify } from 'csv-stringify/sync';
import { engineName, type QueryResult } from './query-engines.js';

/**
 * A query's result as the CSV file the map reads: a comment line naming the query, the
 * engine and the time, then the header and rows. The comment is what a reviewer sees first
 * in the pull request; the rows are what `--check` compares.
 */
export function snapshotText(
    result: QueryResult,
    query: string,
    engine: 'duckdb' | 'postgres',
    pulledAt: Date
): string {
    const header = `# journeymap data pull: ${query} (${engineName(engine)}) at ${pulledAt.toISOString()}`;
    return `${header}\n${snapshotBody(result)}`;
}

/** The header and rows, without the comment: equal bodies mean the snapshot is up to date. */
export function snapshotBody(result: QueryResult): string {
    return stringify([result.columns, ...result.rows]);
}

/** The body of a snapshot file: its text after the leading `#` comment lines. */
export function bodyOfSnapshot(text: string): string {
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    let first = 0;
    while (first < lines.length && lines[first].startsWith('#')) first++;
    return lines.slice(first).join('\n').replace(/\r\n/g, '\n');
}
