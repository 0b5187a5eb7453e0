#!/usr/bin/env node
// Compiled code is kept between runs (Node 22.1+ does it, bin/code-cache.cjs on Node 20): starting the bundle
// is most of a cached `check`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const command = commandOf(process.argv.slice(2));
const dist = join(__dirname, '..', 'dist');
// `journeymap paths` counts in DuckDB, whose native library takes as long to load as this command's
// bundle: it starts loading in a worker thread now (cli/sql-sessions.ts takes the worker over).
const duckDbWorker = join(dist, 'duckdb-worker.js');
if (command === 'paths' && existsSync(duckDbWorker)) {
    const { Worker } = require('node:worker_threads');
    globalThis[Symbol.for('journeymap.duckdb-worker')] = new Worker(duckDbWorker);
}
require('./code-cache.cjs').runBundle(join(dist, 'cli.js'), command ?? 'none');

/** The command's name: the first argument that is no option (nor `--lang`'s value). */
function commandOf(args) {
    for (let index = 0; index < args.length; index++) {
        if (args[index] === '--lang') index++;
        else if (!args[index].startsWith('-')) return args[index];
    }
    return undefined;
}
