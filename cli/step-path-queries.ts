import type { JourneyEvents } from './event-log-engine.js';
import { identifier, sqlString, type SqlSession } from './sql-sessions.js';

/** Which columns of the log are who, what, when and which group, and the time column's type. */
export interface LogColumns {
    case: string;
    activity: string;
    time: string;
    timeType: string;
    group?: string;
}

/** What one pass over the log gives for a journey: the distinct step paths (as step indexes) per group, with counts. */
export interface CountedRows {
    rows: Array<{ path: number[]; group: string | null; cases: number }>;
    unmapped: number;
    /** The first row (0-based, in the log's order) without a case, an activity or a readable time. */
    firstIncomplete?: number;
}

/** The queries of one engine over one log. */
export interface StepPathQueries {
    /** Rows of the log. */
    rowCount(): Promise<number>;
    /** The journey's step paths; `steps` gives each step an index. */
    countPaths(journey: JourneyEvents, steps: string[]): Promise<CountedRows>;
    /** A row's case, activity and time as written, for a message. */
    rowAt(row: number): Promise<unknown[]>;
}

const numericTypes = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT)|HUGEINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/;

/** A time as a timestamp with zone: text parsed as a date and time or as seconds since 1970, numbers as seconds. */
function duckDbTime(column: string, type: string): string {
    if (/CHAR|TEXT|STRING/.test(type)) {
        return `COALESCE(TRY_CAST(${column} AS TIMESTAMPTZ), to_timestamp(TRY_CAST(${column} AS DOUBLE)))`;
    }
    if (numericTypes.test(type)) return `to_timestamp(CAST(${column} AS DOUBLE))`;
    return `TRY_CAST(${column} AS TIMESTAMPTZ)`;
}

/**
 * DuckDB: the log is read once into a table in the file's order (its rowid breaks equal times;
 * a Parquet file is read in place, its own row numbers breaking them),
 * each activity coded by its place in the list of bound events. A journey's paths are then one
 * aggregation: per case, the list of [time, row, step] sorted, its steps with repeats merged.
 */
export async function duckDbStepPathQueries(
    session: SqlSession, source: string, columns: LogColumns, activities: string[], numbered = false
): Promise<StepPathQueries> {
    const [who, what, when] = [identifier(columns.case), identifier(columns.activity), identifier(columns.time)];
    const time = duckDbTime(when, columns.timeType);
    const activityList = activities.length > 0 ? `[${activities.map(sqlString).join(', ')}]` : 'CAST([] AS VARCHAR[])';
    // A projection only (no join), so the table keeps the rows in the order the file has them.
    // The time as microseconds, once; `incomplete` reads it by its alias (DuckDB's lateral column alias).
    const select = `SELECT
        CAST(${who} AS VARCHAR) AS case_id,
        list_position(${activityList}, CAST(${what} AS VARCHAR)) AS code,
        epoch_us(${time}) AS micros,
        ${columns.group ? `CAST(${identifier(columns.group)} AS VARCHAR)` : 'NULL'} AS grp,
        (${who} IS NULL OR ${what} IS NULL OR micros IS NULL) AS incomplete`;
    if (numbered) {
        // Parquet numbers its rows itself (`file_row_number`): no copy of the log is needed.
        await session.run(`CREATE TEMP VIEW log_rows AS ${select}, file_row_number AS n FROM ${source}`);
    } else {
        await session.run(`CREATE TEMP TABLE log_table AS ${select} FROM ${source}`);
        await session.run('CREATE TEMP VIEW log_rows AS SELECT *, rowid AS n FROM log_table');
    }
    return {
        rowCount: async () => Number((await session.rows('SELECT count(*) FROM log_rows'))[0][0]),
        countPaths: async (journey, steps) => {
            const stepOfCode = `[${activities.map(activity => {
                const step = journey.steps.get(activity);
                return step === undefined ? 'NULL' : String(steps.indexOf(step));
            }).join(', ')}]`;
            const rows = await session.rows(`
                WITH tagged AS (
                    SELECT case_id, micros, n, grp, incomplete, CAST((${stepOfCode})[code] AS BIGINT) AS step
                    FROM log_rows
                ),
                cases AS (
                    SELECT case_id, min(grp) AS grp,
                        count(*) FILTER (WHERE step IS NULL) AS unmapped,
                        min(n) FILTER (WHERE incomplete) AS bad,
                        list_transform(
                            list_sort(list([micros, n, step]) FILTER (WHERE step IS NOT NULL)), entry -> entry[3]
                        ) AS steps
                    FROM tagged GROUP BY case_id
                )
                SELECT list_filter(steps, (step, i) -> i = 1 OR step <> steps[i - 1]) AS path, grp,
                    count(*), sum(unmapped), min(bad)
                FROM cases GROUP BY ALL`);
            return countedRows(rows);
        },
        rowAt: row => rowOfLog(session, source, [who, what, when], row)
    };
}

/** One row of the log, numbered in the order the engine reads it: only for a message, so read again. */
async function rowOfLog(session: SqlSession, source: string, columns: string[], row: number): Promise<unknown[]> {
    const numbered = `(SELECT *, row_number() OVER () AS n FROM ${source}) AS numbered`;
    return (await session.rows(`SELECT ${columns.join(', ')} FROM ${numbered} WHERE n = ${row + 1}`))[0] ?? [];
}

/**
 * PostgreSQL: the same definitions in its dialect, run on the server over the query's rows
 * (numbered in the order the query gives them).
 */
export function postgresStepPathQueries(session: SqlSession, source: string, columns: LogColumns): StepPathQueries {
    const [who, what, when] = [identifier(columns.case), identifier(columns.activity), identifier(columns.time)];
    // PostgreSQL has no TRY_CAST: only text shaped as a date, or as a number, is read as a time.
    const time = /TEXT/.test(columns.timeType) ? `CASE
            WHEN ${when} ~ '^\\s*\\d{4}-\\d{2}-\\d{2}' THEN CAST(${when} AS TIMESTAMPTZ)
            WHEN ${when} ~ '^\\s*-?\\d+(\\.\\d+)?\\s*$' THEN to_timestamp(CAST(${when} AS DOUBLE PRECISION))
        END` : when;
    const group = columns.group ? `CAST(${identifier(columns.group)} AS VARCHAR)` : 'NULL';
    const log = `(SELECT CAST(${who} AS VARCHAR) AS case_id, CAST(${what} AS VARCHAR) AS activity, ${time} AS t,
        ${group} AS grp, row_number() OVER () - 1 AS n FROM ${source}) AS log`;
    return {
        rowCount: async () => Number((await session.rows(`SELECT count(*) FROM ${log}`))[0][0]),
        countPaths: async (journey, steps) => {
            const mapping = [...journey.steps]
                .map(([activity, step]) => `(${sqlString(activity)}, ${steps.indexOf(step)})`).join(', ');
            const [[unmapped, bad]] = await session.rows(`WITH mapping(activity, step) AS (VALUES ${mapping})
                SELECT count(*) FILTER (WHERE activity IS NULL OR activity NOT IN (SELECT activity FROM mapping)),
                    min(n) FILTER (WHERE t IS NULL OR case_id IS NULL OR activity IS NULL) FROM ${log}`);
            if (bad !== null) return { rows: [], unmapped: Number(unmapped), firstIncomplete: Number(bad) };
            const rows = await session.rows(`
                WITH mapping(activity, step) AS (VALUES ${mapping}),
                mapped AS (
                    SELECT log.case_id, mapping.step, log.t, log.n, log.grp
                    FROM ${log} JOIN mapping ON log.activity = mapping.activity
                ),
                marked AS (SELECT *, lag(step) OVER (PARTITION BY case_id ORDER BY t, n) AS previous FROM mapped),
                paths AS (
                    SELECT case_id, string_agg(CAST(step AS VARCHAR), ' ' ORDER BY t, n) AS path, min(grp) AS grp
                    FROM marked WHERE previous IS NULL OR previous <> step GROUP BY case_id
                )
                SELECT path, grp, count(*) FROM paths GROUP BY path, grp`);
            const counted = rows.map(([path, value, cases]) => ({
                path: String(path).split(' ').map(Number), group: value as string | null, cases: Number(cases)
            }));
            return { rows: counted, unmapped: Number(unmapped) };
        },
        rowAt: row => rowOfLog(session, source, [who, what, when], row)
    };
}

/** DuckDB's rows of (path list, group, cases, unmapped, first incomplete row) as counted rows. */
function countedRows(rows: unknown[][]): CountedRows {
    let unmapped = 0;
    let firstIncomplete: number | undefined;
    const counted: CountedRows['rows'] = [];
    for (const [path, group, cases, unmappedHere, bad] of rows) {
        unmapped += Number(unmappedHere ?? 0);
        if (bad !== null && bad !== undefined) firstIncomplete = Math.min(firstIncomplete ?? Infinity, Number(bad));
        const steps = listItems(path).map(Number);
        const value = group === null || group === undefined ? null : String(group);
        counted.push({ path: steps, group: value, cases: Number(cases) });
    }
    return { rows: counted, unmapped, firstIncomplete };
}

/** The items of a DuckDB list value (the driver gives an object with `items`), none for NULL. */
function listItems(value: unknown): unknown[] {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value;
    return (value as { items?: unknown[] }).items ?? [];
}
