import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { formatDiffMarkdown } from '../../diff/diff-report.js';
import { renderMermaidJourney } from '../../render/mermaid-journey.js';
import { compareEmotions } from '../../diff/emotion-comparison.js';
import { diffJourneyModels } from '../../diff/journey-diff.js';
import { launchChromium, renderWithMermaid } from '../browser-kit.js';
import { modelOf } from '../render/render-kit.js';

const oldText =
    'journey J "购买旅程" { stage S { step A "看到广告" { emotion 3 } step B "比较\\"报价\\"" { emotion 4 } step Gone "Leaves: early" { emotion 2 } } }';
const newText =
    'journey J "购买旅程" { emotion scale 1..5 stage S { step A "看到广告" { emotion 3 } step B "比较\\"报价\\"" { emotion 1 } step New "<img src=x onerror=alert(1)>" { emotion 5 } } }';

describe('diff in Markdown: the before/after emotion curve', () => {
    let browser: Browser | undefined;
    after(async () => browser?.close());

    it('pairs the curves step by step in the new order, a removed step after the one it followed', async () => {
        const [comparison] = compareEmotions(await modelOf(oldText), await modelOf(newText));
        assert.deepEqual(comparison.points.map(point => [point.step, point.before, point.after]), [
            ['A', 3, 3], ['B', 4, 1], ['Gone', 2, undefined], ['New', undefined, 5]
        ]);
        assert.deepEqual(
            compareEmotions(await modelOf(oldText), await modelOf(oldText)),
            [],
            'an unchanged curve is not drawn'
        );
    });

    it('draws bars for before and a line for after, lists one-sided steps, and Mermaid renders it', async () => {
        const old = await modelOf(oldText);
        const current = await modelOf(newText);
        const markdown = formatDiffMarkdown(diffJourneyModels(old, current), compareEmotions(old, current));
        const chart = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1];
        assert.ok(chart, markdown);
        assert.match(chart, /x-axis \["看到广告", "比较″报价″"\]/);
        assert.match(chart, /bar \[3, 4\]\n {4}line \[3, 1\]/);
        assert.match(markdown, /^Only before: Leaves: early \(2\)\.$/m);
        assert.match(markdown, /^Only after: \\<img src=x onerror=alert\\\(1\\\)\\> \(5\)\.$/m);
        assert.doesNotMatch(markdown, /(^|[^\\])<img/m, 'markup is escaped');
        browser = await launchChromium();
        const [rendered] = await renderWithMermaid(browser, [chart]);
        assert.equal(rendered.error, undefined);
        assert.match(rendered.svg!, /看到广告/);
    });

    it('adds each changed journey as it now is, a Mermaid journey folded in <details>, after the list of changes; Mermaid draws it', async () => {
        const old = await modelOf(oldText);
        const current = await modelOf(newText);
        const picture = { journey: 'J', mermaid: renderMermaidJourney(current.journeys[0], current.personas) };
        const markdown = formatDiffMarkdown(diffJourneyModels(old, current), compareEmotions(old, current), [
            picture,
            { journey: 'Unchanged', mermaid: 'journey' }
        ]);
        const details =
            /<details>\n<summary>The journey J after this change \(Mermaid\)<\/summary>\n\n```mermaid\n([\s\S]*?)```\n\n<\/details>/.exec(
                markdown
            );
        assert.ok(details, markdown);
        assert.ok(markdown.indexOf('- ') < markdown.indexOf('<details>'), 'the changes come first');
        assert.doesNotMatch(markdown, /Unchanged/, 'only changed journeys are drawn');
        assert.match(details[1], /^journey\n {4}title 购买旅程\n {4}section S\n/);
        assert.doesNotMatch(details[1], /<img/, 'a hostile step title cannot become markup');
        browser ??= await launchChromium();
        const [rendered] = await renderWithMermaid(browser, [details[1]]);
        assert.equal(rendered.error, undefined);
        assert.match(rendered.svg!, /看到广告/);
    });
});
