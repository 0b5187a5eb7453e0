/**
 * dist/duckdb-worker.js: DuckDB in a worker thread. Loading DuckDB's native library takes about
 * as long as reading and checking the maps; started first, it loads while they are read, and
 * then runs the queries it is sent, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import type { SqlRequest, SqlReply } from './duckdb-worker-protocol.js';
import { duckDbSettings } from './duckdb-settings.js';

const connection = (async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', duckDbSettings());
    return { instance, connection: await instance.connect() };
})();

parentPort?.on('message', (request: SqlRequest) => {
    answer(request).then(reply => parentPort!.postMessage(reply));
});

async function answer(request: SqlRequest): Promise<SqlReply> {
    try {
        const { instance, connection: open } = await connection;
        if (request.kind === 'close') {
            open.closeSync();
            instance.closeSync();
            return { id: request.id, rows: [] };
        }
        if (request.kind === 'run') {
            await open.run(request.sql);
            return { id: request.id, rows: [] };
        }
        return { id: request.id, rows: (await open.runAndReadAll(request.sql)).getRows() as unknown[][] };
    } catch (error) {
        return { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
}
