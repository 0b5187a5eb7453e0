/** dist/check-worker.js: checks a shard of the maps of `journeymap check` in a worker thread. */
import { checkShard } from './check-shard.js';
import { serveOneShard } from './shard-workers.js';

serveOneShard(checkShard);
