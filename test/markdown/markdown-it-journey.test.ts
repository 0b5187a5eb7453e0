import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser-kit.js';
import { repoRoot } from '../journey-test-kit.js';
import { workspaceWith } from '../cli/cli-runner.js';

/** The plugin as the package exports it (`journey-maps-as-code/markdown-it`): the built bundle. */
const plugin = createRequire(import.meta.url)(join(repoRoot, 'dist', 'markdown-it.cjs')) as (
    md: ReturnType<typeof MarkdownIt>,
    options?: object
) => void;

const fence = (text: string, info = 'journey') => `\`\`\`${info}\n${text}\n\`\`\`\n`;
const small = 'journey J "购买旅程" { stage S { step A "看到广告" { emotion 3 } step B { emotion 4 } } }';

/** ```journey fences in Markdown, drawn by the markdown-it plugin (docs sites, VS Code's Markdown preview). */
describe('journey fences in Markdown (markdown-it)', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    after(async () => browser?.close());

    const workspace = workspaceWith({
        'docs/design.md': '',
        'docs/maps/checkout.journey':
            'import "../../shared/people.journey"\njourney Checkout "Checkout" { persona Ana stage Buy { step Pay { emotion 4 frontstage "Cashier" } } }\n',
        'shared/people.journey': 'persona Ana "Ana"\n'
    });
    const render = (markdown: string, options: object = {}) =>
        new MarkdownIt()
            .use(plugin, { root: workspace, ...options })
            .render(markdown, { path: join(workspace, 'docs', 'design.md') });

    it('draws a fence as a picture and a fence with errors as a box with its lines in the Markdown file, and the rest of the document as usual', () => {
        const html = render(
            `# Design\n\nBefore.\n\n${fence(small)}\n${fence('journey K { stage S { step A { emotion 9 } } }')}\nAfter.\n\n${fence('plain', 'js')}`
        );
        assert.match(
            html,
            /^<h1>Design<\/h1>\n<p>Before\.<\/p>\n<div class="journey-map-fence"><img alt="购买旅程" src="data:image\/svg\+xml;charset=utf-8,%3Csvg/
        );
        assert.match(
            html,
            /<div class="journey-map-error" role="alert"><strong>Journey map not drawn<\/strong><ul><li>line 10: Emotion 9 is outside the journey&#39;s scale 1\.\.5/
        );
        assert.match(html, /<p>After\.<\/p>\n<pre><code class="language-js">plain\n<\/code><\/pre>/);
        const light = render(fence(small), { theme: () => 'light' });
        const dark = render(fence(small), { theme: () => 'dark' });
        assert.notEqual(light, dark, "drawn in the colours asked for (VS Code: its theme's)");
    });

    it('reads a map file with src, relative to the Markdown file, with its imports; view and journey pick what to draw', () => {
        const blueprint = render(fence('', 'journey src="maps/checkout.journey" view="blueprint" journey="Checkout"'));
        assert.match(blueprint, /<img alt="Checkout" src="data:image\/svg\+xml/);
        assert.match(decodeURIComponent(blueprint), /Cashier/, 'the blueprint');
        for (const [info, message] of [
            [
                'journey src="../../outside.journey"',
                /src=&quot;\.\.\/\.\.\/outside\.journey&quot; leaves the workspace folder/
            ],
            ['journey src="maps/missing.journey"', /src=&quot;maps\/missing\.journey&quot;: no such map/],
            [
                'journey src="maps/checkout.journey" view="galaxy"',
                /No view &quot;galaxy&quot;: the views here are map, funnel, blueprint\./
            ],
            [
                'journey src="maps/checkout.journey" journey="Nope"',
                /no journey &quot;Nope&quot; \(the map has: Checkout\)/
            ]
        ] as const) {
            assert.match(render(fence('', info)), message, info);
        }
    });

    it('draws a view the map names, with its journeys and lanes', () => {
        const map =
            'journey A "甲旅程" { stage S { step X "第一步" { emotion 2 pain "慢" } } }\n' +
            'journey B "乙旅程" { stage T { step Y "第二步" { emotion 4 } } }\nview Exec "管理层" { journeys B, A lanes emotion, pains }\n';
        const html = render(fence(map, 'journey view="Exec"'));
        assert.match(html, /<img alt="管理层" src="data:image\/svg\+xml/);
        const svg = decodeURIComponent(html);
        assert.ok(svg.indexOf('乙旅程') < svg.indexOf('甲旅程'), 'the journeys in the order of the view');
        assert.match(svg, /PAIN POINTS/);
        assert.doesNotMatch(svg, /STEPS/, 'only the lanes of the view');
        assert.match(
            render(fence(map, 'journey view="Board"')),
            /No view &quot;Board&quot;: the views here are map, funnel, blueprint, Exec\./
        );
    });

    it('draws each fence once: a document rendered again (as a preview does on every keystroke) reads the pictures drawn before', () => {
        const markdown = fence(small.replace('购买旅程', '再次'));
        const first = render(markdown);
        // A plugin whose worker does not exist can only answer from what was drawn before.
        const again = render(markdown, { workerPath: join(workspace, 'no-worker.cjs') });
        assert.equal(again, first);
        assert.match(
            render(fence(small.replace('购买旅程', '改过')), { workerPath: join(workspace, 'no-worker.cjs') }),
            /journey-map-error/,
            'a changed fence is drawn anew'
        );
    });

    it('draws the first 100 fences of a document of 200 and says so for the others', () => {
        const markdown = Array.from({ length: 200 }, (_, index) =>
            fence(small.replace('购买旅程', `Map ${index}`))
        ).join('\n');
        const html = render(markdown);
        assert.equal((html.match(/class="journey-map-fence"/g) ?? []).length, 100);
        assert.equal((html.match(/Only the first 100 journey maps of a document are drawn/g) ?? []).length, 100);
    });

    it('renders on a page with no script run and no markup from hostile text, the pictures visible', async () => {
        const hostile = '\\"><img src=x onerror=\\"document.title=1\\"><script>document.title=2</script>';
        const html = render(
            `${fence(`journey H "${hostile}" { stage S { step A "${hostile}" { emotion 3 } } }`)}\n${fence(`journey "${hostile}`)}`
        );
        browser = await launchChromium();
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        await page.setContent(`<!doctype html><meta charset="utf-8"><title>doc</title>${html}`);
        await page.waitForFunction(() => [...document.images].every(image => image.complete));
        assert.equal(await page.title(), 'doc');
        assert.equal(await page.locator('img[src="x"]').count(), 0);
        assert.equal(await page.locator('script').count(), 0);
        const pictures = await page.evaluate(() =>
            [...document.querySelectorAll('.journey-map-fence img')].map(
                image => (image as HTMLImageElement).naturalWidth
            )
        );
        assert.equal(pictures.length, 1);
        assert.ok(pictures[0] > 200);
        assert.equal(await page.locator('.journey-map-error').count(), 1);
        assert.deepEqual(errors, []);
        await page.screenshot({ path: join(repoRoot, 'test', 'output', 'markdown-it-fences.png'), fullPage: true });
    });
});
