import type { EventLogColumns } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import type { CountedPaths, GroupedVariant } from '../paths/step-path-analysis.js';
import { describeUnknownColumn } from '../language/journey-data-link.js';
import { ConnectionError, describeServer, withoutSecrets } from './query-engines.js';

/**
 * Counting step paths in an event log where the log is: DuckDB over the CSV or Parquet file (or
 * a query), or PostgreSQL for `on postgres`. Only the distinct step paths and their counts come
 * back to Node; no event is read row by row into JavaScript.
 */

/** Where the events are. */
export type EventLogRelation =
    | { kind: 'file'; path: string }
    | { kind: 'query'; sql: string; engine: 'duckdb' | 'postgres'; searchFolders: string[]; postgresUrl?: string };

/** One journey's binding of activities to its steps. */
export interface JourneyEvents {
    journey: string;
    /** activity → step name */
    steps: ReadonlyMap<string, string>;
}

/** A log that cannot be read as asked: the message says what is wrong and where. */
export class EventLogError extends Error {}

/** Runs SQL and gives rows back; one per engine. */
interface SqlSession {
    columns(relation: string): Promise<Array<{ name: string; type: string }>>;
    rows(sql: string): Promise<unknown[][]>;
    run(sql: string): Promise<void>;
    close(): Promise<void>;
}

/**
 * The counted step paths of each journey in one log. `split` is the column whose value
 * groups the cases (the log's `variant` or `--split`).
 */
export async function countStepPaths(
    relation: EventLogRelation, columns: EventLogColumns, journeys: readonly JourneyEvents[], split?: string
): Promise<Map<string, CountedPaths>> {
    const session = relation.kind === 'query' && relation.engine === 'postgres'
        ? await postgresSession(relation.postgresUrl) : await duckDbSession(relation);
    try {
        const source = relation.kind === 'file' ? fileRelation(relation.path) : `(${relation.sql.trim().replace(/;\s*$/, '')}) AS query`;
        const found = await session.columns(source);
        checkColumns(found.map(column => column.name), [columns.case, columns.activity, columns.time, ...(split ? [split] : [])]);
        const log = await loadLog(session, relation, source, columns, found, split);
        await checkLog(session, log);
        const counted = new Map<string, CountedPaths>();
        for (const journey of journeys) counted.set(journey.journey, await countJourney(session, log, journey));
        return counted;
    } finally {
        await session.close();
    }
}

function fileRelation(path: string): string {
    const literal = sqlString(path);
    const lower = path.toLowerCase();
    if (lower.endsWith('.parquet')) return `read_parquet(${literal})`;
    if (lower.endsWith('.json') || lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return `read_json_auto(${literal})`;
    // Every column as text: a malformed cell deep in the file is then reported by its row, not by the CSV reader.
    return `read_csv(${literal}, all_varchar = true)`;
}

function checkColumns(found: string[], wanted: string[]): void {
    for (const column of wanted) {
        if (!found.includes(column)) throw new EventLogError(describeUnknownColumn(column, found, t('column')).message);
    }
}

/** The log as a table of case, activity, time and group, in the file's order (`n`), where the engine can keep one. */
interface LoadedLog {
    /** A table or a subquery with columns case_id, activity, t, grp, n. */
    table: string;
    hasGroup: boolean;
}

async function loadLog(
    session: SqlSession, relation: EventLogRelation, source: string, columns: EventLogColumns,
    found: Array<{ name: string; type: string }>, split: string | undefined
): Promise<LoadedLog> {
    const timeType = found.find(column => column.name === columns.time)!.type.toUpperCase();
    const select = [
        `CAST(${identifier(columns.case)} AS VARCHAR) AS case_id`,
        `CAST(${identifier(columns.activity)} AS VARCHAR) AS activity`,
        `${identifier(columns.time)} AS t_raw`,
        `${timeExpression(identifier(columns.time), timeType, relation)} AS t`,
        `${split ? `CAST(${identifier(split)} AS VARCHAR)` : 'NULL'} AS grp`
    ].join(', ');
    if (relation.kind === 'query' && relation.engine === 'postgres') {
        return { table: `(SELECT *, row_number() OVER () AS n FROM (SELECT ${select} FROM ${source}) AS selected) AS log`, hasGroup: !!split };
    }
    // A table keeps the order of its rows: its rowid is the row's place in the file, the tie-break for equal times.
    await session.run(`CREATE TEMP TABLE log_rows AS SELECT ${select} FROM ${source}`);
    return { table: '(SELECT *, rowid AS n FROM log_rows) AS log', hasGroup: !!split };
}

/** A time as the engine can order it: timestamps and numbers as they are, text parsed as a timestamp or epoch seconds. */
function timeExpression(column: string, type: string, relation: EventLogRelation): string {
    const isText = /CHAR|TEXT|STRING/.test(type);
    if (!isText) return column;
    if (relation.kind === 'query' && relation.engine === 'postgres') {
        // PostgreSQL has no TRY_CAST: text that is not a timestamp is found by checkLog's pattern first.
        return `CASE WHEN ${column} ~ '^\\s*\\d{4}-\\d{2}-\\d{2}' THEN CAST(${column} AS TIMESTAMPTZ) WHEN ${column} ~ '^\\s*-?\\d+(\\.\\d+)?\\s*$' THEN to_timestamp(CAST(${column} AS DOUBLE PRECISION)) END`;
    }
    return `COALESCE(TRY_CAST(${column} AS TIMESTAMPTZ), to_timestamp(TRY_CAST(${column} AS DOUBLE)))`;
}

/** An empty log, a row without a case or activity, or a time that does not parse: one clear error naming the row. */
async function checkLog(session: SqlSession, log: LoadedLog): Promise<void> {
    const [[total]] = await session.rows(`SELECT count(*) FROM ${log.table}`);
    if (Number(total) === 0) throw new EventLogError(t('The event log has no rows.'));
    const bad = await session.rows(
        `SELECT n, t_raw, case_id, activity FROM ${log.table} WHERE t IS NULL OR case_id IS NULL OR activity IS NULL ORDER BY n LIMIT 1`
    );
    if (bad.length === 0) return;
    const [n, raw, caseId, activity] = bad[0];
    const row = Number(n) + 1;
    if (caseId === null) throw new EventLogError(t('Row {row} (line {line}) of the event log has no case.', { row, line: row + 1 }));
    if (activity === null) throw new EventLogError(t('Row {row} (line {line}) of the event log has no activity.', { row, line: row + 1 }));
    if (raw === null || raw === '') throw new EventLogError(t('Row {row} (line {line}) of the event log has no time.', { row, line: row + 1 }));
    throw new EventLogError(t("Row {row} (line {line}) of the event log has the time '{time}', which is neither a date and time nor a number.", {
        row, line: row + 1, time: String(raw).slice(0, 40)
    }));
}

/**
 * The step paths of one journey: events joined to their steps, sorted by time then file order,
 * repeats of a step merged, one path per case; then counted per distinct path and group.
 */
async function countJourney(session: SqlSession, log: LoadedLog, journey: JourneyEvents): Promise<CountedPaths> {
    const stepNames = [...new Set(journey.steps.values())];
    const indexOf = new Map(stepNames.map((name, index) => [name, index]));
    const mapping = [...journey.steps].map(([activity, step]) => `(${sqlString(activity)}, ${indexOf.get(step)})`).join(', ');
    const sql = `
        WITH mapping(activity, step) AS (VALUES ${mapping}),
        mapped AS (SELECT log.case_id, mapping.step, log.t, log.n, log.grp FROM ${log.table} JOIN mapping ON log.activity = mapping.activity),
        marked AS (SELECT *, lag(step) OVER (PARTITION BY case_id ORDER BY t, n) AS previous FROM mapped),
        paths AS (
            SELECT case_id, string_agg(CAST(step AS VARCHAR), ' ' ORDER BY t, n) AS path, min(grp) AS grp
            FROM marked WHERE previous IS NULL OR previous <> step GROUP BY case_id
        )
        SELECT path, grp, count(*) AS cases FROM paths GROUP BY path, grp`;
    const rows = await session.rows(sql);
    const [[unmapped]] = await session.rows(
        `WITH mapping(activity, step) AS (VALUES ${mapping}) SELECT count(*) FROM ${log.table} WHERE activity NOT IN (SELECT activity FROM mapping)`
    );
    const variants: GroupedVariant[] = rows.map(([path, group, cases]) => ({
        path: String(path).split(' ').map(index => stepNames[Number(index)]),
        count: Number(cases),
        ...(log.hasGroup ? { group: group === null ? '' : String(group) } : {})
    }));
    return { variants, unmappedEvents: Number(unmapped) };
}

function identifier(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
}

function sqlString(text: string): string {
    return `'${text.replace(/'/g, "''")}'`;
}

async function duckDbSession(relation: EventLogRelation): Promise<SqlSession> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const run = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            throw error instanceof EventLogError ? error : new EventLogError(duckDbMessage(error));
        }
    };
    if (relation.kind === 'query') {
        await connection.run(`SET file_search_path = ${sqlString(relation.searchFolders.join(','))}`);
    }
    return {
        columns: source => run(async () => (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRows()
            .map(row => ({ name: String(row[0]), type: String(row[1]) }))),
        rows: sql => run(async () => (await connection.runAndReadAll(sql)).getRows() as unknown[][]),
        run: sql => run(async () => { await connection.run(sql); }),
        close: async () => {
            connection.closeSync();
            instance.closeSync();
        }
    };
}

/** DuckDB's first line, which says what is wrong (the rest is its context). */
function duckDbMessage(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0];
}

async function postgresSession(url: string | undefined): Promise<SqlSession> {
    if (!url) {
        throw new EventLogError(t('`on postgres` needs the server\'s URL in the environment variable JOURNEYMAP_POSTGRES_URL (postgres://user:password@host:5432/database).'));
    }
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    try {
        await client.connect();
    } catch (error) {
        throw new ConnectionError(`cannot reach PostgreSQL at ${describeServer(url)}: ${withoutSecrets(error, url)}`);
    }
    const query = async (sql: string) => {
        try {
            return await client.query({ text: sql, rowMode: 'array' });
        } catch (error) {
            throw new EventLogError(withoutSecrets(error, url));
        }
    };
    return {
        columns: async source => (await query(`SELECT * FROM ${source} LIMIT 0`)).fields.map(field => ({ name: field.name, type: postgresType(field.dataTypeID) })),
        rows: async sql => (await query(sql)).rows as unknown[][],
        run: async sql => { await query(sql); },
        close: async () => { await client.end().catch(() => undefined); }
    };
}

/** Enough of PostgreSQL's type ids to tell text from the rest. */
function postgresType(oid: number): string {
    return [25, 1043, 1042].includes(oid) ? 'TEXT' : String(oid);
}
