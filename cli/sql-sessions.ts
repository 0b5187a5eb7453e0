import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { t } from '../model/localisation.js';
import type { SqlReply, SqlRequest } from './duckdb-worker-protocol.js';
import { duckDbSettings } from './duckdb-settings.js';
import { ConnectionError, describeServer, withoutSecrets } from './query-engines.js';

/** A log that cannot be read as asked: the message says what is wrong and where. */
export class EventLogError extends Error {}

/** Runs SQL and gives rows back; one per engine. An engine's refusal is an EventLogError with its message. */
export interface SqlSession {
    engine: 'duckdb' | 'postgres';
    columns(relation: string): Promise<Array<{ name: string; type: string }>>;
    rows(sql: string): Promise<unknown[][]>;
    run(sql: string): Promise<void>;
    close(): Promise<void>;
}

/** DuckDB in memory; relative paths in a query are looked up in `searchFolders`. */
export async function duckDbSession(searchFolders: string[] = []): Promise<SqlSession> {
    const sql = await takeDuckDb();
    const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            // DuckDB's first line says what is wrong; the rest is its context.
            throw new EventLogError((error instanceof Error ? error.message : String(error)).split('\n')[0]);
        }
    };
    if (searchFolders.length > 0) await sql.run(`SET file_search_path = ${sqlString(searchFolders.join(','))}`);
    return {
        engine: 'duckdb',
        columns: source => guarded(async () => {
            const described = await sql.rows(`DESCRIBE SELECT * FROM ${source}`);
            return described.map(row => ({ name: String(row[0]), type: String(row[1]) }));
        }),
        rows: query => guarded(() => sql.rows(query)),
        run: query => guarded(() => sql.run(query)),
        close: () => sql.close()
    };
}

/** The few things a session needs of DuckDB, wherever it runs. */
interface DuckDbRunner {
    rows(sql: string): Promise<unknown[][]>;
    run(sql: string): Promise<void>;
    close(): Promise<void>;
}

let warming: Promise<DuckDbRunner> | undefined;

/**
 * Starts DuckDB in a worker thread (dist/duckdb-worker.js), so that its native library loads
 * while the maps are read and checked; the next session takes it. Nothing where there is no
 * worker script (the sources run by tsx): the session then loads DuckDB in this thread.
 */
export function warmDuckDb(): void {
    warming ??= startWorker();
}

/** The warm worker, or a new one, or DuckDB in this thread. */
function takeDuckDb(): Promise<DuckDbRunner> {
    const taken = warming ?? startWorker() ?? inProcessDuckDb();
    warming = undefined;
    return taken;
}

/** Where bin/journeymap.cjs leaves the worker it started before the command's bundle loaded. */
const prestarted = Symbol.for('journeymap.duckdb-worker');

function startWorker(): Promise<DuckDbRunner> | undefined {
    const started = (globalThis as Record<symbol, Worker | undefined>)[prestarted];
    if (started) {
        delete (globalThis as Record<symbol, Worker | undefined>)[prestarted];
        return Promise.resolve(workerRunner(started));
    }
    const script = typeof __dirname === 'string' ? join(__dirname, 'duckdb-worker.js') : undefined;
    if (!script || !existsSync(script)) return undefined;
    return Promise.resolve(workerRunner(new Worker(script)));
}

function workerRunner(worker: Worker): DuckDbRunner {
    let next = 0;
    const waiting = new Map<number, { resolve: (rows: unknown[][]) => void; reject: (error: Error) => void }>();
    worker.on('message', (reply: SqlReply) => {
        const pending = waiting.get(reply.id);
        waiting.delete(reply.id);
        if ('error' in reply) pending?.reject(new Error(reply.error));
        else pending?.resolve(reply.rows);
    });
    worker.on('error', error => {
        for (const pending of waiting.values()) pending.reject(error);
        waiting.clear();
    });
    // Nothing asked of it: the worker must not keep the command alive.
    worker.unref();
    const ask = (request: DistributiveOmit<SqlRequest, 'id'>) => new Promise<unknown[][]>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ ...request, id } as SqlRequest);
    }).finally(() => { if (waiting.size === 0) worker.unref(); });
    return {
        rows: sql => ask({ kind: 'rows', sql }),
        run: async sql => { await ask({ kind: 'run', sql }); },
        close: async () => {
            await ask({ kind: 'close' }).catch(() => undefined);
            await worker.terminate();
        }
    };
}

/**
 * Closes a DuckDB worker started and never used (the log was on PostgreSQL, or the maps had
 * errors): a process that ends while the worker is still loading the native library aborts.
 */
export async function releaseWarmDuckDb(): Promise<void> {
    const prestartedWorker = (globalThis as Record<symbol, Worker | undefined>)[prestarted] ? startWorker() : undefined;
    const unused = warming ?? prestartedWorker;
    warming = undefined;
    if (unused) await (await unused).close();
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function inProcessDuckDb(): Promise<DuckDbRunner> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', duckDbSettings());
    const connection = await instance.connect();
    return {
        rows: async sql => (await connection.runAndReadAll(sql)).getRows() as unknown[][],
        run: async sql => { await connection.run(sql); },
        close: async () => {
            connection.closeSync();
            instance.closeSync();
        }
    };
}

/** PostgreSQL at `url` (JOURNEYMAP_POSTGRES_URL); a server out of reach is a ConnectionError naming the host only. */
export async function postgresSession(url: string | undefined): Promise<SqlSession> {
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
        engine: 'postgres',
        columns: async source => (await query(`SELECT * FROM ${source} LIMIT 0`)).fields
            .map(field => ({ name: field.name, type: textTypes.includes(field.dataTypeID) ? 'TEXT' : String(field.dataTypeID) })),
        rows: async sql => (await query(sql)).rows as unknown[][],
        run: async sql => { await query(sql); },
        close: async () => { await client.end().catch(() => undefined); }
    };
}

/** PostgreSQL's text, char and varchar. */
const textTypes = [25, 1042, 1043];

/** A name as an SQL identifier, whatever it holds. */
export function identifier(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
}

/** Text as an SQL string literal. */
export function sqlString(text: string): string {
    return `'${text.replace(/'/g, "''")}'`;
}
