import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SqlReply, SqlRequest } from './duckdb-worker-protocol.js';
import { duckDbSettings } from './duckdb-settings.js';

/**
 * Where the CLI's DuckDB runs: in a worker thread started as early as possible (its native
 * library loads while the command reads and checks the maps), or in this thread where there is
 * no worker script (the sources run by tsx).
 */

/** The few things a session needs of DuckDB, wherever it runs. */
export interface DuckDbRunner {
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
export function takeDuckDb(): Promise<DuckDbRunner> {
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
    // A worker that failed or ended answers nothing more: whatever waits, and whatever is asked later, fails.
    let ended: Error | undefined;
    const endWith = (error: Error) => {
        ended ??= error;
        for (const pending of waiting.values()) pending.reject(ended);
        waiting.clear();
    };
    worker.on('error', endWith);
    worker.on('exit', code => endWith(new Error(`DuckDB stopped (exit code ${code})`)));
    // Nothing asked of it: the worker must not keep the command alive.
    worker.unref();
    const ask = (request: DistributiveOmit<SqlRequest, 'id'>) => new Promise<unknown[][]>((resolve, reject) => {
        if (ended) return reject(ended);
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
