import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

function runVsce(args: string[]): string {
    const result = spawnSync(process.execPath, [vsce, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    return result.stdout;
}

describe('the .vsix package', () => {
    it('holds the bundles, grammar, snippets and manifest, and nothing from node_modules or the sources', () => {
        const files = runVsce(['ls', '--no-dependencies']).trim().split('\n').sort();
        for (const expected of [
            'dist/extension.js',
            'dist/server.js',
            'dist/preview.js',
            'dist/mermaid.js',
            'dist/web/extension.cjs',
            'dist/web/server.js',
            'dist/package.json',
            'syntaxes/journey.tmLanguage.json',
            'snippets/journey.code-snippets',
            'language-configuration.json',
            'package.json',
            'README.md',
            'docs/images/checkout.png'
        ]) {
            assert.ok(files.includes(expected), `${expected} missing from ${files.join(', ')}`);
        }
        assert.ok(
            !files.some(file => file.startsWith('node_modules/') || file.endsWith('.ts') || file.endsWith('.map')),
            files.join(', ')
        );
    });

    it('packages offline into a small .vsix', () => {
        const out = join(mkdtempSync(join(tmpdir(), 'vsix-')), 'journey.vsix');
        runVsce(['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out]);
        const size = statSync(out).size;
        // A ceiling against a dependency or a source map slipping in (that would add megabytes), not a budget:
        // the bundles grow with what the language does (2.0 MB with observed paths).
        assert.ok(size > 100_000 && size < 2_300_000, `unexpected size ${size}`);
    });
});
