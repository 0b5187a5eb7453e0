#!/usr/bin/env node
// Compiled code is kept between runs (Node 22.1+ does it, bin/code-cache.cjs on Node 20): starting the bundle
// is most of a cached `check`.
const command = commandOf(process.argv.slice(2));
// `journeymap paths` counts in DuckDB, whose native library takes as long to load as this command's
// bundle: it starts loading in a worker thread now (cli/sql-sessions.ts takes the worker over).
if (command === 'paths') {
    const { Worker } = require('node:worker_threads');
    const script = require('node:path').join(__dirname, '..', 'dist', 'duckdb-worker.js');
    if (require('node:fs').existsSync(script)) globalThis[Symbol.for('journeymap.duckdb-worker')] = new Worker(script);
}
require('./code-cache.cjs').runBundle(require('node:path').join(__dirname, '..', 'dist', 'cli.js'), command ?? 'none');

/** The command's name: the first argument that is no option (nor `--lang`'s value). */
function commandOf(args) {
    for (let index = 0; index < args.length; index++) {
        if (args[index] === '--lang') index++;
        else if (!args[index].startsWith('-')) return args[index];
    }
    return undefined;
}
