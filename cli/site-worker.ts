/**
 * dist/site-worker.js: builds a shard of the maps of `journeymap site` — checks them, draws
 * and writes their journeys — in a worker thread, so that a site of a thousand maps is read,
 * checked and drawn on every processor.
 */
import { parentPort } from 'node:worker_threads';
import { buildSiteShard, type SiteShard } from './site-shard.js';

parentPort?.once('message', (shard: SiteShard) => {
    buildSiteShard(shard, () => parentPort!.postMessage({ drew: 1 })).then(
        result => parentPort!.postMessage({ result }),
        (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
    );
});
