import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SiteEntry } from '../render/site-pages.js';
import type { SiteShard } from './site-shard.js';

export type ShardResult = { entries: SiteEntry[]; files: number };

/**
 * Worker threads (dist/site-worker.js), one per processor and at most four, each building one
 * shard of the site. They are started first, so that they load while the command reads git.
 */
export class SiteWorkers {
    private readonly workers: Worker[];

    constructor(workerPath: string, count = Math.min(4, availableParallelism())) {
        this.workers = Array.from({ length: Math.max(1, count) }, () => new Worker(workerPath));
    }

    get size(): number {
        return this.workers.length;
    }

    /** Builds shard i in worker i, then ends the workers; a worker's error is the build's. */
    async build(shards: SiteShard[], drew: () => void): Promise<ShardResult[]> {
        try {
            return await Promise.all(shards.map((shard, index) => buildIn(this.workers[index], shard, drew)));
        } finally {
            await Promise.all(this.workers.map(worker => worker.terminate()));
        }
    }
}

function buildIn(worker: Worker, shard: SiteShard, drew: () => void): Promise<ShardResult> {
    return new Promise((resolve, reject) => {
        worker.on('message', (message: { drew?: number; result?: ShardResult; error?: string }) => {
            if (message.drew) drew();
            else if (message.error !== undefined) reject(new Error(message.error));
            else resolve(message.result!);
        });
        worker.once('error', reject);
        // Settled already when the worker answered; otherwise it died without a word.
        worker.once('exit', code => reject(new Error(`a site worker stopped (exit code ${code})`)));
        worker.postMessage(shard);
    });
}

/** The maps cut into `count` runs of neighbours (maps in one folder tend to import the same files). */
export function shardsOf(files: string[], count: number): string[][] {
    const size = Math.ceil(files.length / count);
    return Array.from({ length: count }, (_, index) => files.slice(index * size, (index + 1) * size)).filter(shard => shard.length > 0);
}
