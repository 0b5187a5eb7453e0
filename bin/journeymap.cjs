#!/usr/bin/env node
// Node 22.1+ keeps the bundle's compiled code between runs; starting is most of a cached `check`.
require('node:module').enableCompileCache?.();
// `journeymap paths` counts in DuckDB, whose native library takes as long to load as this command's
// bundle: it starts loading in a worker thread now (cli/sql-sessions.ts takes the worker over).
if (commandOf(process.argv.slice(2)) === 'paths') {
    const { Worker } = require('node:worker_threads');
    const script = require('node:path').join(__dirname, '..', 'dist', 'duckdb-worker.js');
    if (require('node:fs').existsSync(script)) globalThis[Symbol.for('journeymap.duckdb-worker')] = new Worker(script);
}
require('../dist/cli.js');

/** The command's name: the first argument that is no option (nor `--lang`'s value). */
function commandOf(args) {
    for (let index = 0; index < args.length; index++) {
        if (args[index] === '--lang') index++;
        else if (!args[index].startsWith('-')) return args[index];
    }
    return undefined;
}
