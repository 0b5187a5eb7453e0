/**
 * dist/site-worker.js: draws and writes the files of journeys for `journeymap site`, in a
 * worker thread, so that a site of a thousand maps is drawn on every processor.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useCliLanguage, type CliLanguage } from './cli-language.js';
import { writeJourneyFiles, type JourneyTask } from './site-journey.js';
import { SiteWriter } from './site-writer.js';

const writer = new SiteWriter(workerData.output, workerData.repository);

/** One journey at a time: the language of the labels is the worker's, set for each journey. */
let working = Promise.resolve();

/**
 * A journey is answered once drawn and its files are queued: the disk writes them meanwhile,
 * and `flush` (the pool's last message) answers when every file is written.
 */
parentPort?.on('message', (message: { id: number; task?: JourneyTask; language?: CliLanguage; flush?: true }) => {
    working = working.then(async () => {
        try {
            if (message.flush) {
                await writer.flush();
                parentPort!.postMessage({ id: message.id, files: 0 });
                return;
            }
            useCliLanguage(message.language!);
            const files = await writeJourneyFiles(message.task!, writer);
            parentPort!.postMessage({ id: message.id, files });
        } catch (error) {
            parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
        }
    });
});
