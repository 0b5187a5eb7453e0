import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

const contract = readFileSync(join(repoRoot, 'test', 'fixtures', 'views', 'contract.journey'), 'utf8');

describe('journeymap diff --view: a view with the steps a change touched in front', () => {
    let folder: string;
    before(() => {
        folder = workspaceWith({
            'old.journey': contract,
            'new.journey': contract
                .replace('emotion 1 焦虑', 'emotion 2 焦虑')
                .replace('step Compare "比较型号" { emotion 3 exit }', 'step Compare "比较型号" { emotion 2 exit }')
        });
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it("draws the view's journeys a change touched, the touched steps in front and the rest dimmed", () => {
        const result = runCli(['diff', 'old.journey', 'new.journey', '--view', 'Exec', '-f', 'md'], folder);
        assert.equal(result.status, 0, result.stderr);
        const section = result.stdout.slice(result.stdout.indexOf('#### View 管理层评审: the steps the changes touched'));
        assert.ok(section.length > 0, result.stdout);
        // Buy changed too, but the view's stages leave it out: only Repair is drawn.
        assert.match(
            section,
            /^#### View 管理层评审: the steps the changes touched\n\n\*\*报修与维修\*\*\n\n```mermaid\nflowchart LR\n/
        );
        assert.doesNotMatch(section, /购买空调/);
        assert.match(section, /s0\["拨打客服电话"\]/);
        assert.doesNotMatch(result.stdout, /Story 'Why' changed/, 'a story whose file moved says the same');
        assert.match(section, /\n {2}class s0 touched\n {2}class s1 dimmed\n```/);
    });

    it('says when no change touches the view, and refuses a view no map declares or a format with no picture', () => {
        const same = runCli(['diff', 'old.journey', 'old.journey', '--view', 'Exec', '-f', 'md'], folder);
        assert.equal(same.status, 0, same.stderr);
        const unknown = runCli(['diff', 'old.journey', 'new.journey', '--view', 'Board', '-f', 'md'], folder);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /No view "Board" in the maps compared\. Views: Exec\./);
        const text = runCli(['diff', 'old.journey', 'new.journey', '--view', 'Exec'], folder);
        assert.equal(text.status, 2);
        assert.match(text.stderr, /--view Exec does not apply to -f text: it changes -f md only\./);
    });
});
