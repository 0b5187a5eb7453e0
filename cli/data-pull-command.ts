import { mkdir, readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { AstUtils, type LangiumDocument } from 'langium';
import { isDataSource, type DataSource } from '../language/generated/ast.js';
import type { JourneyServices } from '../language/journey-module.js';
import { queryEngineOf, unknownEngineMessage } from '../language/journey-data-sources.js';
import { t } from '../model/localisation.js';
import { ExitCode } from './check-command.js';
import { bodyOfSnapshot, snapshotBody, snapshotText } from './data-snapshot.js';
import { findJourneyFiles } from './journey-files.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';
import {
    ConnectionError,
    describeServer,
    engineName,
    QueryError,
    runDuckDbQuery,
    runPostgresQuery,
    withoutSecrets,
    type QueryResult
} from './query-engines.js';
import { writeAtomically } from './write-atomically.js';
import { pullPathsSnapshots, readsEventLogs } from './paths-pull.js';

export interface DataPullOptions {
    root: string;
    /** Compare each snapshot with a fresh result and write nothing; exit 1 when one is out of date. */
    check: boolean;
    /** Where `on postgres` connects (`JOURNEYMAP_POSTGRES_URL`); never from a file. */
    postgresUrl?: string;
    /** The time written into each snapshot's comment (tests fix it). */
    now?: () => Date;
}

/** A data source with a query, resolved: where its snapshot and query files are. */
interface PulledSource {
    name: string;
    snapshot: string;
    query: string;
    /** As written in the map, for the snapshot's comment. */
    queryAsWritten: string;
    /** The folder of the map that declares the source: DuckDB reads the query's relative paths from there first. */
    mapFolder: string;
    engine: 'duckdb' | 'postgres';
}

/**
 * `journeymap data pull [paths…]`: runs the query of every `data … from "query.sql"` in the
 * maps and writes its result, atomically, to the data file the map reads, so that the
 * numbers on the map are a snapshot reviewed in git. With `--check`, writes nothing and
 * exits 1 when a snapshot differs from what its query returns now.
 * Exit codes: 0 done (or up to date), 1 a query failed or a snapshot is out of date,
 * 2 bad input, or a server that cannot be reached (old snapshots are kept).
 */
export async function runDataPull(
    paths: string[],
    options: DataPullOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const { files, problems } = await findJourneyFiles(paths.length > 0 ? paths : ['.']);
    for (const problem of problems) err(`${problem.path}: ${problem.message}`);
    if (problems.length > 0) return ExitCode.UsageOrInput;
    const loaded = await loadWorkspace(files, { root: options.root, maxFileBytes: defaultMaxFileBytes });
    const documents = loaded.services.shared.workspace.LangiumDocuments.all.toArray();
    const found = pulledSources(loaded.services, documents);
    for (const problem of found.problems) err(problem);
    if (found.problems.length > 0) return ExitCode.UsageOrInput;
    const now = (options.now ?? (() => new Date()))();
    const asked = loaded.documents.map(document => document.uri.toString());
    const mapsWithPaths = documents.filter(document => asked.includes(document.uri.toString()));
    if (found.sources.length === 0 && !readsEventLogs(loaded.services, mapsWithPaths)) {
        out(
            t(
                'No data source in these maps has a query (`data name "file.csv" from "query.sql"`), and no journey reads an event log (`paths from`).'
            )
        );
        return ExitCode.Clean;
    }
    const exitCode = await pullTables(found.sources, options, now, out, err);
    const pathsPull = { check: options.check, postgresUrl: options.postgresUrl, now };
    return Math.max(exitCode, await pullPathsSnapshots(loaded.services, mapsWithPaths, pathsPull, out, err));
}

/** Runs each table query and writes (or, with `--check`, compares) its snapshot. */
async function pullTables(
    sources: PulledSource[],
    options: DataPullOptions,
    now: Date,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    let exitCode: number = ExitCode.Clean;
    for (const [index, source] of sources.entries()) {
        const shown = relative(process.cwd(), source.snapshot);
        err(
            t('[{index}/{count}] {name}: running {query} ({engine})…', {
                index: index + 1,
                count: sources.length,
                name: source.name,
                query: relative(process.cwd(), source.query),
                engine: engineName(source.engine)
            })
        );
        const result = await runQuery(source, options);
        if (!('columns' in result)) {
            err(result.message);
            exitCode = Math.max(exitCode, result.exitCode);
            continue;
        }
        if (options.check) {
            const current = await readFile(source.snapshot, 'utf8').catch(() => undefined);
            const upToDate = current !== undefined && bodyOfSnapshot(current) === snapshotBody(result);
            out(
                upToDate
                    ? t('{file} is up to date ({rows} rows).', { file: shown, rows: result.rows.length })
                    : current === undefined
                      ? t('{file} is missing: run `journeymap data pull`.', { file: shown })
                      : t('{file} is out of date: {query} now returns other rows; run `journeymap data pull`.', {
                            file: shown,
                            query: source.queryAsWritten
                        })
            );
            if (!upToDate) exitCode = Math.max(exitCode, ExitCode.Errors);
            continue;
        }
        await mkdir(dirname(source.snapshot), { recursive: true });
        await writeAtomically(source.snapshot, snapshotText(result, source.queryAsWritten, source.engine, now));
        out(
            t('Wrote {file}: {rows} rows, {columns} columns.', {
                file: shown,
                rows: result.rows.length,
                columns: result.columns.length
            })
        );
    }
    return exitCode;
}

/** Every data source with a query in the loaded maps, each snapshot once; or why one cannot be pulled. */
function pulledSources(
    services: JourneyServices,
    documents: LangiumDocument[]
): { sources: PulledSource[]; problems: string[] } {
    const workspace = services.journey.Workspace;
    const sources = new Map<string, PulledSource>();
    const problems: string[] = [];
    for (const document of documents) {
        for (const source of AstUtils.streamAllContents(document.parseResult.value).filter(isDataSource)) {
            // An event log's query is not a table to snapshot: its paths are (paths-pull.ts).
            if (typeof source.query !== 'string' || source.eventLog) continue;
            const where = `${relative(process.cwd(), document.uri.fsPath)}: data ${source.name}`;
            const snapshot = workspace.resolve(document.uri, source.path);
            const query = workspace.resolve(document.uri, source.query);
            if (snapshot.kind === 'outside')
                problems.push(
                    `${where}: ${t('Data path "{path}" {reason}.', { path: source.path ?? '', reason: snapshot.reason })}`
                );
            else if (query.kind === 'outside')
                problems.push(
                    `${where}: ${t('Query path "{path}" {reason}.', { path: source.query, reason: query.reason })}`
                );
            else if (!source.path.toLowerCase().endsWith('.csv'))
                problems.push(
                    `${where}: ${t('a query writes a CSV snapshot; name the data file "….csv" (it is "{path}").', { path: source.path })}`
                );
            else if (source.engine !== undefined && queryEngineOf(source) === undefined)
                problems.push(`${where}: ${unknownEngineMessage(source.engine)}`);
            else
                sources.set(
                    snapshot.uri.fsPath,
                    describe(source, snapshot.uri.fsPath, query.uri.fsPath, dirname(document.uri.fsPath))
                );
        }
    }
    return { sources: [...sources.values()], problems };
}

function describe(source: DataSource, snapshot: string, query: string, mapFolder: string): PulledSource {
    return {
        name: source.name,
        snapshot,
        query,
        queryAsWritten: source.query!,
        mapFolder,
        engine: queryEngineOf(source) ?? 'duckdb'
    };
}

/** The query's rows, or the message and exit code of why there are none. */
async function runQuery(
    source: PulledSource,
    options: DataPullOptions
): Promise<QueryResult | { message: string; exitCode: number }> {
    const queryFile = relative(process.cwd(), source.query);
    const sql = await readFile(source.query, 'utf8').catch(() => undefined);
    if (sql === undefined)
        return {
            message: t('{file}: the query file does not exist.', { file: queryFile }),
            exitCode: ExitCode.UsageOrInput
        };
    try {
        if (source.engine === 'duckdb') return await runDuckDbQuery(sql, [source.mapFolder, options.root]);
        if (!options.postgresUrl) {
            return {
                message: t(
                    "{file}: `on postgres` needs the server's URL in the environment variable JOURNEYMAP_POSTGRES_URL (postgres://user:password@host:5432/database).",
                    { file: queryFile }
                ),
                exitCode: ExitCode.UsageOrInput
            };
        }
        return await runPostgresQuery(sql, options.postgresUrl);
    } catch (error) {
        if (error instanceof QueryError)
            return {
                message: `${queryFile}:${error.line ?? 1}: error query-failed ${error.message}`,
                exitCode: ExitCode.Errors
            };
        if (error instanceof ConnectionError)
            return {
                message: t('{file}: {reason}; the old snapshot is kept.', { file: queryFile, reason: error.message }),
                exitCode: ExitCode.UsageOrInput
            };
        if (source.engine === 'postgres' && options.postgresUrl) {
            return {
                message: `${queryFile} (${describeServer(options.postgresUrl)}): ${withoutSecrets(error, options.postgresUrl)}`,
                exitCode: ExitCode.UsageOrInput
            };
        }
        return {
            message: `${queryFile}: ${error instanceof Error ? error.message : String(error)}`,
            exitCode: ExitCode.UsageOrInput
        };
    }
}
