import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser-kit.js';
import { repoRoot } from '../journey-test-kit.js';
import { runCli } from './cli-runner.js';

const contract = readFileSync(join(repoRoot, 'test', 'fixtures', 'views', 'contract.journey'), 'utf8');
const hostile = '\\"><img src=x onerror=\\"document.title=\'pwned\'\\"><script>document.title=\'pwned\'</script>';
/** The contract with a third slide whose note is markup, and a second story. */
const map =
    contract.replace(
        'show Repair.Visit "师傅上门后，情绪回升"',
        `show Repair.Visit "师傅上门后，情绪回升"\n  show Repair.Call "${hostile}"`
    ) + '\nstory Other { show Buy.Compare }\n';

describe('journeymap story', function () {
    this.timeout(120_000);
    let folder: string;
    let browser: Browser | undefined;
    before(() => {
        folder = mkdtempSync(join(tmpdir(), 'journey-story-'));
        writeFileSync(join(folder, 'map.journey'), map);
    });
    after(async () => {
        await browser?.close();
        rmSync(folder, { recursive: true, force: true });
    });

    it('writes one HTML file with a slide per `show`, its style and script allowed by their hashes alone', () => {
        const result = runCli(['story', 'map.journey', 'Why', '-o', 'out/why.html'], folder);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stderr, /^Wrote out\/why\.html \(\d+ KB\)/);
        const html = readFileSync(join(folder, 'out', 'why.html'), 'utf8');
        assert.equal(html.match(/<section class="slide/g)?.length, 3);
        assert.match(
            html,
            /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'; base-uri 'none'; form-action 'none'">/
        );
        assert.doesNotMatch(html, /<script src|<link |https?:\/\//, 'nothing outside the file');
        assert.doesNotMatch(html, /<img src=x/, 'markup in a note is text');
        assert.equal(
            runCli(['story', 'map.journey', 'Why'], folder).stdout.trimEnd(),
            html.trimEnd(),
            'the same bytes on standard output'
        );
    });

    it('names the stories there are when the story is unknown or not named, and refuses a map with errors', () => {
        const unknown = runCli(['story', 'map.journey', 'Nope'], folder);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /No story 'Nope' in map\.journey\. Stories: Why, Other\./);
        assert.match(
            runCli(['story', 'map.journey'], folder).stderr,
            /Name the story: map\.journey has several \(Why, Other\)\./
        );
        writeFileSync(join(folder, 'none.journey'), 'journey J { stage S { step A { exit } } }\n');
        assert.match(runCli(['story', 'none.journey'], folder).stderr, /none\.journey declares no story\./);
        writeFileSync(
            join(folder, 'broken.journey'),
            'journey J { stage S { step A { emotion 9 exit } } }\nstory W { show J.A }\n'
        );
        const broken = runCli(['story', 'broken.journey'], folder);
        assert.equal(broken.status, 1);
        assert.match(broken.stderr, /No story written: fix the errors first\./);
    });

    describe('in Chromium, from file://', () => {
        let page: Page;
        const errors: string[] = [];
        const requests: string[] = [];
        const file = () => join(folder, 'out', 'why.html');
        const shown = () => page.evaluate(() => [...document.querySelectorAll('.slide')]
            .filter(slide => getComputedStyle(slide).display !== 'none').map(slide => slide.id));

        before(async () => {
            if (!readFileSync(file(), 'utf8')) throw new Error('the story was not written');
            browser = await launchChromium();
            page = await browser.newPage();
            page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
            page.on('pageerror', error => errors.push(error.message));
            page.on('request', request => { if (!request.url().startsWith('data:')) requests.push(request.url()); });
            await page.goto(pathToFileURL(file()).href);
            await page.waitForLoadState('load');
        });

        it('shows one slide at a time, and ← → and space move through them with the progress line', async () => {
            assert.deepEqual(await shown(), ['slide-1']);
            await page.keyboard.press('ArrowRight');
            assert.deepEqual(await shown(), ['slide-2']);
            assert.equal(await page.locator('#slide-2 progress').getAttribute('value'), '2');
            await page.keyboard.press('Space');
            assert.deepEqual(await shown(), ['slide-3']);
            await page.keyboard.press('ArrowRight');
            assert.deepEqual(await shown(), ['slide-3'], 'the last slide stays');
            await page.keyboard.press('ArrowLeft');
            assert.deepEqual(await shown(), ['slide-2']);
            assert.match(page.url(), /#slide-2$/);
            await page.click('.controls [data-move="-1"]');
            assert.deepEqual(await shown(), ['slide-1']);
            assert.equal(await page.locator('#slide-1 .note').textContent(), '排队 15 分钟才接通：全程情绪最低点');
        });

        it("draws each slide's step in front, its note as text, and prints one slide per page", async () => {
            const third = await page.locator('#slide-3 .note').textContent();
            assert.ok(third?.includes('<img src=x'), 'the markup of the note shows as text');
            assert.notEqual(await page.title(), 'pwned');
            const images = await page.evaluate(() =>
                [...document.images].map(image => ({ ok: image.naturalWidth > 0, src: decodeURIComponent(image.src) }))
            );
            assert.ok(images.every(image => image.ok), 'every slide\'s picture draws');
            assert.match(images[0].src, /\[data-step="Call"\]\{opacity:1\}/, 'slide 1 brings Call to the front');
            assert.match(images[1].src, /\[data-step="Visit"\]\{opacity:1\}/, 'slide 2 brings Visit to the front');
            await page.emulateMedia({ media: 'print' });
            assert.deepEqual(await shown(), ['slide-1', 'slide-2', 'slide-3']);
            const breaks = await page.evaluate(() =>
                [...document.querySelectorAll('.slide')].map(slide => getComputedStyle(slide).breakAfter)
            );
            assert.deepEqual(breaks, ['page', 'page', 'page']);
            await page.emulateMedia({ media: 'screen' });
        });

        it('fetches nothing beyond itself and logs no error (its policy allows its own style and script)', () => {
            assert.deepEqual(requests, [pathToFileURL(file()).href]);
            assert.deepEqual(errors, []);
        });
    });
});
