import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/cli-runner.js';

/** The review of a backlog change: an opportunity's status and evidence, a step's owner. */
describe('the diff of opportunities and owners', () => {
    /** `journeymap diff` of the shop's backlog fixture before and after its next sprint, in `format`. */
    function diffOfShop(format: 'json' | 'md') {
        const folder = mkdtempSync(join(tmpdir(), 'opportunity-diff-'));
        copyFileSync('test/fixtures/opportunities/shop.journey', join(folder, 'before.journey'));
        copyFileSync('test/fixtures/opportunities/shop-next.journey.txt', join(folder, 'after.journey'));
        const [before, after] = [join(folder, 'before.journey'), join(folder, 'after.journey')];
        return runCli(['diff', before, after, '--root', folder, '-f', format]);
    }

    it('reports a status moved on, evidence added and a step that changed hands', () => {
        const result = diffOfShop('json');
        assert.equal(result.status, 0, result.stderr);
        const changes = (
            JSON.parse(result.stdout) as {
                changes: Array<{ kind: string; element: string; field?: string; before?: unknown; after?: unknown }>;
            }
        ).changes;
        assert.deepEqual(
            changes.map(change => [change.kind, change.element, change.field, change.before, change.after]),
            [
                ['changed', 'opportunity', 'status', 'planned', 'building'],
                ['added', 'opportunity', 'evidence', undefined, 'Usability test, 7 of 9'],
                ['changed', 'step', 'owners', 'Web team', 'Checkout squad']
            ]
        );
    });

    it('gives opportunities a section of their own in the Markdown for a pull request', () => {
        const markdown = diffOfShop('md').stdout;
        assert.match(markdown, /#### Opportunities\n\n- .* Opportunity 'ShowShipping': status planned → building/);
        assert.match(markdown, /#### FirstPurchase\n\n- .* Step 'Compares offers': owner/);
    });

    it('names an opportunity a step names by its title, as the map does', () => {
        const folder = mkdtempSync(join(tmpdir(), 'opportunity-diff-'));
        const header = 'opportunity Ship "Show shipping early" { owner "Web team" }\n';
        writeFileSync(join(folder, 'old.journey'), `${header}journey J { stage S { step A { emotion 3 } } }\n`);
        writeFileSync(
            join(folder, 'new.journey'),
            `${header}journey J { stage S { step A { emotion 3 opportunity Ship } } }\n`
        );
        const text = runCli(['diff', 'old.journey', 'new.journey'], folder).stdout;
        assert.match(text, /^\+ Step 'A': opportunity added: “Show shipping early”/);
        const [change] = JSON.parse(
            runCli(['diff', '-f', 'json', 'old.journey', 'new.journey'], folder).stdout
        ).changes;
        assert.equal(change.after, 'Ship', 'tools get the name');
    });
});
