/**
 * dist/site-worker.js: builds a shard of the maps of `journeymap site` — checks them, draws
 * and writes their journeys — in a worker thread, so that a site of a thousand maps is read,
 * checked and drawn on every processor.
 */
import { buildSiteShard } from './site-shard.js';
import { serveOneShard } from './shard-workers.js';

serveOneShard(buildSiteShard);
