import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';
import { workspaceWith } from './cli-runner.js';

/** The packages with native libraries or drivers that only some commands need. */
const heavyPackages = /[\\/]node_modules[\\/](@resvg|@duckdb|pg)[\\/]/;

/** Runs `journeymap args` in a Node that reports, at its exit, which of the heavy packages were loaded. */
function loadedHeavyPackages(args: string[], cwd = repoRoot): string[] {
    const script = `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(
            Object.keys(require.cache).filter(file => ${heavyPackages}.test(file)))));
        process.argv.splice(1, process.argv.length, ${JSON.stringify(join(repoRoot, 'bin', 'journeymap.cjs'))},
            ...${JSON.stringify(args)});
        require(process.argv[1]);`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const report = /LOADED (.*)$/.exec(result.stderr);
    assert.ok(report, result.stderr);
    return JSON.parse(report[1]) as string[];
}

const map = 'journey A "旅程" {\n  stage S1 "发现" {\n    step S "看到广告" { emotion 3 }\n  }\n}\n';

describe('journeymap starts with what its command needs', () => {
    it('loads no native library nor database driver for --version, check or render to SVG', () => {
        const folder = workspaceWith({ 'a.journey': map });
        assert.deepEqual(loadedHeavyPackages(['--version']), []);
        assert.deepEqual(loadedHeavyPackages(['check', 'a.journey'], folder), []);
        assert.deepEqual(loadedHeavyPackages(['render', 'a.journey', '-f', 'svg'], folder), []);
    });

    it('loads resvg when a PNG is drawn', () => {
        const folder = workspaceWith({ 'a.journey': map });
        const loaded = loadedHeavyPackages(['render', 'a.journey', '-f', 'png', '-o', 'a.png'], folder);
        assert.ok(loaded.some(file => file.includes('@resvg')), loaded.join(', '));
    });
});
