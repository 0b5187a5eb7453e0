import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';
import { runCli } from './cli-runner.js';

const before = 'test/fixtures/diff/before.journey';
const after = 'test/fixtures/diff/after.journey';

describe('journeymap diff', () => {
    it('prints the five changes of the fixture pair as text', () => {
        const result = runCli(['diff', before, after]);
        assert.equal(result.status, 0, result.stderr);
        const lines = result.stdout.trim().split('\n');
        assert.equal(lines.length, 6);
        assert.equal(
            lines[0],
            "~ Step 'VisitSite' renamed to 'BrowseSite'  (FirstPurchase › Consideration › BrowseSite)"
        );
        assert.equal(lines.at(-1), '5 changes');
    });

    it('writes Markdown for a pull-request comment and stable JSON for tools', () => {
        const markdown = runCli(['diff', '--format', 'md', before, after]).stdout;
        assert.match(
            markdown,
            /^### Journey map changes\n\n\| added \| removed \| changed \| renamed \| moved \|\n\|---\|---\|---\|---\|---\|\n\| 1 \| 0 \| 2 \| 1 \| 1 \|/
        );
        assert.match(markdown, /#### FirstPurchase\n\n- 🏷️ Step 'VisitSite' renamed to 'BrowseSite'/);
        const json = JSON.parse(runCli(['diff', '--format', 'json', before, after]).stdout);
        assert.equal(json.version, 2);
        assert.deepEqual(Object.keys(json.changes[0]).sort(), [
            'after',
            'before',
            'element',
            'journey',
            'kind',
            'path',
            'summary'
        ]);
    });

    it('writes JSON that its documented schema (diff/journey-diff.schema.json) accepts, and the schema rejects what it should', () => {
        const validate = new Ajv.default({ allErrors: true, allowUnionTypes: true }).compile(
            JSON.parse(readFileSync(join(repoRoot, 'diff', 'journey-diff.schema.json'), 'utf8'))
        );
        const both = join(repoRoot, 'test', 'fixtures', 'diff', 'as-is-to-be.journey');
        for (const args of [
            [before, after],
            [`${both}#现状`, `${both}#目标`],
            [before, before]
        ]) {
            const json = JSON.parse(runCli(['diff', '--format', 'json', ...args]).stdout);
            assert.ok(validate(json), JSON.stringify(validate.errors));
        }
        assert.equal(
            validate({ version: 2, changes: [{ kind: 'exploded', element: 'step', path: 'J', summary: 's' }] }),
            false
        );
        assert.equal(
            validate({ version: 2, changes: [{ kind: 'added', element: 'pain', path: 'J', summary: 's' }] }),
            false,
            'a pain is a field of a step since version 2'
        );
        assert.equal(
            validate({
                version: 2,
                changes: [{ kind: 'added', element: 'step', field: 'painz', path: 'J', summary: 's' }]
            }),
            false
        );
        assert.equal(validate({ version: 1, changes: [] }), false);
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

    it('shows a step added in a pull request whole: its emotion, pains, opportunities (named ones by title) and details', () => {
        const dir = mkdtempSync(join(tmpdir(), 'diff-'));
        const header = 'opportunity Ship "Show shipping early" { owner "Web team" }\n';
        writeFileSync(join(dir, 'old.journey'), `${header}journey J { stage S { step A { emotion 3 } } }\n`);
        writeFileSync(
            join(dir, 'new.journey'),
            `${header}journey J { stage S { step A { emotion 3 } step B "Asks support" {\n` +
                '  emotion 2 anxious\n  pain "No answer for a day"\n  opportunity Ship\n  touchpoint "Chat"\n  exit\n} } }\n'
        );
        const markdown = runCli(['diff', '-f', 'md', 'old.journey', 'new.journey'], dir).stdout;
        assert.match(
            markdown,
            /- ➕ Step 'Asks support' added\n {2}- Emotion: 2 anxious\n {2}- Pain point: No answer for a day\n {2}- Opportunity: Show shipping early\n {2}- Touchpoints: Chat\n {2}- ⏏ The customer may leave here\n/
        );
    });

    it('says when a side does not check, names its errors, and compares all the same (--exit-code still works)', () => {
        const dir = mkdtempSync(join(tmpdir(), 'diff-'));
        writeFileSync(join(dir, 'old.journey'), 'metric r "R" percent\ndata d "missing.csv"\n'
            + 'journey A { stage S { step X { emotion 3 metric r = d.conversion where step = "x" } } }\n');
        writeFileSync(
            join(dir, 'new.journey'),
            'metric r "R" percent\njourney A { stage S { step X { emotion 4 metric r = 30 } } }\n'
        );
        const result = runCli(['diff', 'old.journey', 'new.journey'], dir);
        assert.equal(result.status, 0);
        assert.match(
            result.stderr,
            /^old\.journey: does not check, so some changes may come from its errors:\n {2}2:8 Data file "missing\.csv" does not exist/
        );
        assert.doesNotMatch(result.stderr, /new\.journey/, 'the side that checks is not named');
        assert.match(result.stdout, /Emotion of 'X' rose from 3 to 4/);
        assert.equal(runCli(['diff', '--exit-code', 'old.journey', 'new.journey'], dir).status, 1);
    });
});

describe('journeymap diff file#Journey', () => {
    const both = join(repoRoot, 'test', 'fixtures', 'diff', 'as-is-to-be.journey');

    it('compares an as-is and a to-be journey of one file', () => {
        const result = runCli(['diff', `${both}#现状`, `${both}#目标`]);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(result.stdout.trim().split('\n').map(line => line.replace(/ {2}\(.*\)$/, '')), [
            "~ Journey '售后维修（目标）': title “售后维修（现状）” → “售后维修（目标）”",
            "~ Step '在 App 里预约回拨': title “拨打客服热线” → “在 App 里预约回拨”",
            "+ Step '在 App 里预约回拨': channel added: “App”",
            "- Step '在 App 里预约回拨': channel removed: “热线”",
            "~ Emotion of '在 App 里预约回拨' rose from 1 to 4",
            "~ Emotion of '在 App 里预约回拨': feeling 沮丧 → 安心",
            "~ Emotion of '在 App 里预约回拨': note “排队二十分钟” → “十分钟内回电”",
            "- Step '在 App 里预约回拨': pain point removed: “客服电话总是占线”",
            "+ Step '在 App 里预约回拨': moment of truth added: “第一次接通客服时能否被认真对待”",
            '9 changes'
        ]);
    });

    it('names the journeys a file has when the asked one is missing, and wants a journey on both sides', () => {
        const missing = runCli(['diff', `${both}#现状`, `${both}#ToBe`]);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /has no journey 'ToBe' \(it has: 现状, 目标\)/);
        const oneSided = runCli(['diff', `${both}#现状`, both]);
        assert.equal(oneSided.status, 2);
        assert.match(oneSided.stderr, /on both sides/);
    });
});

describe('journeymap diff --git', () => {
    const v1 =
        'journey J {\n  stage S {\n    step A "Sees an ad" { emotion 3 }\n    step B "Pays" { emotion 4 }\n  }\n}\n';
    const v2 =
        'journey J {\n  stage S {\n    step A "Sees an ad" { emotion 2 pain "No price" }\n  }\n  stage T {\n    step B "Pays" { emotion 4 }\n  }\n}\n';

    function repository(): string {
        const dir = mkdtempSync(join(tmpdir(), 'diff-git-'));
        const git = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
            assert.equal(result.status, 0, result.stderr);
        };
        git('init', '-q');
        git('config', 'user.email', 'test@example.invalid');
        git('config', 'user.name', 'Test');
        writeFileSync(join(dir, 'map.journey'), v1);
        git('add', '.');
        git('commit', '-qm', 'v1');
        writeFileSync(join(dir, 'map.journey'), v2);
        return dir;
    }

    it('compares the working tree with a revision', () => {
        const dir = repository();
        const result = runCli(['diff', '--git', 'HEAD'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(result.stdout.trim().split('\n'), [
            'map.journey:',
            "+ Stage 'T' added  (J › T)",
            "~ Emotion of 'Sees an ad' fell from 3 to 2  (J › S › A)",
            "+ Step 'Sees an ad': pain point added: “No price”  (J › S › A)",
            "> Step 'Pays' moved from S to T  (J › T › B)",
            '4 changes'
        ]);
    });

    it('compares two commits and follows a renamed file', () => {
        const dir = repository();
        const git = (...args: string[]) => assert.equal(spawnSync('git', args, { cwd: dir }).status, 0);
        git('add', '.');
        git('commit', '-qm', 'v2');
        git('mv', 'map.journey', 'checkout.journey');
        git('commit', '-qm', 'rename');
        const between = runCli(['diff', '--git', 'HEAD~2..HEAD~1', '--format', 'json'], dir);
        assert.equal(JSON.parse(between.stdout).changes.length, 4);
        const renamed = runCli(['diff', '--git', 'HEAD~1..HEAD', '--exit-code'], dir);
        assert.equal(renamed.status, 0, 'a rename alone changes no journey');
        assert.equal(renamed.stdout.trim(), 'No semantic changes.');
    });

    it('sees files whose names git would quote: Chinese, spaces and quotes, renamed and deleted', () => {
        const dir = mkdtempSync(join(tmpdir(), 'diff-git-names-'));
        const git = (...args: string[]) =>
            assert.equal(spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).status, 0);
        git('init', '-q');
        git('config', 'user.email', 'test@example.invalid');
        git('config', 'user.name', 'Test');
        const names = ['退货.journey', 'with space.journey', 'quote"d.journey', 'gone.journey'];
        for (const name of names) writeFileSync(join(dir, name), v1);
        git('add', '.');
        git('commit', '-qm', 'v1');
        for (const name of names.slice(0, 3)) writeFileSync(join(dir, name), v2);
        git('rm', '-q', 'gone.journey');
        git('commit', '-qam', 'v2');
        git('mv', '退货.journey', '售后 退货.journey');
        writeFileSync(join(dir, '售后 退货.journey'), v2.replace('emotion 2', 'emotion 1'));
        git('commit', '-qam', 'renamed, one emotion changed');
        const result = runCli(['diff', '--git', 'HEAD~2..HEAD~1', '--exit-code'], dir);
        assert.equal(result.status, 1, result.stderr);
        const files = result.stdout.split('\n').filter(line => line.endsWith(':')).sort();
        assert.deepEqual(files, ['gone.journey:', 'quote"d.journey:', 'with space.journey:', '退货.journey:']);
        const renamed = runCli(['diff', '--git', 'HEAD~1..HEAD'], dir);
        assert.equal(renamed.status, 0, renamed.stderr);
        assert.match(
            renamed.stdout,
            /^售后 退货\.journey \(renamed from 退货\.journey\):\n~ Emotion of 'Sees an ad' fell from 2 to 1/m
        );
    });

    it('--git HEAD~1 on the fixture pair reports exactly the five changes, as Markdown for a pull request', () => {
        const dir = mkdtempSync(join(tmpdir(), 'diff-git-md-'));
        const git = (...args: string[]) =>
            assert.equal(spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).status, 0);
        const inRepository = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'diff', name), 'utf8')
            .replace('../../../examples/shared/people.journey', '../shared/people.journey')
            .replace('../../../examples/shop/analytics/funnel.csv', 'analytics/funnel.csv');
        mkdirSync(join(dir, 'shared'));
        mkdirSync(join(dir, 'shop', 'analytics'), { recursive: true });
        copyFileSync(join(repoRoot, 'examples', 'shared', 'people.journey'), join(dir, 'shared', 'people.journey'));
        copyFileSync(
            join(repoRoot, 'examples', 'shop', 'analytics', 'funnel.csv'),
            join(dir, 'shop', 'analytics', 'funnel.csv')
        );
        git('init', '-q');
        git('config', 'user.email', 'test@example.invalid');
        git('config', 'user.name', 'Test');
        writeFileSync(join(dir, 'shop', 'checkout.journey'), inRepository('before.journey'));
        git('add', '.');
        git('commit', '-qm', 'before');
        writeFileSync(join(dir, 'shop', 'checkout.journey'), inRepository('after.journey'));
        git('commit', '-qam', 'after');
        const result = runCli(['diff', '--git', 'HEAD~1', '--format', 'md'], dir);
        assert.equal(result.status, 0, result.stderr);
        const items = result.stdout.split('\n').filter(line => line.startsWith('- '));
        assert.deepEqual(items, [
            "- 🏷️ Step 'VisitSite' renamed to 'BrowseSite'",
            "- ↕️ Step 'Compares offers' moved from 考虑 Consideration to 购买 Purchase",
            "- ✏️ Emotion of 'Compares offers' fell from 2 to 1",
            "- ➕ Step 'Compares offers': pain point added: “No express delivery option”",
            "- ✏️ Metric dropoff of 'Compares offers': value 31% → 18% \\(−13 pp; ✗ missed → ✓ met\\)"
        ]);
        assert.match(result.stdout, /```mermaid\nxychart-beta\n/);
    });

    it('needs two files without --git', () => {
        const result = runCli(['diff', 'only-one.journey']);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /needs two files/);
    });
});
