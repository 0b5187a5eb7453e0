import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { JourneyModel } from '../../model/journey-model.js';
import { renderJourneyMapSvg } from '../../render/index.js';
import { launchChromium } from '../browser-kit.js';
import { repoRoot } from '../journey-test-kit.js';
import { runCli } from '../cli/cli-runner.js';
import { exampleModels, modelsWithImports } from './render-kit.js';

const outputDir = join(repoRoot, 'test', 'output');
const widths = [600, 1440, undefined];

/** Text boxes that overlap, and text that runs past the right edge of the map, as drawn by Chromium. */
async function layoutProblems(page: Page): Promise<{ overlaps: string[]; clipped: string[]; width: number }> {
    return page.evaluate(() => {
        const svg = document.querySelector('svg')!;
        const right = svg.getBoundingClientRect().right;
        const boxes = [...svg.querySelectorAll('text')]
            .map(t => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
            .filter(entry => entry.box.width > 0);
        const overlaps: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].box, b = boxes[j].box;
                if (
                    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
                )
                    overlaps.push(`${boxes[i].text} × ${boxes[j].text}`);
            }
        }
        return {
            overlaps,
            clipped: boxes.filter(entry => entry.box.right > right + 1).map(entry => entry.text),
            width: svg.getBoundingClientRect().width
        };
    });
}

describe('the map fits a screen: stages wrap into rows at a width, with no text overlapping or clipped', function () {
    this.timeout(300_000);
    let browser: Browser;
    let maps: Array<{ name: string; model: JourneyModel }>;
    before(async () => {
        browser = await launchChromium();
        const review = join(repoRoot, 'test', 'fixtures', 'diff', 'review', 'before.journey');
        const together = join(repoRoot, 'test', 'fixtures', 'design', 'buying-together.journey');
        maps = [
            ...(await exampleModels()).map(entry => ({ name: basename(entry.file), model: entry.model })),
            ...(await modelsWithImports([review, together])).map((model, index) => ({
                name: ['review.journey', 'buying-together.journey'][index],
                model
            }))
        ];
    });
    after(async () => { await browser?.close(); });

    for (const width of widths) {
        it(`at ${width ?? 'full'} px: every example, nothing overlapping or past the edge${width ? ', no wider than asked' : ''}`, async () => {
            mkdirSync(outputDir, { recursive: true });
            const page = await browser.newPage({ viewport: { width: (width ?? 1500) + 40, height: 900 } });
            try {
                for (const { name, model } of maps) {
                    const svg = renderJourneyMapSvg(model, undefined, { width, theme: 'light' });
                    await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${svg}</body>`);
                    const problems = await layoutProblems(page);
                    assert.deepEqual(problems.overlaps, [], `${name} at ${width}`);
                    assert.deepEqual(problems.clipped, [], `${name} at ${width}`);
                    if (width) assert.ok(problems.width <= width, `${name}: ${problems.width} px drawn for ${width}`);
                    if (width) await page.screenshot({ path: join(outputDir, `${name}-${width}.png`), fullPage: true });
                }
            } finally {
                await page.close();
            }
        });
    }

    it('wraps a journey wider than the screen into rows instead of one strip', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        const strip = renderJourneyMapSvg(model);
        const wrapped = renderJourneyMapSvg(model, undefined, { width: 600 });
        const widthOf = (svg: string) => Number(/<svg[^>]* width="(\d+)/.exec(svg)![1]);
        assert.ok(widthOf(strip) > 1200);
        assert.ok(widthOf(wrapped) <= 600);
        assert.ok((wrapped.match(/>STAGE</g) ?? []).length > 1, 'several rows, each with its stages');
        assert.equal(
            (wrapped.match(/class="step"/g) ?? []).length,
            (strip.match(/class="step"/g) ?? []).length,
            'every step drawn once'
        );
        const cli = runCli(['render', 'examples/shop/checkout.journey', '--width', '600']);
        assert.equal(cli.status, 0, cli.stderr);
        assert.equal(widthOf(cli.stdout), widthOf(wrapped));
    });
});
