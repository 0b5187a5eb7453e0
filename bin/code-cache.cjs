'use strict';
// Node 22.1+ keeps compiled code between runs (module.enableCompileCache); Node 20 has no such switch.
// This does the same for one CommonJS bundle with V8's code cache: the bundle's code is compiled once
// per bundle, Node and command, and read back on every later run.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { isMainThread, threadId } = require('node:worker_threads');

/**
 * Runs the CommonJS bundle `file` from compiled code kept between runs: Node's own compile cache where it has one
 * (22.1+), else V8's code cache under `name`.
 */
function runBundle(file, name) {
    if (Module.enableCompileCache) {
        Module.enableCompileCache();
        require(file);
    } else {
        requireWithCodeCache(file, name);
    }
}

/**
 * Runs the CommonJS bundle `file` as `require(file)` would, with its compiled code kept in `folder` under `name`
 * (the command: each keeps the functions its own runs compiled). Without a usable folder it runs uncached.
 */
function requireWithCodeCache(file, name, folder = codeCacheFolder()) {
    const source = fs.readFileSync(file, 'utf8');
    const cacheFile = folder && path.join(folder, `${cacheKey(source, name)}.bin`);
    const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
    // No import() in it: code read from V8's cache loses the loader import() needs (esbuild.mjs writes require).
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
        // Made when the work is done, so the cache holds the functions this run compiled, not only the top level.
        const keep = () => writeQuietly(cacheFile, script.createCachedData());
        // A worker thread is ended by its parent without an exit event: it keeps its cache before it answers.
        if (isMainThread) process.once('exit', keep);
        else globalThis[Symbol.for('journeymap.keep-code-cache')] = keep;
    }
    const bundle = new Module(file, module);
    bundle.filename = file;
    script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));
    return bundle.exports;
}

/** V8 checks its version and flags, and the source only by length: the key names the content itself. */
function cacheKey(source, name) {
    return createHash('sha1').update(`${process.version}\0${process.arch}\0${name}\0`).update(source).digest('hex');
}

/**
 * NODE_COMPILE_CACHE's folder (or the temporary one) when it is ours alone: code read from a folder others can write
 * would run as ours. NODE_DISABLE_COMPILE_CACHE turns it off, as it does Node's own cache.
 */
function codeCacheFolder() {
    if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
    const base = process.env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), 'node-compile-cache');
    const uid = process.getuid?.() ?? 0;
    const folder = path.join(base, `journeymap-${uid}`);
    try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        const stat = fs.statSync(folder);
        return stat.uid === uid && (stat.mode & 0o022) === 0 ? folder : undefined;
    } catch {
        return undefined;
    }
}

function readIfPresent(file) {
    try {
        return fs.readFileSync(file);
    } catch {
        return undefined;
    }
}

/** A cache that cannot be written costs the next run its speed, never this run its result. */
function writeQuietly(file, data) {
    // Per thread: the workers of one command may all write the same bundle's cache at once.
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    try {
        fs.writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
        fs.renameSync(temporary, file);
    } catch {
        fs.rmSync(temporary, { force: true });
    }
}

module.exports = { runBundle, requireWithCodeCache };
