import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesDir, repoRoot } from '../../journey-test-kit.js';
import { setupHint } from '../vscode/code-server.js';

/** Debian's neovim, which the setup script installs. */
function findNeovim(): string {
    const found = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (found.status === 0) return 'nvim';
    throw new Error(`Neovim is missing: ${setupHint}.`);
}

interface NeovimResults {
    opened: boolean;
    typed: boolean;
    diagnostics: { clean: string[]; broken: string[] };
    hover: { result?: { contents: { value: string } } };
    definition: { result?: Array<{ uri?: string; targetUri?: string }> };
    completion: { result?: { items: Array<{ label: string }> } | Array<{ label: string }> };
    formatting: { result?: Array<{ newText: string }> };
}

/** The standalone server in a second editor: a headless Neovim with its built-in LSP client. */
describe('language server in Neovim (node dist/server.js --stdio)', function () {
    this.timeout(180_000);
    let results: NeovimResults;

    before(() => {
        const server = join(repoRoot, 'dist', 'server.js');
        assert.ok(existsSync(server), 'dist/server.js is missing: run `npm run build` first (npm test does).');
        const nvim = findNeovim();
        const resultFile = join(mkdtempSync(join(tmpdir(), 'nvim-')), 'result.json');
        const run = spawnSync(
            nvim,
            [
                '--headless',
                '--clean',
                '-u',
                'NONE',
                '-c',
                `luafile ${join(repoRoot, 'test', 'e2e', 'neovim', 'lsp-client.lua')}`
            ],
            {
                encoding: 'utf8',
                timeout: 150_000,
                env: {
                    ...process.env,
                    JOURNEY_SERVER: server,
                    JOURNEY_ROOT: examplesDir,
                    JOURNEY_FILE: join(examplesDir, 'shop', 'checkout.journey'),
                    JOURNEY_RESULT: resultFile
                }
            }
        );
        assert.ok(
            existsSync(resultFile),
            `Neovim wrote no results (exit ${run.status}, ${run.signal ?? 'no signal'}):\n${run.stdout}\n${run.stderr}`
        );
        results = JSON.parse(readFileSync(resultFile, 'utf8'));
    });

    it('publishes no diagnostics for the example, and the unknown persona once it is typed', () => {
        assert.equal(results.opened, true, 'diagnostics arrived after opening');
        assert.deepEqual(results.diagnostics.clean, []);
        assert.equal(results.typed, true);
        assert.deepEqual(results.diagnostics.broken, ['unresolved-reference']);
    });

    it('answers hover with the persona card and definition in the imported file', () => {
        assert.match(results.hover.result?.contents.value ?? '', /\*\*Persona\*\* `Ana`/);
        const [location] = results.definition.result ?? [];
        assert.match(location?.targetUri ?? location?.uri ?? '', /examples\/shared\/people\.journey$/);
    });

    it('answers completion with the personas and formatting with an edit', () => {
        const completion = results.completion.result;
        const items = Array.isArray(completion) ? completion : completion?.items ?? [];
        assert.ok(
            items.some(item => item.label === 'Ana') && items.some(item => item.label === '小王'),
            items.map(item => item.label).join(', ')
        );
        assert.ok((results.formatting.result ?? []).length > 0, JSON.stringify(results.formatting));
    });
});
