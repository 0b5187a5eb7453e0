import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli-runner.js';

const before = 'test/fixtures/diff/before.journey';
const after = 'test/fixtures/diff/after.journey';

describe('journeymap diff', () => {
    it('prints the five changes of the fixture pair as text', () => {
        const result = runCli(['diff', before, after]);
        assert.equal(result.status, 0, result.stderr);
        const lines = result.stdout.trim().split('\n');
        assert.equal(lines.length, 6);
        assert.equal(lines[0], "~ Step 'VisitSite' renamed to 'BrowseSite'  (FirstPurchase › Consideration › BrowseSite)");
        assert.equal(lines.at(-1), '5 changes');
    });

    it('writes Markdown for a pull-request comment and stable JSON for tools', () => {
        const markdown = runCli(['diff', '--format', 'md', before, after]).stdout;
        assert.match(markdown, /^### Journey map changes\n\n\| added \| removed \| changed \| renamed \| moved \|\n\|---\|---\|---\|---\|---\|\n\| 1 \| 0 \| 2 \| 1 \| 1 \|/);
        assert.match(markdown, /#### FirstPurchase\n\n- ✏️ Step 'VisitSite' renamed to 'BrowseSite'/);
        const json = JSON.parse(runCli(['diff', '--format', 'json', before, after]).stdout);
        assert.equal(json.version, 1);
        assert.deepEqual(Object.keys(json.changes[0]).sort(), ['after', 'before', 'element', 'journey', 'kind', 'path', 'summary']);
    });

    it('exits 1 with --exit-code only when something changed', () => {
        assert.equal(runCli(['diff', '--exit-code', before, after]).status, 1);
        const same = runCli(['diff', '--exit-code', before, before]);
        assert.equal(same.status, 0);
        assert.equal(same.stdout.trim(), 'No semantic changes.');
    });

    it('refuses a version with syntax errors or a missing file (exit 2)', () => {
        const dir = mkdtempSync(join(tmpdir(), 'diff-'));
        writeFileSync(join(dir, 'broken.journey'), 'journey J { stage');
        writeFileSync(join(dir, 'ok.journey'), 'journey J { stage S { step A { emotion 3 } } }');
        const broken = runCli(['diff', 'ok.journey', 'broken.journey'], dir);
        assert.equal(broken.status, 2);
        assert.match(broken.stderr, /broken\.journey: has syntax errors/);
        assert.equal(runCli(['diff', 'ok.journey', 'missing.journey'], dir).status, 2);
    });
});
