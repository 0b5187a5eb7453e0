import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
    chmodSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    statSync,
    writeFileSync
} from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, workspaceWith } from './cli-runner.js';
import { repoRoot } from '../journey-test-kit.js';

/** The environment of a run whose temporary folder is `folder`, with no compile cache chosen by the caller. */
function withTemporaryFolder(folder: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: folder };
    delete env.NODE_COMPILE_CACHE;
    delete env.NODE_DISABLE_COMPILE_CACHE;
    return env;
}

const nodeKeepsIt = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('journeymap keeps its compiled code between runs (Node 22.1+ itself, bin/code-cache.cjs on Node 20)', () => {
    it('writes a compile cache in the temporary folder, and runs again from it', () => {
        const folder = mkdtempSync(join(tmpdir(), 'journeymap-compile-cache-'));
        for (const run of ['first', 'second']) {
            const result = runCli(['--version'], repoRoot, withTemporaryFolder(folder));
            assert.equal(result.status, 0, `${run} run: ${result.stderr}`);
            assert.match(result.stdout, /^\d+\.\d+\.\d+/);
        }
        const cache = join(folder, 'node-compile-cache');
        const written = nodeKeepsIt ? readdirSync(cache) : readdirSync(join(cache, readdirSync(cache)[0]));
        assert.ok(written.length > 0, 'the cache holds the compiled bundle');
    });

    it('keeps the compiled code of check\'s worker threads too, and checks the same from it', () => {
        const folder = mkdtempSync(join(tmpdir(), 'journeymap-compile-cache-'));
        const maps = Object.fromEntries(
            Array.from({ length: 24 }, (_, index) => [
                `m${index}.journey`,
                `journey J${index} "旅程 ${index}" {\n  step S { emotion 9 }\n}\n`
            ])
        );
        const workspace = workspaceWith(maps);
        const check = () =>
            runCli(['check', '.', '--jobs', '2', '--format', 'json'], workspace, withTemporaryFolder(folder));
        const [first, second] = [check(), check()];
        assert.equal(first.status, 1, first.stderr);
        assert.equal(JSON.parse(first.stdout).counts.error, 24, 'each map\'s emotion is off the scale');
        assert.equal(second.stdout, first.stdout);
        if (!nodeKeepsIt) {
            const cache = join(folder, 'node-compile-cache', readdirSync(join(folder, 'node-compile-cache'))[0]);
            assert.equal(readdirSync(cache).length, 2, 'the command\'s bundle and the worker\'s');
        }
    });

    it('runs as usual when the temporary folder cannot be written (it is a file)', () => {
        const notAFolder = join(mkdtempSync(join(tmpdir(), 'journeymap-compile-cache-')), 'a-file');
        writeFileSync(notAFolder, '');
        const result = runCli(['--version'], repoRoot, withTemporaryFolder(notAFolder));
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^\d+\.\d+\.\d+/);
        assert.equal(result.stderr, '');
    });
});

describe('bin/code-cache.cjs: a bundle run with its compiled code kept between runs', () => {
    const loader = join(repoRoot, 'bin', 'code-cache.cjs');
    const uid = process.getuid?.() ?? 0;

    /** A folder with a bundle printing `word`, its neighbour module, and the cache folder the runs use. */
    function bundleSaying(word: string): { folder: string; bundle: string; cache: string } {
        const folder = mkdtempSync(join(tmpdir(), 'journeymap-code-cache-'));
        writeFileSync(join(folder, 'neighbour.cjs'), 'module.exports = 41;\n');
        writeFileSync(join(folder, 'bundle.cjs'), bundleSource(word));
        return { folder, bundle: join(folder, 'bundle.cjs'), cache: join(folder, 'cache') };
    }

    /** What the bundle prints uses require, module.exports and __dirname, as an esbuild bundle does. */
    function bundleSource(word: string): string {
        return [
            `const answer = require('./neighbour.cjs') + 1;`,
            `module.exports = { answer, word: '${word}' };`,
            `Promise.resolve().then(() => console.log(answer, '${word}', require('node:path').basename(__dirname) !== ''));`
        ].join('\n');
    }

    /** Runs the bundle in a new Node through the loader: what it printed and exported. */
    function run(bundle: string, cache: string, env: NodeJS.ProcessEnv = {}): string {
        const script = `const { requireWithCodeCache } = require(${JSON.stringify(loader)});
            const exported = requireWithCodeCache(${JSON.stringify(bundle)}, 'test');
            console.log(JSON.stringify(exported));`;
        const result = spawnSync(process.execPath, ['-e', script], {
            encoding: 'utf8',
            env: { ...process.env, NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: '', ...env }
        });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        return result.stdout;
    }

    const cacheFiles = (cache: string) =>
        existsSync(join(cache, `journeymap-${uid}`)) ? readdirSync(join(cache, `journeymap-${uid}`)) : [];
    const cacheFile = (cache: string) => join(cache, `journeymap-${uid}`, cacheFiles(cache)[0]);
    const ranAs = (word: string) => `{"answer":42,"word":"${word}"}\n42 ${word} true\n`;

    it('runs the bundle as require would, writes its code on the first run and reads it unchanged on the next', () => {
        const { bundle, cache } = bundleSaying('one');
        assert.equal(run(bundle, cache), ranAs('one'));
        assert.equal(cacheFiles(cache).length, 1);
        const written = statSync(cacheFile(cache));
        assert.equal(written.mode & 0o077, 0, 'only its owner reads the cache');
        const bytes = readFileSync(cacheFile(cache));

        assert.equal(run(bundle, cache), ranAs('one'));
        assert.deepEqual(readFileSync(cacheFile(cache)), bytes, 'an accepted cache is not written again');
        assert.equal(statSync(cacheFile(cache)).mtimeMs, written.mtimeMs);
    });

    it('refuses a corrupt cache file, runs the bundle from its source, and writes the cache anew', () => {
        const { bundle, cache } = bundleSaying('one');
        run(bundle, cache);
        writeFileSync(cacheFile(cache), '<script>not V8 code</script>');
        assert.equal(run(bundle, cache), ranAs('one'));
        assert.notEqual(readFileSync(cacheFile(cache), 'utf8'), '<script>not V8 code</script>');
    });

    it('never runs the code of an earlier bundle of the same length (V8 compares only lengths)', () => {
        const { bundle, cache } = bundleSaying('one');
        run(bundle, cache);
        writeFileSync(bundle, bundleSource('two'));
        assert.equal(run(bundle, cache), ranAs('two'));
        assert.equal(cacheFiles(cache).length, 2, 'one cache per bundle content');
    });

    it('the bundles it runs call no import(): V8 code read from a cache has lost the loader import() needs', () => {
        for (const bundle of ['cli.js', 'check-worker.js', 'site-worker.js']) {
            assert.doesNotMatch(readFileSync(join(repoRoot, 'dist', bundle), 'utf8'), /\bimport\("/, bundle);
        }
    });

    it('writes no cache into a folder others can write, nor when NODE_DISABLE_COMPILE_CACHE is set; the bundle runs', () => {
        const shared = bundleSaying('one');
        mkdirSync(join(shared.cache, `journeymap-${uid}`), { recursive: true });
        chmodSync(join(shared.cache, `journeymap-${uid}`), 0o777);
        assert.equal(run(shared.bundle, shared.cache), ranAs('one'));
        assert.deepEqual(cacheFiles(shared.cache), []);

        const disabled = bundleSaying('one');
        assert.equal(run(disabled.bundle, disabled.cache, { NODE_DISABLE_COMPILE_CACHE: '1' }), ranAs('one'));
        assert.equal(existsSync(disabled.cache), false);
    });
});
