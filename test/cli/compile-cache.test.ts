import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli-runner.js';
import { repoRoot } from '../journey-test-kit.js';

/** The environment of a run whose temporary folder is `folder`, with no compile cache chosen by the caller. */
function withTemporaryFolder(folder: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: folder };
    delete env.NODE_COMPILE_CACHE;
    delete env.NODE_DISABLE_COMPILE_CACHE;
    return env;
}

describe('journeymap keeps its compiled code between runs where Node can (22.1 and later)', () => {
    const nodeCanKeepIt = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

    it(`${nodeCanKeepIt ? 'writes' : 'on this Node writes no'} compile cache in the temporary folder, and runs again from it`, () => {
        const folder = mkdtempSync(join(tmpdir(), 'journeymap-compile-cache-'));
        for (const run of ['first', 'second']) {
            const result = runCli(['--version'], repoRoot, withTemporaryFolder(folder));
            assert.equal(result.status, 0, `${run} run: ${result.stderr}`);
            assert.match(result.stdout, /^\d+\.\d+\.\d+/);
        }
        const cache = join(folder, 'node-compile-cache');
        assert.equal(existsSync(cache), nodeCanKeepIt);
        if (nodeCanKeepIt) assert.ok(readdirSync(cache).length > 0, 'the cache holds the compiled bundle');
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
