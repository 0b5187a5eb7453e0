import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import MarkdownIt from 'markdown-it';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser-kit.js';
import { repoRoot } from '../journey-test-kit.js';
import { runCli } from './cli-runner.js';

const pair = join(repoRoot, 'test', 'fixtures', 'diff', 'review');
const oldMap = join(pair, 'before.journey');
const newMap = join(pair, 'after.journey');

/** Each single edit of after.journey, as kind, element and field, in the order the diff reports them. */
const edits = [
    ['changed', 'import', 'alias'],
    ['changed', 'persona', 'goals'],
    ['changed', 'persona', 'title'],
    ['changed', 'channel', 'kind'],
    ['changed', 'channel', 'title'],
    ['changed', 'metric', 'target'],
    ['changed', 'metric', 'title'],
    ['changed', 'data-source', 'path'],
    ['changed', 'journey', 'title'],
    ['removed', 'journey', 'personas'],
    ['changed', 'journey', 'emotionScale'],
    ['moved', 'stage', undefined],
    ['changed', 'stage', 'title'],
    ['changed', 'emotion', 'feeling'],
    ['changed', 'step', 'pains'],
    ['added', 'step', 'next'],
    ['changed', 'step', 'touchpoints'],
    ['changed', 'step', 'opportunities'],
    ['changed', 'step', 'momentsOfTruth'],
    ['changed', 'metric-value', 'link'],
    ['changed', 'step', 'title'],
    ['added', 'step', 'personas'],
    ['changed', 'emotion', 'note'],
    ['moved', 'step', undefined],
    ['changed', 'step', 'exit']
];

const expectedText = [
    "~ Import '../../../../examples/shared/people.journey': namespace set to shared",
    "~ Persona '小王': goal “两天内修好洗衣机” → “三天内修好洗衣机”",
    "~ Persona 'Bo': title “Bo, the partner” → “Bo, Ana's partner”",
    "~ Channel 'Hotline': kind offline → online",
    "~ Channel 'App': title “Mobile app” → “Shop app”",
    "~ Metric 'csat': target ≥ 4 → ≥ 3.5; 3.8 at '拨打客服热线' stays, now ✓ met because the target moved",
    "~ Metric 'conversion': title “Conversion” → “Conversion rate”",
    "~ Data source 'funnel': path “../../../../examples/shop/analytics/funnel.csv” → “../../../../examples/shop/analytics/../analytics/funnel.csv”",
    "~ Journey '售后维修旅程': title “售后维修” → “售后维修旅程”",
    "- Journey '售后维修旅程': persona removed: “Bo”",
    "~ Journey '售后维修旅程': emotion scale 1..5 → 1..7",
    "> Stage '上门维修 Visit' moved from position 2 to 3 (now after '反馈 Feedback')",
    "~ Stage '上门维修 Visit': title “上门 Visit” → “上门维修 Visit”",
    "~ Emotion of '拨打客服热线': feeling 烦躁 → 愤怒",
    "~ Step '拨打客服热线': pain point “客服电话总是占线” → “客服电话高峰期总是占线”",
    "+ Step '拨打客服热线': next step added: “Gives up”",
    "~ Step 'Books a visit': touchpoint “Booking form” → “Booking form in the app”",
    "~ Step 'Books a visit': opportunity “Offer evening time slots” → “Offer evening and weekend time slots”",
    "~ Step 'Books a visit': moment of truth “Gets a confirmed time” → “Gets a confirmed time window”",
    '~ Metric conversion of \'Books a visit\': data link funnel.conversion where step = "compare" → funnel.conversion where step = "checkout"; value 9.1% → 71% (+61.9 pp; ✗ missed → ✓ met)',
    "~ Step 'The technician visits': title “Technician visits” → “The technician visits”",
    "+ Step 'The technician visits': persona added: “小王”",
    "~ Emotion of 'The technician visits': note set to “师傅准时到达”",
    "> Step 'Gives up' moved from 上门 Visit to 联系 Contact",
    "~ 'Leaves a review' is now an exit"
];

describe('journeymap diff on a pair of maps with one edit of every kind', () => {
    let browser: Browser;
    before(async () => { browser = await launchChromium(); });
    after(async () => { await browser?.close(); });

    it('names each of the 25 edits, and nothing else, in text', () => {
        const result = runCli(['diff', oldMap, newMap]);
        assert.equal(result.status, 0, result.stderr);
        const lines = result.stdout.trim().split('\n');
        assert.deepEqual(lines.slice(0, -1).map(line => line.replace(/ {2}\([^()]*\)$/, '')), expectedText);
        assert.equal(lines.at(-1), '25 changes');
    });

    it('names the same edits in JSON that the schema accepts, with element and field', () => {
        const result = runCli(['diff', '--format', 'json', oldMap, newMap]);
        const json: { changes: Array<{ kind: string; element: string; field?: string }> } = JSON.parse(result.stdout);
        const validate = new Ajv.default({ allErrors: true, allowUnionTypes: true }).compile(
            JSON.parse(readFileSync(join(repoRoot, 'diff', 'journey-diff.schema.json'), 'utf8'))
        );
        assert.equal(validate(json), true, JSON.stringify(validate.errors));
        assert.deepEqual(json.changes.map(change => [change.kind, change.element, change.field]), edits);
        assert.deepEqual(json.changes.find(change => change.field === 'target'), {
            kind: 'changed', element: 'metric', field: 'target', path: 'csat', before: '≥ 4', after: '≥ 3.5',
            summary: "Metric 'csat': target ≥ 4 → ≥ 3.5; 3.8 at '拨打客服热线' stays, now ✓ met because the target moved"
        });
    });

    it('says the same in Chinese for a Chinese reader', () => {
        const lines = runCli(['diff', '--lang', 'zh-cn', oldMap, newMap]).stdout.trim().split('\n');
        assert.equal(lines.length, 26);
        assert.equal(lines[1].replace(/ {2}\(.*\)$/, ''), '~ 用户画像“小王”：目标 “两天内修好洗衣机” → “三天内修好洗衣机”');
        assert.equal(lines.at(-1), '25 处变化');
    });

    it('writes Markdown that renders as a table and one readable line per edit (as in a pull-request comment)', async () => {
        const markdown = runCli(['diff', '--format', 'md', oldMap, newMap]).stdout;
        const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
        try {
            await page.setContent(
                `<!doctype html><meta charset="utf-8"><style>body{font:14px sans-serif;max-width:860px;margin:16px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}</style>${new MarkdownIt({ html: false }).render(markdown)}`
            );
            const rendered = await page.evaluate(() => ({
                headers: [...document.querySelectorAll('th')].map(cell => cell.textContent),
                counts: [...document.querySelectorAll('td')].map(cell => cell.textContent),
                // Each change's own line; an added step lists what it shows in a list under it.
                items: [...document.querySelectorAll('h4 + ul > li')].map(item => {
                    const own = item.cloneNode(true) as HTMLElement;
                    own.querySelectorAll('ul').forEach(list => list.remove());
                    return (own.textContent ?? '').trim();
                }),
                contents: [...document.querySelectorAll('li li')].map(item => item.textContent ?? ''),
                headings: [...document.querySelectorAll('h4')].map(heading => heading.textContent)
            }));
            assert.deepEqual(rendered.headers, ['added', 'removed', 'changed', 'renamed', 'moved']);
            assert.deepEqual(rendered.counts, ['2', '1', '20', '0', '2']);
            assert.deepEqual(rendered.headings, ['Declarations', 'Repair']);
            // What a reviewer reads is the sentence itself: no escapes, no markup left over.
            assert.deepEqual(
                rendered.items.map(item => item.replace(/^\S+ /, '')),
                expectedText.map(line => line.slice(2))
            );
            assert.deepEqual(
                rendered.contents,
                [],
                'no step is added here, so nothing is listed under a change (test/cli/diff-command: an added step)'
            );
            mkdirSync(join(repoRoot, 'test', 'output'), { recursive: true });
            await page.screenshot({ path: join(repoRoot, 'test', 'output', 'diff-review.png'), fullPage: true });
        } finally {
            await page.close();
        }
    });
});
