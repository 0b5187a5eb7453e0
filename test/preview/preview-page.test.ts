import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/preview-html.js';
import { useMessageBundle, type MessageBundle } from '../../model/localisation.js';
import { deltaOf } from '../../protocol/model-delta.js';
import type { JourneyModel } from '../../model/journey-model.js';
import type { FromPreview, ToPreview } from '../../protocol/preview-messages.js';
import { compareEmotions } from '../../diff/emotion-comparison.js';
import { diffJourneyModels } from '../../diff/journey-diff.js';
import { renderJourneyHtml, renderJourneyMapSvg } from '../../render/index.js';
import { opportunityBacklog } from '../../analysis/opportunity-backlog.js';
import { launchChromium } from '../browser-kit.js';
import { openPreviewPage, outputDir, sendToPreview, updateWith, writePreviewPage } from './preview-kit.js';
import { repoRoot } from '../journey-test-kit.js';
import { exampleModels, largeJourneyText, modelOf, modelsWithImports } from '../render/render-kit.js';

describe('preview page in real Chromium', function () {
    this.timeout(600_000);
    let browser: Browser;
    let pageUrl: string;

    before(async () => {
        browser = await launchChromium();
        pageUrl = writePreviewPage();
    });
    after(async () => browser?.close());

    const openPreview = (url = pageUrl, beforeLoad?: (page: Page) => Promise<void>) =>
        openPreviewPage(browser, url, beforeLoad);
    const send = sendToPreview;

    const update = updateWith;

    it('renders every example without console errors, one card per step, and writes screenshots', async () => {
        for (const { file, model } of await exampleModels()) {
            const { page, errors } = await openPreview();
            await send(page, update(model));
            const cards = await page.locator('#canvas g.step').count();
            assert.equal(cards, model.journeys[0].stages.flatMap(s => s.steps).length, file);
            await page.screenshot({ path: join(outputDir, `${file.split('/').pop()}.png`), fullPage: true });
            assert.deepEqual(errors, [], file);
            await page.close();
        }
    });

    it('lays out text so that no two text boxes overlap (the examples, and a map of two personas with notes and branches)', async () => {
        const review = join(repoRoot, 'test', 'fixtures', 'diff', 'review', 'before.journey');
        const [reviewModel] = await modelsWithImports([review]);
        for (const { file, model } of [...(await exampleModels()), { file: review, model: reviewModel }]) {
            const { page } = await openPreview();
            await send(page, update(model));
            const overlaps = await page.evaluate(() => {
                const boxes = [...document.querySelectorAll('#canvas svg text')]
                    .map(t => ({ text: t.textContent, box: t.getBoundingClientRect() }))
                    .filter(entry => entry.box.width > 0);
                const found: string[] = [];
                for (let i = 0; i < boxes.length; i++) {
                    for (let j = i + 1; j < boxes.length; j++) {
                        const a = boxes[i].box,
                            b = boxes[j].box;
                        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                        if (overlapX > 1 && overlapY > 1) found.push(`${boxes[i].text} × ${boxes[j].text}`);
                    }
                }
                return found;
            });
            assert.deepEqual(overlaps, [], file);
            await page.close();
        }
    });

    it('loads Mermaid only when a Mermaid view opens, with the page\'s nonce', async () => {
        const { page, errors } = await openPreview();
        const requested: string[] = [];
        page.on('request', request => requested.push(request.url().split('/').pop()!));
        const [{ model }] = await exampleModels();
        await send(page, update(model));
        await page.waitForSelector('#canvas svg.jm');
        const loaded = () => page.evaluate(() => 'journeyMermaid' in window);
        assert.equal(await loaded(), false, 'the map view needs no Mermaid');
        assert.ok(!requested.includes('mermaid.js'), requested.join(', '));
        await page.click('button[data-view="mermaid"]');
        await page.waitForSelector('#canvas svg[aria-roledescription="journey"]');
        assert.equal(await loaded(), true);
        assert.equal(
            await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src$="mermaid.js"]')?.nonce),
            'testnonce123'
        );
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('draws the Mermaid journey and the paths flowchart of every example with Mermaid, without errors', async () => {
        for (const { file, model } of await exampleModels()) {
            const { page, errors } = await openPreview();
            await send(page, update(model));
            await page.click('button[data-view="mermaid"]');
            await page.waitForSelector('#canvas svg[aria-roledescription="journey"]');
            const firstStep = model.journeys[0].stages[0].steps[0];
            assert.ok((await page.textContent('#canvas'))?.includes(firstStep.title ?? firstStep.name), file);
            await page.click('button[data-view="paths"]');
            await page.waitForSelector('#canvas svg[aria-roledescription="flowchart-v2"]');
            assert.ok(
                (await page.locator('#canvas .node').count()) >= model.journeys[0].stages.flatMap(s => s.steps).length,
                file
            );
            assert.deepEqual(errors, [], file);
            await page.close();
        }
    });

    it('opens an exported HTML page with hostile strings without running or adding anything', async () => {
        const hostile =
            '<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2"><a href="javascript:window.pwned=3">x</a>';
        const model = await modelOf(
            `journey J ${JSON.stringify(hostile)} { stage S ${JSON.stringify(hostile)} { step A ${JSON.stringify(hostile)} { emotion 3 x ${JSON.stringify(hostile)} pain ${JSON.stringify(hostile)} } } }`
        );
        const file = join(outputDir, 'hostile.html');
        writeFileSync(file, renderJourneyHtml(model.journeys[0], renderJourneyMapSvg(model)));
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        await page.goto(pathToFileURL(file).toString());
        const found = await page.evaluate(() => ({
            pwned: (window as unknown as { pwned?: number }).pwned,
            scripts: document.querySelectorAll('script').length,
            images: document.querySelectorAll('img').length,
            links: document.querySelectorAll('a').length,
            stepTitle: document.querySelector('g.step text')?.textContent
        }));
        const { stepTitle, ...injected } = found;
        assert.deepEqual(injected, { pwned: undefined, scripts: 0, images: 0, links: 0 });
        assert.ok(stepTitle?.startsWith('<script>'), 'the hostile text is shown as text');
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('keeps the last picture and shows a banner with the first error', async () => {
        const { model } = (await exampleModels())[0];
        const { page } = await openPreview();
        await send(page, update(model));
        await send(page, {
            type: 'update',
            uri: model.uri,
            fileName: 'map.journey',
            error: { message: "Unknown persona 'Bob'", line: 3, character: 10 }
        });
        await page.waitForSelector('#banner:not([hidden])');
        assert.equal(
            await page.textContent('#banner'),
            "map.journey:4:11 Unknown persona 'Bob' — showing the last valid map."
        );
        assert.ok(await page.locator('#canvas g.step').count() > 0);
    });

    it('posts the source range of a clicked step and highlights the step under the cursor', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        const { page } = await openPreview();
        await send(page, update(model));
        await page.click('#canvas g.cell[data-step="Compare"] g.step');
        // A click reveals a moment later, when it is no double-click (which edits on the map).
        await page.waitForFunction(() =>
            (window as unknown as { posted: FromPreview[] }).posted.some(message => message.type === 'reveal')
        );
        const posted = await page.evaluate(() => (window as unknown as { posted: FromPreview[] }).posted);
        const reveal = posted.find(message => message.type === 'reveal');
        const compare = model.journeys[0].stages[1].steps[1];
        assert.deepEqual(reveal, { type: 'reveal', range: compare.range });
        await send(page, { type: 'highlight', step: 'Compare' });
        await page.waitForSelector('#canvas g.selected[data-step="Compare"]');
    });

    it("offers the file's named views beside the built-in ones, plays a story's slide where the cursor is, and opens a step's detail journey", async () => {
        const model = await modelOf(
            readFileSync(join(repoRoot, 'test', 'fixtures', 'views', 'contract.journey'), 'utf8')
        );
        const { page, errors } = await openPreview();
        await send(page, update(model));
        assert.deepEqual(
            await page
                .locator('#views button')
                .evaluateAll(buttons => buttons.map(button => (button as HTMLElement).dataset.view)),
            ['map', 'mermaid', 'paths', 'funnel', 'blueprint', 'portfolio', 'Exec']
        );
        await page.click('#views button[data-view="Exec"]');
        await page.waitForSelector('#canvas svg title#view-title', { state: 'attached' });
        assert.equal(await page.locator('#canvas svg title#view-title').textContent(), '报修与维修');
        assert.equal(await page.locator('#canvas g.step').count(), 0, 'the view has no steps lane');
        assert.equal(
            await page.evaluate(() => (window as unknown as { savedState: { view: string } }).savedState.view),
            'Exec'
        );
        await send(page, { type: 'highlight', step: undefined, slide: { story: 'Why', index: 1 } });
        await page.waitForSelector('#story-bar:not([hidden])');
        assert.equal(await page.locator('#story-note').textContent(), '师傅上门后，情绪回升');
        assert.equal(await page.locator('#story-count').textContent(), '2 / 2');
        assert.match(
            (await page.locator('#canvas svg style').textContent()) ?? '',
            /\[data-step="Visit"\]\{opacity:1\}/
        );
        await page.click('#story-previous');
        await page.waitForFunction(() => document.getElementById('story-count')?.textContent === '1 / 2');
        await page.click('#story-close');
        await page.waitForSelector('#story-bar[hidden]', { state: 'attached' });
        await page.click('#views button[data-view="map"]');
        await page.click('#canvas g.step[data-detail="Repair"] text.detail-link');
        const posted = await page.evaluate(() => (window as unknown as { posted: FromPreview[] }).posted);
        assert.deepEqual(
            posted.find(message => message.type === 'openJourney'),
            { type: 'openJourney', journey: 'Repair' }
        );
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('never runs or injects markup from hostile strings, in every view', async () => {
        const hostile =
            '<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2"></svg><a href="javascript:window.pwned=3">x</a>%%{init: {"securityLevel":"loose"}}%%' +
            '<foreignObject><iframe srcdoc="<script>parent.pwned=4</script>"></iframe></foreignObject><style>*{background:url(javascript:pwned=5)}</style>\u202e\u2066bidi';
        const quoted = JSON.stringify(hostile);
        const model = await modelOf(`persona P ${quoted} { role ${quoted} goal ${quoted} quote ${quoted} }
channel C ${quoted} online
metric n ${quoted} count
journey J ${quoted} { persona P stage S ${quoted} { step A ${quoted} { channel C touchpoint ${quoted} emotion 3 x ${quoted} pain ${quoted} opportunity ${quoted} moment of truth ${quoted} metric n = 10 next B } step B ${quoted} { emotion 1 metric n = 4 exit } } }`);
        const { page, errors } = await openPreview();
        for (const view of ['map', 'mermaid', 'paths', 'funnel'] as const) {
            if (view === 'map') await send(page, update(model));
            else await page.click(`button[data-view="${view}"]`);
            await page.waitForFunction(
                v =>
                    v === 'map'
                        ? !!document.querySelector('#canvas svg.jm')
                        : v === 'funnel'
                          ? document.querySelectorAll('#canvas .funnel-step').length === 2
                          : !!document.querySelector('#canvas svg[id^="mermaid"]'),
                view
            );
            await page.waitForTimeout(200);
            const injected = await page.evaluate(() => ({
                pwned: (window as unknown as { pwned?: number }).pwned,
                // Executable scripts that are not ours (ours: preview.js and, once a Mermaid view opened, mermaid.js,
                // both
                // with the page's nonce; the message bundle is a JSON data block, never run).
                foreignScripts: [
                    ...document.querySelectorAll<HTMLScriptElement>('script:not([type="application/json"])')
                ].filter(script => !(script.nonce === 'testnonce123' && /\/(preview|mermaid)\.js$/.test(script.src)))
                    .length,
                images: document.querySelectorAll('#canvas img').length,
                javascriptLinks: document.querySelectorAll('#canvas [href^="javascript"]').length,
                handlers: [...document.querySelectorAll('#canvas *')].filter(e =>
                    [...e.attributes].some(a => a.name.startsWith('on'))
                ).length,
                injected: document.querySelectorAll('#canvas iframe, #canvas a, #canvas foreignObject iframe').length,
                // The SVG's own <style> is ours; no other style element may come from the text.
                styles: [...document.querySelectorAll('#canvas style')].filter(style =>
                    style.textContent!.includes('pwned')
                ).length
            }));
            assert.deepEqual(
                injected,
                {
                    pwned: undefined,
                    foreignScripts: 0,
                    images: 0,
                    javascriptLinks: 0,
                    handlers: 0,
                    injected: 0,
                    styles: 0
                },
                view
            );
            assert.deepEqual(errors, [], `${view}: an inline handler was created, even if CSP blocked it`);
        }
        assert.deepEqual(errors, []);
    });

    it('exports the map it shows as a PNG of the right size', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        const { page, errors } = await openPreview();
        await send(page, update(model));
        await send(page, { type: 'exportPng', scale: 2 });
        await page.waitForFunction(() =>
            (window as unknown as { posted: FromPreview[] }).posted.some(m => m.type === 'png')
        );
        const answer = await page.evaluate(() =>
            (window as unknown as { posted: FromPreview[] }).posted.find(m => m.type === 'png')
        );
        assert.ok(answer?.type === 'png' && answer.base64, JSON.stringify(answer));
        const png = Buffer.from(answer.base64, 'base64');
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
        const [, width, height] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(renderJourneyMapSvg(model))!;
        assert.equal(png.readUInt32BE(16), Math.ceil(Number(width) * 2));
        assert.equal(png.readUInt32BE(20), Math.ceil(Number(height) * 2));
        assert.deepEqual(errors, []);
    });

    it('shows each linked metric with status, period, trend and sparkline, and opens the data row when clicked', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        const { page, errors } = await openPreview();
        await send(page, update(model));
        const metric = page.locator('#canvas g.metric[data-origin]').first();
        const label = await metric.getAttribute('aria-label');
        assert.equal(label, 'Metric Conversion: 14.5%, ✓ met, +0.6 pp since 2026-W46 (better)');
        assert.equal(
            await page.locator('#canvas g.metric .sparkline').count(),
            7,
            'every value read from a weekly series'
        );
        assert.match(
            (await page.locator('#canvas g.stage').nth(2).getAttribute('aria-label'))!,
            /Revenue: 62,832 CNY ✓ met/
        );
        await metric.click();
        const posted = await page.evaluate(() => (window as unknown as { posted: FromPreview[] }).posted.at(-1));
        assert.ok(
            posted?.type === 'openData' &&
                posted.uri.endsWith('examples/shop/analytics/funnel.csv') &&
                posted.line === 11,
            JSON.stringify(posted)
        );
        assert.deepEqual(errors, []);
        await page.close();
    });

    /** The message the extension posts in compare mode, computed here with the same diff. */
    function compareMessage(before: JourneyModel, after: JourneyModel): ToPreview {
        return {
            type: 'compare',
            uri: after.uri,
            fileName: 'checkout.journey',
            baseLabel: 'HEAD',
            result: {
                before,
                after,
                changes: diffJourneyModels(before, after),
                emotions: compareEmotions(before, after)
            }
        };
    }

    it('compares in the named view chosen: its picture with the steps the changes touched in front', async () => {
        const contract = readFileSync(join(repoRoot, 'test', 'fixtures', 'views', 'contract.journey'), 'utf8');
        const before = await modelOf(contract);
        const after = await modelOf(contract.replace('emotion 1 焦虑', 'emotion 2 焦虑'));
        const { page, errors } = await openPreview();
        await send(page, update(after));
        await page.click('#views button[data-view="Exec"]');
        const drawn = await page.evaluate(() => Number(document.body.dataset.rendered));
        await send(page, compareMessage(before, after));
        await page.waitForFunction(previous => Number(document.body.dataset.rendered) > previous, drawn);
        const figure = page.locator('figure.compare-view');
        assert.equal(await figure.locator('figcaption').textContent(), 'View 管理层评审: the steps the changes touched');
        assert.match(
            (await figure.locator('svg style').first().textContent()) ?? '',
            /\[data-step="Call"\]\{opacity:1\}/
        );
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('compares with HEAD: the changes in words, both curves on one axis, both maps with the changed steps marked', async () => {
        const fixtures = join(repoRoot, 'test', 'fixtures', 'diff');
        const [before, after] = await modelsWithImports([
            join(fixtures, 'before.journey'),
            join(fixtures, 'after.journey')
        ]);
        const { page, errors } = await openPreview();
        await send(page, update(after));
        const drawn = await page.evaluate(() => Number(document.body.dataset.rendered));
        await send(page, compareMessage(before, after));
        await page.waitForFunction(previous => Number(document.body.dataset.rendered) > previous, drawn);
        const seen = await page.evaluate(() => ({
            comparing: document.body.classList.contains('comparing'),
            label: document.getElementById('compare-label')!.textContent,
            heading: document.querySelector('.compare h2')!.textContent,
            changes: [...document.querySelectorAll('.compare-changes li')].map(
                item => `${(item as HTMLElement).dataset.kind} ${item.textContent}`
            ),
            curves: [
                document.querySelectorAll('.compare-curves polyline.curve-before').length,
                document.querySelectorAll('.compare-curves polyline.curve-after').length
            ],
            maps: document.querySelectorAll('.compare-maps svg.jm').length,
            changed: [
                ...new Set(
                    [...document.querySelectorAll('.compare-after g.cell[class*="change-"]')].map(
                        cell => `${cell.getAttribute('data-step')} ${cell.getAttribute('class')}`
                    )
                )
            ]
        }));
        assert.deepEqual(seen, {
            comparing: true,
            label: 'Comparing checkout.journey: HEAD ↔ working copy',
            heading: '5 changes since HEAD',
            changes: [
                "renamed Step 'VisitSite' renamed to 'BrowseSite'",
                "moved Step 'Compares offers' moved from 考虑 Consideration to 购买 Purchase",
                "changed Emotion of 'Compares offers' fell from 2 to 1",
                "added Step 'Compares offers': pain point added: “No express delivery option”",
                "changed Metric dropoff of 'Compares offers': value 31% → 18% (−13 pp; ✗ missed → ✓ met)"
            ],
            curves: [1, 1],
            maps: 2,
            changed: ['BrowseSite cell change-changed', 'Compare cell change-changed']
        });
        await page.screenshot({ path: join(outputDir, 'compare-with-head.png'), fullPage: true });
        await page.click('#compare-close');
        const closed = await page.evaluate(() => ({
            comparing: document.body.classList.contains('comparing'),
            posted: (window as unknown as { posted: FromPreview[] }).posted.at(-1)
        }));
        assert.deepEqual(closed, { comparing: false, posted: { type: 'endCompare' } });
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('marks a removed step on the older map and an added one on the newer, and runs nothing from hostile names', async () => {
        const hostile = '"><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
        const before = await modelOf(
            'journey J { stage S { step Old "Leaves early" { emotion 2 } step Keep { emotion 3 } } }'
        );
        const after = await modelOf(
            `journey J { stage S { step Keep { emotion 4 } step New ${JSON.stringify(hostile)} { emotion 5 pain ${JSON.stringify(hostile)} } } }`
        );
        const { page, errors } = await openPreview();
        await send(page, compareMessage(before, after));
        await page.waitForSelector('.compare-maps');
        const seen = await page.evaluate(() => ({
            removed: [
                ...new Set(
                    [...document.querySelectorAll('.compare-before .change-removed')].map(node =>
                        node.getAttribute('data-step')
                    )
                )
            ],
            added: [
                ...new Set(
                    [...document.querySelectorAll('.compare-after .change-added')].map(node =>
                        node.getAttribute('data-step')
                    )
                )
            ],
            pwned: (window as unknown as { pwned?: number }).pwned,
            images: document.querySelectorAll('img').length,
            scripts: document.querySelectorAll('body script:not([type="application/json"])').length,
            mentioned: [...document.querySelectorAll('.compare-changes li')].some(item =>
                item.textContent!.includes('<img src=x')
            )
        }));
        assert.deepEqual(seen, {
            removed: ['Old'],
            added: ['New'],
            pwned: undefined,
            images: 0,
            scripts: 1,
            mentioned: true
        });
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('shows a 5,000-step map as an overview of parts, then one part at a time, in every view', async () => {
        const { page, errors } = await openPreview();
        await send(page, update(await modelOf(largeJourneyText(5000))));
        assert.equal(await page.locator('#canvas [data-window]').count(), 25);
        assert.equal(await page.locator('#canvas g.step').count(), 0, 'no step is drawn in the overview');
        assert.equal(await page.locator('#window-bar').isHidden(), true);
        await page.screenshot({ path: join(outputDir, 'large-map-overview.png') });
        const drawn = () => page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
        let before = await drawn();
        await page.click('#canvas [data-window="1"]');
        await page.waitForFunction(previous => Number(document.body.dataset.rendered ?? 0) > previous, before);
        assert.equal(await page.locator('#canvas g.step').count(), 200);
        assert.equal(await page.locator('#canvas [data-step]').first().getAttribute('data-step'), 'T200');
        assert.equal(await page.textContent('#window-label'), 'Steps 201–400 of 5,000');
        before = await drawn();
        await page.click('#window-next');
        await page.waitForFunction(previous => Number(document.body.dataset.rendered ?? 0) > previous, before);
        assert.equal(await page.locator('#canvas [data-step]').first().getAttribute('data-step'), 'T400');
        await send(page, { type: 'exportPng', scale: 1 });
        await page.waitForFunction(() =>
            (window as unknown as { posted: FromPreview[] }).posted.some(m => m.type === 'png')
        );
        const png = await page.evaluate(() =>
            (window as unknown as { posted: FromPreview[] }).posted.find(m => m.type === 'png')
        );
        assert.ok(png?.type === 'png' && png.base64, JSON.stringify(png));
        const shownWidth = Number(await page.getAttribute('#canvas svg.jm', 'width'));
        assert.equal(
            Buffer.from(png.base64, 'base64').readUInt32BE(16),
            Math.ceil(shownWidth),
            'the PNG is the part shown, not all 5,000 steps'
        );
        await page.click('button[data-view="paths"]');
        await page.waitForSelector('#canvas svg[aria-roledescription="flowchart-v2"]');
        assert.equal(
            await page.locator('#canvas .node').count(),
            200,
            'the flowchart of the part shown, not of 5,000 steps'
        );
        before = await drawn();
        await page.click('#window-overview');
        await page.waitForFunction(previous => Number(document.body.dataset.rendered ?? 0) > previous, before);
        assert.equal(await page.locator('#canvas [data-window]').count(), 25);
        assert.equal(await page.getAttribute('button[data-view="map"]', 'aria-selected'), 'true');
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('speaks Chinese when the editor does: the toolbar, and map labels from the bundle the page carries', async () => {
        const chinese: MessageBundle = JSON.parse(
            readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')
        );
        useMessageBundle(chinese); // the extension host translates the page's own words…
        let url: string;
        try {
            url = writePreviewPage(chinese, 'preview-zh-cn.html'); // …and hands the page the bundle for what it draws
        } finally {
            useMessageBundle(undefined);
        }
        const { page, errors } = await openPreview(url);
        const service = (await exampleModels()).find(example => example.file.includes('售后服务'))!;
        await send(page, update(service.model));
        assert.deepEqual(await page.locator('#views button').allTextContents(), [
            '旅程图',
            'Mermaid 旅程图',
            '路径',
            '漏斗',
            '服务蓝图',
            '机会组合'
        ]);
        const lanes = await page.locator('#canvas .lane-label').allTextContents();
        for (const label of ['阶段', '步骤', '触点', '情绪', '痛点', '机会点'])
            assert.ok(lanes.includes(label), `${label} in ${lanes.join(', ')}`);
        assert.match((await page.locator('#canvas .subtitle').textContent()) ?? '', /\d+ 个阶段 · \d+ 个步骤/);
        await page.screenshot({ path: join(outputDir, 'preview-zh-cn.png'), fullPage: true });
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('draws a map in the language it declares (language zh-cn) in an English editor, and the next map in English again', async () => {
        const chinese: MessageBundle = JSON.parse(
            readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')
        );
        const { page, errors } = await openPreview();
        const service = (await exampleModels()).find(example => example.file.includes('售后服务'))!;
        const declared: ToPreview = {
            type: 'update',
            uri: service.model.uri,
            fileName: 'map.journey',
            model: { ...service.model, language: 'zh-cn' },
            messages: chinese
        };
        await send(page, declared);
        let lanes = await page.locator('#canvas .lane-label').allTextContents();
        assert.ok(lanes.includes('阶段') && lanes.includes('情绪'), lanes.join(', '));
        const checkout = (await exampleModels()).find(example => example.file.endsWith('checkout.journey'))!;
        await send(page, update(checkout.model));
        lanes = await page.locator('#canvas .lane-label').allTextContents();
        assert.ok(lanes.includes('STAGE') && lanes.includes('EMOTION'), lanes.join(', '));
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('draws what customers said beside what the team wrote: a hollow ring joined to the written face, in English and Chinese, with screenshots', async () => {
        const chinese: MessageBundle = JSON.parse(
            readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')
        );
        const survey = await modelOf(
            readFileSync(join(repoRoot, 'test', 'fixtures', 'survey', 'checkout.journey'), 'utf8'),
            join(repoRoot, 'test', 'fixtures', 'survey', 'screenshot.journey')
        );
        const service = (await exampleModels()).find(example => example.file.includes('售后服务'))!.model;
        for (const [model, messages, name, gapStep] of [
            [survey, undefined, 'measured-emotion-en', 'Checkout'],
            [service, chinese, 'measured-emotion-zh-cn', '上门维修']
        ] as const) {
            const { page, errors } = await openPreview();
            await send(page, { type: 'update', uri: model.uri, fileName: 'map.journey', model, messages });
            const rings = page.locator('#canvas .measured-point');
            const withBoth = model.journeys[0].stages
                .flatMap(stage => stage.steps)
                .filter(step => step.emotion && step.measuredEmotion)
                .map(step => step.name);
            assert.deepEqual(
                await rings.evaluateAll(nodes => nodes.map(node => node.getAttribute('data-step'))),
                withBoth,
                name
            );
            // Read in one evaluation: the pane may rewrap the map (a scrollbar appearing changes its width),
            // and a node found before a redraw is detached after it, with no computed style.
            const drawn = await page.evaluate(step => {
                const ring = document.querySelector(`#canvas .measured-point[data-step="${step}"]`)!;
                const computed = getComputedStyle(ring.querySelector('circle.measured')!);
                const line = ring.querySelector('line.measured-link')!;
                return {
                    fill: computed.fill,
                    stroke: computed.stroke,
                    label: ring.getAttribute('aria-label') ?? '',
                    background: getComputedStyle(document.querySelector('#canvas .bg')!).fill,
                    y1: Number(line.getAttribute('y1')),
                    y2: Number(line.getAttribute('y2')),
                    face: Number(
                        document.querySelector(`#canvas g.point[data-step="${step}"] circle`)!.getAttribute('cy')
                    )
                };
            }, gapStep);
            // Hollow: filled with the page's background, outlined in the curve's colour; the thin line reaches the
            // written face.
            assert.equal(drawn.fill, drawn.background, name);
            assert.notEqual(drawn.stroke, 'none', name);
            assert.equal(drawn.y1, drawn.face, 'the line starts at the written face');
            assert.ok(drawn.y2 > drawn.y1, 'customers said worse than the team wrote: the ring is lower');
            assert.match(drawn.label, messages ? /实测/ : /measured .* written 5/);
            assert.ok(
                (await page.locator('#canvas .lane-label').allTextContents()).includes(
                    messages ? '客户原话' : 'CUSTOMERS SAID'
                ),
                name
            );
            await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
            assert.deepEqual(errors, [], name);
            await page.close();
        }
    });

    it('switches to the service blueprint, light, dark and in Chinese, and writes screenshots', async () => {
        const chinese: MessageBundle = JSON.parse(
            readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')
        );
        const service = (await exampleModels()).find(example => example.file.includes('售后服务'))!;
        for (const [scheme, messages, name] of [
            ['light', undefined, 'blueprint-light'],
            ['dark', undefined, 'blueprint-dark'],
            ['light', chinese, 'blueprint-zh-cn']
        ] as const) {
            const { page, errors } = await openPreview();
            await page.emulateMedia({ colorScheme: scheme });
            await send(page, {
                type: 'update',
                uri: service.model.uri,
                fileName: 'map.journey',
                model: service.model,
                messages
            });
            const before = await page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
            await page.locator('#views button[data-view="blueprint"]').click();
            await page.waitForFunction(previous => Number(document.body.dataset.rendered ?? 0) > previous, before);
            const steps = service.model.journeys[0].stages.flatMap(stage => stage.steps).length;
            assert.equal(await page.locator('#canvas .blueprint-cell.lane-frontstage').count(), steps, name);
            assert.equal(await page.locator('#canvas .card.fail').count(), 1, name);
            if (messages) assert.ok((await page.locator('#canvas .lane-label').allTextContents()).includes('前台'));
            await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
            assert.deepEqual(errors, [], name);
            await page.close();
        }
    });

    it("asks for the workspace's opportunities when the portfolio is shown, and places them, light, dark and in Chinese", async () => {
        const chinese: MessageBundle = JSON.parse(
            readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')
        );
        const service = (await exampleModels()).find(example => example.file.includes('售后服务'))!;
        const rows = opportunityBacklog((await exampleModels()).map(example => example.model));
        assert.ok(rows.length >= 2);
        for (const [scheme, messages, name] of [
            ['light', undefined, 'portfolio-light'],
            ['dark', undefined, 'portfolio-dark'],
            ['light', chinese, 'portfolio-zh-cn']
        ] as const) {
            const { page, errors } = await openPreview();
            await page.emulateMedia({ colorScheme: scheme });
            await send(page, {
                type: 'update',
                uri: service.model.uri,
                fileName: 'map.journey',
                model: service.model,
                messages
            });
            await page.locator('#views button[data-view="portfolio"]').click();
            await page.waitForFunction(() =>
                (window as unknown as { posted: Array<{ type: string }> }).posted.some(
                    message => message.type === 'needPortfolio'
                )
            );
            const before = await page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
            await page.evaluate(message => window.postMessage(message, '*'), { type: 'portfolio', rows } as ToPreview);
            await page.waitForFunction(previous => Number(document.body.dataset.rendered ?? 0) > previous, before);
            assert.equal(await page.locator('#canvas .opportunity-dot').count(), rows.length, name);
            if (messages)
                assert.match((await page.locator('#canvas .title').first().textContent()) ?? '', /工作区机会点/);
            // Each opportunity links to the first step it addresses.
            const revealsBefore = await page.evaluate(
                () =>
                    (window as unknown as { posted: Array<{ type: string }> }).posted.filter(
                        message => message.type === 'reveal'
                    ).length
            );
            await page.locator('#canvas .opportunity-row circle').first().click();
            await page.waitForFunction(
                count =>
                    (window as unknown as { posted: Array<{ type: string }> }).posted.filter(
                        message => message.type === 'reveal'
                    ).length > count,
                revealsBefore
            );
            const revealed = await page.evaluate(() =>
                (
                    window as unknown as {
                        posted: Array<{ type: string; range?: { uri: string; start: { line: number } } }>;
                    }
                ).posted
                    .filter(message => message.type === 'reveal')
                    .at(-1)
            );
            const first = rows[0].steps[0].range!;
            assert.deepEqual(revealed?.range, { uri: first.uri, start: first.start, end: first.start }, name);
            await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
            assert.deepEqual(errors, [], name);
            await page.close();
        }
    });

    it("offers a persona picker where steps give emotions per persona, and draws one persona's curve when one is picked", async () => {
        const { page, errors } = await openPreview();
        const [model] = await modelsWithImports([
            join(repoRoot, 'test', 'fixtures', 'design', 'buying-together.journey')
        ]);
        await send(page, update(model));
        assert.equal(await page.isVisible('#persona-picker'), true);
        assert.deepEqual(await page.locator('#persona-picker option').allTextContents(), [
            'Every persona',
            'Ana',
            'Bo'
        ]);
        assert.equal(await page.locator('#canvas path[data-persona]').count(), 2);
        const before = await page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
        await page.selectOption('#persona-picker', 'Bo');
        await page.waitForFunction(previous => Number(document.body.dataset.rendered ?? 0) > previous, before);
        assert.equal(await page.locator('#canvas path[data-persona]').count(), 0);
        assert.equal(await page.locator('#canvas .point').count(), 4, 'Bo takes part in all four steps');
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('fits the map to the pane: a narrow preview wraps the stages into rows, and a wider one redraws wider', async () => {
        const { page, errors } = await openPreview();
        await page.setViewportSize({ width: 700, height: 900 });
        const checkout = (await exampleModels()).find(example => example.file.endsWith('checkout.journey'))!;
        await send(page, update(checkout.model));
        const mapWidth = () =>
            page.evaluate(() => Number(document.querySelector('#canvas svg')!.getAttribute('width')));
        assert.ok((await mapWidth()) <= 700, `${await mapWidth()} px in a 700 px pane`);
        assert.ok((await page.locator('#canvas .lane-label', { hasText: 'STAGE' }).count()) > 1);
        await page.setViewportSize({ width: 1500, height: 900 });
        // Wait for the wider picture itself: a redraw still pending from the narrow pane (the resize
        // settles after 150 ms) may come first on a busy machine, at the old width.
        await page.waitForFunction(() => Number(document.querySelector('#canvas svg')?.getAttribute('width')) > 700);
        assert.ok((await mapWidth()) > 700);
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('draws a map once when the pane was resized before it came: the pending rewrap sees the width it was drawn at', async () => {
        // The rewrap waits 150 ms on a timer: a paused clock holds it, and is run past it instead of sleeping.
        const { page, errors } = await openPreview(pageUrl, async page => {
            await page.clock.install({ time: new Date('2026-01-01T00:00:00Z') });
            await page.clock.pauseAt(new Date('2026-01-01T00:00:01Z'));
        });
        await page.setViewportSize({ width: 1000, height: 900 });
        // A resize observer made now is told after the page's own one, in the same frame: the rewrap is pending.
        await page.evaluate(
            () =>
                new Promise<void>(resolve =>
                    new ResizeObserver((_, observer) => {
                        observer.disconnect();
                        resolve();
                    }).observe(document.getElementById('viewport')!)
                )
        );
        const checkout = (await exampleModels()).find(example => example.file.endsWith('checkout.journey'))!;
        await send(page, update(checkout.model));
        const drawn = await page.evaluate(() => Number(document.body.dataset.rendered));
        await page.clock.runFor(1000);
        assert.equal(
            await page.evaluate(() => Number(document.body.dataset.rendered)),
            drawn,
            'drawn once, at 1000 px'
        );
        assert.ok(
            (await page.evaluate(() => Number(document.querySelector('#canvas svg')!.getAttribute('width')))) <= 1000
        );
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('applies a delta to the map it holds: one changed step is carried, the whole map is drawn', async () => {
        const { page, errors } = await openPreview();
        const checkout = (await exampleModels()).find(example => example.file.endsWith('checkout.journey'))!.model;
        await send(page, update(checkout));
        const edited: JourneyModel = JSON.parse(JSON.stringify(checkout));
        const step = edited.journeys[0].stages[1].steps[0];
        step.title = '<b>改过的</b> step';
        const delta = deltaOf(checkout, edited);
        assert.ok(JSON.stringify(delta).length < JSON.stringify(edited).length / 10, 'the message is the change');
        await send(page, { type: 'update', uri: checkout.uri, fileName: 'checkout.journey', delta });
        const titles = await page.locator('#canvas g.step').allTextContents();
        assert.ok(titles.some(text => text.includes('<b>改过的</b> step')), 'the changed step, as text');
        assert.equal(
            await page.locator('#canvas g.step').count(),
            checkout.journeys[0].stages.flatMap(stage => stage.steps).length,
            'and every other step'
        );
        assert.equal(await page.locator('#canvas b').count(), 0);
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('serves a page whose CSP allows only its own nonce for scripts, and no eval', () => {
        const html = previewHtml({
            nonce: 'abc123',
            cspSource: 'vscode-resource:',
            scriptUri: 'vscode-resource:/dist/preview.js'
        });
        const csp = /content="([^"]+)"/.exec(html)![1];
        assert.match(csp, /default-src 'none'/);
        assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
        assert.doesNotMatch(csp, /unsafe-eval/);
        assert.doesNotMatch(csp.split(';').find(part => part.includes('script-src'))!, /unsafe-inline/);
        assert.match(html, /<script nonce="abc123" src="vscode-resource:\/dist\/preview.js"><\/script>/);
    });

    it('carries its message bundle as data that no translation can break out of', () => {
        const hostile = '</script><script>window.pwned = 1</script>';
        const messages = { Map: hostile, 'Zoom in': hostile };
        useMessageBundle(messages);
        let html: string;
        try {
            html = previewHtml({
                nonce: 'abc123',
                cspSource: 'vscode-resource:',
                scriptUri: 'vscode-resource:/dist/preview.js',
                messages
            });
        } finally {
            useMessageBundle(undefined);
        }
        assert.equal(html.match(/<script/g)?.length, 2, 'the data block and the nonce\'d bundle, nothing more');
        assert.equal(html.match(/<\/script>/g)?.length, 2);
        assert.ok(
            html.includes('>&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt;</button>'),
            'a translated label is escaped in the toolbar'
        );
        assert.ok(html.includes('aria-label="&lt;/script&gt;'), 'and in an attribute');
    });
});
