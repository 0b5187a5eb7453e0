import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';

/** What a shard's worker says: a unit of progress, its result, or why it failed. */
type WorkerMessage<Result> = { progress: 1 } | { result: Result } | { error: string };

/**
 * Worker threads, each doing one shard of a command's maps (`site`, `check`). They are started
 * when made, so that they load while the command does its own first work.
 */
export class ShardWorkers<Shard, Result> {
    private readonly workers: Worker[];

    constructor(workerPath: string, count: number) {
        this.workers = Array.from({ length: Math.max(1, count) }, () => startWorker(workerPath));
    }

    get size(): number {
        return this.workers.length;
    }

    /** Runs shard i in worker i, then ends the workers; a worker's error is the command's. */
    async run(shards: Shard[], progress: () => void): Promise<Result[]> {
        try {
            return await Promise.all(
                shards.map((shard, index) => runIn<Shard, Result>(this.workers[index], shard, progress))
            );
        } finally {
            await this.stop();
        }
    }

    async stop(): Promise<void> {
        await Promise.all(this.workers.map(worker => worker.terminate()));
    }
}

/** A worker running the bundle `script` from compiled code kept between runs, as bin/journeymap.cjs runs the CLI. */
function startWorker(script: string): Worker {
    const loader = join(dirname(script), '..', 'bin', 'code-cache.cjs');
    if (!existsSync(loader)) return new Worker(script);
    const source = `require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(script)}, '${basename(script)}')`;
    return new Worker(source, { eval: true });
}

function runIn<Shard, Result>(worker: Worker, shard: Shard, progress: () => void): Promise<Result> {
    return new Promise((resolve, reject) => {
        worker.on('message', (message: WorkerMessage<Result>) => {
            if ('progress' in message) progress();
            else if ('error' in message) reject(new Error(message.error));
            else resolve(message.result);
        });
        worker.once('error', reject);
        // Settled already when the worker answered; otherwise it died without a word.
        worker.once('exit', code => reject(new Error(`a worker thread stopped (exit code ${code})`)));
        worker.postMessage(shard);
    });
}

/** In a worker thread: does the one shard it is sent, and answers with the result or the error. */
export function serveOneShard<Shard, Result>(work: (shard: Shard, progress: () => void) => Promise<Result>): void {
    const port = parentPort;
    if (!port) return;
    const answer = (message: WorkerMessage<Result>) => port.postMessage(message);
    port.once('message', (shard: Shard) => {
        work(shard, () => answer({ progress: 1 })).then(
            result => {
                // Its parent ends it once answered: a cache of its compiled code is kept first (bin/code-cache.cjs).
                (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('journeymap.keep-code-cache')]?.();
                answer({ result });
            },
            (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) })
        );
    });
}

/** Below this many maps, a command does its work in its own thread: starting workers would take longer. */
export const mapsWorthWorkers = 20;

/** How many threads to use by default: one per processor, at most `limit`. */
export function defaultThreads(limit: number): number {
    return Math.max(1, Math.min(limit, availableParallelism()));
}

/** The maps cut into `count` runs of neighbours (maps in one folder tend to import the same files). */
export function shardsOf(files: string[], count: number): string[][] {
    const size = Math.ceil(files.length / count);
    return Array.from({ length: count }, (_, index) => files.slice(index * size, (index + 1) * size)).filter(
        shard => shard.length > 0
    );
}
