import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'mermaid');

describe('journeymap import mermaid', () => {
    it('prints the .journey text of a Markdown file\'s journey blocks; check and fmt --check accept it', () => {
        const result = runCli(['import', 'mermaid', join(fixtures, 'docs.md')]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^\/\/ Imported from Mermaid: docs\.md\n/);
        assert.match(result.stdout, /journey CheckoutToday "Checkout today" \{/);
        assert.match(result.stdout, /journey CheckoutTomorrow "Checkout tomorrow" \{/);
        const dir = workspaceWith({ 'checkout.journey': result.stdout });
        assert.equal(runCli(['check', 'checkout.journey'], dir).status, 0);
        assert.equal(runCli(['fmt', '--check', 'checkout.journey'], dir).status, 0);
    });

    it('writes -o, refuses to replace an existing file without --force, and exports back with render -f mermaid', () => {
        const dir = workspaceWith({ 'day.mmd': readFileSync(join(fixtures, 'working-day.mmd'), 'utf8') });
        const written = runCli(['import', 'mermaid', 'day.mmd', '-o', 'day.journey'], dir);
        assert.equal(written.status, 0, written.stderr);
        assert.equal(written.stderr.trim(), 'day.journey: 1 journey imported');
        const again = runCli(['import', 'mermaid', 'day.mmd', '-o', 'day.journey'], dir);
        assert.equal(again.status, 2);
        assert.match(again.stderr, /already exists: .*--force/);
        assert.equal(runCli(['import', 'mermaid', 'day.mmd', '-o', 'day.journey', '--force'], dir).status, 0);
        const exported = runCli(['render', '-f', 'mermaid', 'day.journey'], dir);
        assert.equal(exported.stdout.trim(), readFileSync(join(fixtures, 'working-day.mmd'), 'utf8').trim());
    });

    it('reports Mermaid mistakes as file:line:column and exits 1 without writing', () => {
        const dir = workspaceWith({ 'broken.mmd': readFileSync(join(fixtures, 'broken.mmd'), 'utf8') });
        const result = runCli(['import', 'mermaid', 'broken.mmd', '-o', 'out.journey'], dir);
        assert.equal(result.status, 1);
        assert.equal(
            result.stderr.split('\n')[0],
            "broken.mmd:4:17 error score '7' for task 'Make tea': a score is a whole number from 1 to 5"
        );
        assert.equal(result.stdout, '');
        assert.equal(runCli(['check', 'out.journey'], dir).status, 2, 'nothing was written');
    });

    it('says what is wrong with a missing, binary or folder input (exit 2)', () => {
        const dir = workspaceWith({ 'bin.mmd': Buffer.from([0x6a, 0, 1, 2]), 'folder/x.txt': '' });
        assert.match(runCli(['import', 'mermaid', 'nope.mmd'], dir).stderr, /nope\.mmd: no such file/);
        assert.match(runCli(['import', 'mermaid', 'bin.mmd'], dir).stderr, /binary/);
        const folder = runCli(['import', 'mermaid', 'folder'], dir);
        assert.equal(folder.status, 2);
        assert.match(folder.stderr, /is a folder/);
    });
});
