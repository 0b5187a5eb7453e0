import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CliLanguage } from './cli-language.js';
import type { JourneyTask } from './site-journey.js';

/** Journeys handed to a worker before it answers: enough to keep it busy, few enough that a thousand models are not all copied into messages at once. */
const inFlight = 4;

interface Queued {
    id: number;
    task: JourneyTask;
    language: CliLanguage;
}

/**
 * Worker threads (dist/site-worker.js) that draw and write journeys' files: one per
 * processor, at most four, each given the next journey when it has room.
 */
export class SiteWorkerPool {
    private readonly workers: Array<{ worker: Worker; waiting: number }>;
    private readonly answers = new Map<number, { resolve: (files: number) => void; reject: (error: Error) => void }>();
    private readonly queue: Queued[] = [];
    private nextId = 0;

    constructor(workerPath: string, workerData: { output: string; repository: string }, size = Math.min(4, availableParallelism())) {
        this.workers = Array.from({ length: Math.max(1, size) }, () => {
            const worker = new Worker(workerPath, { workerData });
            const entry = { worker, waiting: 0 };
            worker.on('message', (message: { id: number; files?: number; error?: string }) => {
                entry.waiting--;
                const answer = this.answers.get(message.id);
                this.answers.delete(message.id);
                if (message.error !== undefined) answer?.reject(new Error(message.error));
                else answer?.resolve(message.files ?? 0);
                this.dispatch();
            });
            worker.on('error', error => {
                for (const [, answer] of this.answers) answer.reject(error);
                this.answers.clear();
            });
            return entry;
        });
    }

    /** Draws and writes one journey's files; resolves to how many files it wrote. */
    run(task: JourneyTask, language: CliLanguage): Promise<number> {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.answers.set(id, { resolve, reject });
            this.queue.push({ id, task, language });
            this.dispatch();
        });
    }

    /** Hands queued journeys to the workers with room, least busy first. */
    private dispatch(): void {
        for (;;) {
            const entry = this.workers.reduce((least, candidate) => (candidate.waiting < least.waiting ? candidate : least));
            const next = entry.waiting < inFlight ? this.queue.shift() : undefined;
            if (!next) return;
            entry.waiting++;
            entry.worker.postMessage(next);
        }
    }

    /** Waits until every worker has written all its files, then ends them. */
    async close(): Promise<void> {
        try {
            await Promise.all(this.workers.map(entry => new Promise<number>((resolve, reject) => {
                const id = this.nextId++;
                this.answers.set(id, { resolve, reject });
                entry.waiting++;
                entry.worker.postMessage({ id, flush: true });
            })));
        } finally {
            await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
        }
    }
}
