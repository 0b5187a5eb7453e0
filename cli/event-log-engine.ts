import type { EventLogColumns } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import type { CountedPaths, GroupedVariant } from '../paths/step-path-analysis.js';
import { describeUnknownColumn } from '../metrics/data-link.js';
import { duckDbSession, EventLogError, postgresSession, sqlString, type SqlSession } from './sql-sessions.js';
import {
    duckDbStepPathQueries, postgresStepPathQueries, type CountedRows, type LogColumns, type StepPathQueries
} from './step-path-queries.js';

export { EventLogError } from './sql-sessions.js';

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

/**
 * The counted step paths of each journey in one log, in the order of `journeys`. `split` is the
 * column whose value groups the cases (the log's `variant` or `--split`).
 */
export async function countStepPaths(
    relation: EventLogRelation, columns: EventLogColumns, journeys: readonly JourneyEvents[], split?: string
): Promise<CountedPaths[]> {
    const onPostgres = relation.kind === 'query' && relation.engine === 'postgres';
    const session = onPostgres ? await postgresSession(relation.postgresUrl)
        : await duckDbSession(relation.kind === 'query' ? relation.searchFolders : []);
    try {
        const source = relation.kind === 'file' ? fileRelation(relation.path) : queryRelation(relation.sql);
        const queries = await stepPathQueries(session, relation, source, columns, journeys, split);
        if ((await queries.rowCount()) === 0) throw new EventLogError(t('The event log has no rows.'));
        const counted: CountedPaths[] = [];
        for (const journey of journeys) {
            const steps = [...new Set(journey.steps.values())];
            const rows = await queries.countPaths(journey, steps);
            if (rows.firstIncomplete !== undefined) throw await incompleteRow(queries, rows.firstIncomplete);
            counted.push(countedPaths(rows, steps, split !== undefined));
        }
        return counted;
    } finally {
        await session.close();
    }
}

/**
 * The engine's queries over the log. A CSV is read as text, so its columns need no look first:
 * only when reading it fails are they looked at, to name a missing one (DuckDB reads a CSV's
 * header once less that way).
 */
async function stepPathQueries(
    session: SqlSession, relation: EventLogRelation, source: string, columns: EventLogColumns,
    journeys: readonly JourneyEvents[], split: string | undefined
): Promise<StepPathQueries> {
    const looked = () => selectedColumns(session, source, columns, split);
    if (session.engine === 'postgres') return postgresStepPathQueries(session, source, await looked());
    const activities = [...new Set(journeys.flatMap(journey => [...journey.steps.keys()]))];
    const isCsv = relation.kind === 'file' && source.startsWith('read_csv(');
    if (!isCsv) {
        const numbered = relation.kind === 'file' && isParquet(relation.path);
        return duckDbStepPathQueries(session, source, await looked(), activities, numbered);
    }
    const asText: LogColumns = { ...columns, group: split, timeType: 'VARCHAR' };
    try {
        return await duckDbStepPathQueries(session, source, asText, activities);
    } catch (error) {
        await looked(); // throws the message naming a missing column
        throw error;
    }
}

function fileRelation(path: string): string {
    const literal = sqlString(path);
    const lower = path.toLowerCase();
    if (isParquet(path)) return `read_parquet(${literal}, file_row_number = true)`;
    if (/\.(json|ndjson|jsonl)$/.test(lower)) return `read_json_auto(${literal})`;
    // Every column as text: a malformed cell deep in the file is then reported by its row, not by the CSV reader.
    return `read_csv(${literal}, all_varchar = true)`;
}

/** The log's columns for who, what, when and which group, once each is known to be there. */
async function selectedColumns(
    session: SqlSession, source: string, columns: EventLogColumns, split: string | undefined
): Promise<LogColumns> {
    // `file_row_number` is DuckDB's, added to a Parquet file's own columns.
    const found = (await session.columns(source)).filter(column => column.name !== 'file_row_number');
    const names = found.map(column => column.name);
    for (const column of [columns.case, columns.activity, columns.time, ...(split ? [split] : [])]) {
        if (!names.includes(column)) throw new EventLogError(describeUnknownColumn(column, names, t('column')).message);
    }
    const timeType = found.find(column => column.name === columns.time)!.type.toUpperCase();
    return { case: columns.case, activity: columns.activity, time: columns.time, group: split, timeType };
}

/** A query's rows as a relation; a trailing `;` is the writer's, not part of a subquery. */
function queryRelation(sql: string): string {
    return `(${sql.trim().replace(/;\s*$/, '')}) AS query`;
}

function isParquet(path: string): boolean {
    return path.toLowerCase().endsWith('.parquet');
}

/** The error for a row without a case, an activity or a time that parses, naming its row and line. */
async function incompleteRow(queries: StepPathQueries, index: number): Promise<EventLogError> {
    const [caseId, activity, time] = await queries.rowAt(index);
    const row = index + 1;
    const line = row + 1;
    const missing = (value: unknown) => value === null || value === undefined || value === '';
    const where = { row, line };
    if (missing(caseId)) return new EventLogError(t('Row {row} (line {line}) of the event log has no case.', where));
    if (missing(activity))
        return new EventLogError(t('Row {row} (line {line}) of the event log has no activity.', where));
    if (missing(time)) return new EventLogError(t('Row {row} (line {line}) of the event log has no time.', where));
    return new EventLogError(
        t(
            "Row {row} (line {line}) of the event log has the time '{time}', which is neither a date and time nor a number.",
            { row, line, time: String(time).slice(0, 40) }
        )
    );
}

/** Step indexes back to step names; cases without a mapped event are no variant. */
function countedPaths(counted: CountedRows, steps: string[], grouped: boolean): CountedPaths {
    const variants: GroupedVariant[] = counted.rows.filter(row => row.path.length > 0).map(row => ({
        path: row.path.map(index => steps[index]),
        count: row.cases,
        ...(grouped ? { group: row.group ?? '' } : {})
    }));
    return { variants, unmappedEvents: counted.unmapped };
}
