import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

describe('the journeymap command as an npm package (npm pack)', () => {
    it('holds the command, the markdown-it plugin, their bundles and messages, and nothing else', () => {
        const [packed] = JSON.parse(
            execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
                cwd: repoRoot,
                encoding: 'utf8'
            })
        );
        const files: string[] = packed.files.map((file: { path: string }) => file.path).sort();
        const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
        assert.ok(files.includes(manifest.bin.journeymap.replace(/^\.\//, '')), 'the bin entry is in the package');
        assert.ok(files.includes('dist/cli.js'));
        // What the bin entry loads the bundle with on Node 20 (a compile cache).
        assert.ok(files.includes('bin/code-cache.cjs'), 'bin/code-cache.cjs');
        // The command's worker threads: the site's and check's shards, and DuckDB loading while the maps are read.
        for (const worker of ['site-worker', 'check-worker', 'duckdb-worker'])
            assert.ok(files.includes(`dist/${worker}.js`), worker);
        // The browser scripts `journeymap site` copies into a site, and `journeymap story` inlines.
        for (const script of ['site-search', 'journey-map', 'site-index', 'story-player'])
            assert.ok(files.includes(`dist/${script}.js`), script);
        assert.deepEqual(
            files.filter(
                file =>
                    !/^(bin\/(journeymap|code-cache)\.cjs|dist\/(cli\.js|markdown-it\.cjs|markdown-worker\.cjs|site-worker\.js|check-worker\.js|duckdb-worker\.js|site-search\.js|journey-map\.js|site-index\.js|story-player\.js)|l10n\/.*\.json|diff\/journey-diff\.schema\.json|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(
                        file
                    )
            ),
            []
        );
        assert.ok(packed.size < 2_000_000, `${packed.size} bytes`);
    });
});
