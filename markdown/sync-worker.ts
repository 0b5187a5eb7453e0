/**
 * Calls an async function in a worker thread and waits for its answer synchronously:
 * markdown-it renders synchronously, and the language builds maps asynchronously. This is
 * what the `synckit` package does; it is not used because it loads a file that sits beside
 * it in node_modules, and the VS Code extension ships bundled, without node_modules.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export type SyncFunction<Request, Result> = (request: Request) => Result;

export function syncWorkerFunction<Request, Result>(
    workerPath: string,
    timeoutMs: number
): SyncFunction<Request, Result> {
    // A worker that cannot start only says so on the event loop, which a synchronous wait blocks.
    if (!existsSync(workerPath))
        return () => {
            throw new Error(`the worker ${workerPath} does not exist (run npm run build)`);
        };
    const { port1: answers, port2: workerPort } = new MessageChannel();
    const worker = new Worker(workerPath, { workerData: { port: workerPort }, transferList: [workerPort] });
    // The worker must not keep a finished build or preview process alive.
    worker.unref();
    answers.unref();
    let failure: Error | undefined;
    worker.on('error', error => {
        failure = error;
    });
    return request => {
        if (failure) throw failure;
        const signal = new Int32Array(new SharedArrayBuffer(4));
        worker.postMessage({ signal, request });
        if (Atomics.wait(signal, 0, 0, timeoutMs) === 'timed-out')
            throw new Error(`no answer after ${timeoutMs / 1000} s`);
        const answer = receiveMessageOnPort(answers)?.message as { result?: Result; error?: string } | undefined;
        if (!answer) throw failure ?? new Error('the worker gave no answer');
        if (answer.error !== undefined) throw new Error(answer.error);
        return answer.result as Result;
    };
}

/** The worker's side: answers each request with `work`'s result, then wakes the caller. */
export function answerInWorker<Request, Result>(
    port: MessagePort,
    parent: { on(event: 'message', listener: (message: { signal: Int32Array; request: Request }) => void): void },
    work: (request: Request) => Promise<Result>
): void {
    parent.on('message', ({ signal, request }) => {
        void work(request)
            .then(
                result => port.postMessage({ result }),
                (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) })
            )
            .finally(() => {
                Atomics.store(signal, 0, 1);
                Atomics.notify(signal, 0);
            });
    });
}
