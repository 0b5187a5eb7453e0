import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser-kit.js';
import { repoRoot } from '../journey-test-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

const hostile = '"><img src=x onerror="document.title=\'pwned\'"><script>document.title=\'pwned\'</script>';

/** A site of the examples plus a map with hostile strings and one that does not check. */
function buildSite(extra: Record<string, string> = {}): {
    dir: string;
    site: string;
    status: number | null;
    stderr: string;
} {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    const maps = join(dir, 'maps');
    mkdirSync(maps);
    for (const entry of readdirSync(join(repoRoot, 'examples'), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const from = join(entry.parentPath, entry.name);
        const to = join(maps, from.slice(join(repoRoot, 'examples').length + 1));
        mkdirSync(join(to, '..'), { recursive: true });
        writeFileSync(to, readFileSync(from));
    }
    for (const [name, text] of Object.entries(extra)) writeFileSync(join(maps, name), text);
    const site = join(dir, 'site');
    const result = runCli(['site', 'maps', '-o', site, '--allow-errors'], dir);
    return { dir, site, status: result.status, stderr: result.stderr };
}

/** Every local link and picture of a page, as files of the site. */
async function localTargets(page: Page): Promise<string[]> {
    return page.evaluate(() => [...document.querySelectorAll('a[href], img[src], script[src], link[href]')]
        .map(node => (node as HTMLAnchorElement).href || (node as HTMLImageElement).src)
        .filter(url => url.startsWith('file:') || url.startsWith('http://127.0.0.1')));
}

/**
 * `journeymap site`: a static site of the repository's journeys, checked in real Chromium from file:// and over HTTP.
 */
describe('journeymap site', function () {
    this.timeout(180_000);
    let browser: Browser;
    let built: ReturnType<typeof buildSite>;
    before(async () => {
        built = buildSite({
            'hostile.journey': `persona P "${hostile.replace(/"/g, '\\"')}"\njourney H "${hostile.replace(/"/g, '\\"')}" { persona P stage S { step A "${hostile.replace(/"/g, '\\"')}" { emotion 3 pain "${hostile.replace(/"/g, '\\"')}" } } }\n`,
            'broken.journey': 'journey B { stage S { step A { emotion 9 } } }\n',
            'library.journey': readFileSync(join(repoRoot, 'test', 'fixtures', 'views', 'contract.journey'), 'utf8')
        });
        browser = await launchChromium();
    });
    after(async () => browser?.close());

    async function open(url: string): Promise<{ page: Page; errors: string[] }> {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        page.on('pageerror', error => errors.push(error.message));
        await page.goto(url);
        await page.waitForLoadState('load');
        return { page, errors };
    }

    it("builds an index grouped by folder with each journey's health, an error page for a map that does not check, and exits 1 without --allow-errors", () => {
        assert.equal(built.status, 0, built.stderr);
        const index = readFileSync(join(built.site, 'index.html'), 'utf8');
        for (const folder of ['maps/shop', 'maps/service', 'maps/saas'])
            assert.match(index, new RegExp(`<h2>${folder}</h2>`));
        assert.match(
            index,
            /售后维修旅程<\/a> <span class="file">maps\/service\/售后服务\.journey<\/span>\n<div class="health"><span class="met">✓ \d+<\/span> <span class="close">▲ \d+<\/span> <span class="missed">✗ \d+<\/span> · lowest emotion 1 at 拨打客服热线 · 2 pains · 1 open opportunities/
        );
        assert.match(
            index,
            /class="broken"[^>]*>maps\/broken\.journey<\/a> <span class="missed">does not check: 1 errors<\/span>/
        );
        const again = runCli(['site', 'maps', '-o', join(built.dir, 'strict')], built.dir);
        assert.equal(again.status, 1);
        assert.match(again.stderr, /1 maps have errors: each has an error page\./);
    });

    it('opens from file:// with no console errors (its CSP allows no inline script or style), no broken links, light and dark', async () => {
        const pagesIn = (folder: string) =>
            readdirSync(join(built.site, folder))
                .filter(name => name.endsWith('.html'))
                .map(name => join(built.site, folder, name));
        const pages = [
            join(built.site, 'index.html'),
            join(built.site, 'personas.html'),
            ...['j', 'v', 's', 'p'].flatMap(pagesIn)
        ];
        assert.ok(pages.length >= 6, pages.join('\n'));
        for (const path of pages) {
            for (const scheme of ['light', 'dark'] as const) {
                const { page, errors } = await open(pathToFileURL(path).href);
                await page.emulateMedia({ colorScheme: scheme });
                assert.deepEqual(errors, [], path);
                assert.notEqual(await page.title(), 'pwned', path);
                for (const target of await localTargets(page)) {
                    const file = decodeURIComponent(new URL(target).pathname);
                    assert.ok(existsSync(file), `${path} links ${file}, which does not exist`);
                }
                const broken = await page.evaluate(() =>
                    [...document.images]
                        .filter(image => image.complete && image.naturalWidth === 0)
                        .map(image => image.src)
                );
                assert.deepEqual(broken, [], path);
                if (scheme === 'dark' && path.endsWith('index.html'))
                    await page.screenshot({
                        path: join(repoRoot, 'test', 'output', 'site-index-dark.png'),
                        fullPage: true
                    });
                await page.close();
            }
        }
        const hostilePage = readFileSync(join(built.site, 'j', 'maps_hostile--H.html'), 'utf8');
        assert.doesNotMatch(
            hostilePage.replace(/<script type="application\/json">[\s\S]*?<\/script>/, ''),
            /<img src=x|<script>document/,
            'hostile text is escaped'
        );
        assert.match(
            readFileSync(join(built.site, 'index.html'), 'utf8'),
            /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'/
        );
    });

    it('finds a step by a Chinese word, and the result opens its journey', async () => {
        const { page, errors } = await open(pathToFileURL(join(built.site, 'index.html')).href);
        await page.fill('#search', '上门');
        const results = page.locator('#results li a');
        await results.first().waitFor();
        assert.deepEqual(await results.allTextContents(), ['师傅上门', '预约上门时间', '技师上门维修']);
        await results.nth(2).click();
        await page.waitForLoadState('load');
        assert.match(
            page.url(),
            /maps_service_%E5%94%AE%E5%90%8E%E6%9C%8D%E5%8A%A1--%E5%94%AE%E5%90%8E%E7%BB%B4%E4%BF%AE\.html$/
        );
        assert.equal(await page.locator('h1').textContent(), '售后维修旅程');
        await page.goBack();
        // A result is the hostile map's step itself: listed as text, nothing of it runs.
        await page.fill('#search', 'onerror');
        await page.locator('#results li a').first().waitFor();
        assert.ok(
            (await page.locator('#results li a').allTextContents()).some(text => text.includes('<img src=x onerror='))
        );
        assert.notEqual(await page.title(), 'pwned');
        assert.equal(await page.locator('#results img').count(), 0);
        assert.deepEqual(errors, []);
        await page.screenshot({ path: join(repoRoot, 'test', 'output', 'site-search.png'), fullPage: true });
    });

    it('has a page per journey with its views, metric table with sources and its text, and a persona library', () => {
        const service = readFileSync(join(built.site, 'j', 'maps_service_售后服务--售后维修.html'), 'utf8');
        assert.match(service, /<html lang="zh-cn">/);
        for (const view of ['map', 'blueprint', 'portfolio', 'paths', 'mermaid', 'metrics', 'source'])
            assert.match(service, new RegExp(`<section id="${view}"`), view);
        assert.match(
            service,
            /<td>技师上门维修<\/td><td>CSAT<\/td><td>4\.5<\/td><td>≥ 4\.2<\/td><td>✓ 达标<\/td><td>回访调查\.满意度<\/td>/
        );
        assert.match(
            service,
            /<td>预约上门时间<\/td><td>到达率<\/td><td>65%<\/td><td>≥ 60%<\/td><td>✓ 达标<\/td><td>漏斗\.到达率 \(第 5 行\)<\/td>/
        );
        assert.match(service, /emotion from 问卷\.评分 scale 0\.\.10/, 'the source');
        const personas = readFileSync(join(built.site, 'personas.html'), 'utf8');
        assert.match(
            personas,
            /<h2><a href="p\/%E5%B0%8F%E7%8E%8B\.html">小王，年轻的上班族<\/a><\/h2>[\s\S]*?售后维修旅程<\/a>: 洗衣机无法启动, 拨打客服热线/
        );
        const wang = readFileSync(join(built.site, 'p', '小王.html'), 'utf8');
        assert.match(
            wang,
            /<h2>小王，年轻的上班族<\/h2>\n<p class="role">[^<]+<\/p>\n<h3>Goals<\/h3><ul><li>/,
            "the whole card on the persona's own page"
        );
        assert.match(wang, /<blockquote>/);
        assert.match(wang, /售后维修旅程<\/a>: 洗衣机无法启动/);
        assert.doesNotMatch(
            readFileSync(join(built.site, 'j', 'maps_shop_checkout--FirstPurchase.json'), 'utf8'),
            /file:\/\//,
            "no machine's folders in what is published"
        );
    });

    it('keeps the map in one strip and draws the paths as a diagram; links a detailed step to its journey; pages for views and stories', () => {
        const service = readFileSync(join(built.site, 'j', 'maps_service_售后服务--售后维修.html'), 'utf8');
        assert.match(
            service,
            /<section id="paths"><h2>[^<]+<\/h2>\n<p>[^<]+<\/p>/,
            'a journey whose steps follow one another: said, not drawn'
        );
        const saas = readFileSync(join(built.site, 'j', 'maps_saas_onboarding--TrialToPaid.html'), 'utf8');
        assert.match(
            saas,
            /<section id="paths"><h2>Paths<\/h2>\n<div class="picture"><img src="\.\.\/j\/maps_saas_onboarding--TrialToPaid\.paths\.svg"/
        );
        const paths = readFileSync(join(built.site, 'j', 'maps_saas_onboarding--TrialToPaid.paths.svg'), 'utf8');
        assert.match(paths, /class="flow-declared"/);
        assert.match(paths, /class="flow-implied"/, 'a step with no `next` leads on to the following one');
        const map = readFileSync(join(built.site, 'j', 'maps_service_售后服务--售后维修.map.svg'), 'utf8');
        const stageTops = [...map.matchAll(/<g class="stage"[^>]*><rect[^>]* y="(\d+)"/g)].map(match => match[1]);
        assert.ok(stageTops.length > 1 && new Set(stageTops).size === 1, 'every stage on one row: one strip');
        const lifecycle = readFileSync(join(built.site, 'j', 'maps_library--Lifecycle.html'), 'utf8');
        assert.match(
            lifecycle,
            /<section id="details"><h2>In detail<\/h2><ul><li>报修与维修 ↳ <a href="\.\.\/j\/maps_library--Repair\.html">报修与维修<\/a><\/li><\/ul><\/section>/
        );
        const view = readFileSync(join(built.site, 'v', 'maps_library--Exec.html'), 'utf8');
        assert.match(view, /<h1>管理层评审<\/h1>[\s\S]*<img src="\.\.\/v\/maps_library--Exec\.svg" alt="管理层评审">/);
        const story = readFileSync(join(built.site, 's', 'maps_library--Why.html'), 'utf8');
        assert.equal(story.match(/<section class="slide/g)?.length, 2);
        assert.match(story, /<script src="\.\.\/assets\/story\.js" defer><\/script>/);
        const index = readFileSync(join(built.site, 'index.html'), 'utf8');
        assert.match(
            index,
            /<h3>Views<\/h3><ul class="library"><li><a href="v\/maps_library--Exec\.html">管理层评审<\/a>/
        );
        assert.match(
            index,
            /<h3>Stories<\/h3><ul class="library"><li><a href="s\/maps_library--Why\.html">为什么报修让人焦虑<\/a>/
        );
    });

    it('shows a heatmap of journeys × stages whose cells link to their journeys, and sorts and filters the journeys', async () => {
        const { page, errors } = await open(pathToFileURL(join(built.site, 'index.html')).href);
        const row = page.locator('table.heatmap-table tbody tr', { hasText: '售后维修旅程' });
        const cells = row.locator('td:not(.heat-empty)');
        assert.equal(await cells.count(), 4, 'a cell per stage of the journey');
        assert.deepEqual(await cells.evaluateAll(tds => tds.map(td => td.className)), [
            'heat-1',
            'heat-0',
            'heat-3',
            'heat-4'
        ]);
        assert.match(
            (await cells.nth(1).textContent()) ?? '',
            /^1 ✗2 −1$/,
            'its lowest emotion, missed metrics and pains'
        );
        const visible = async () => page.locator('li.journey-card:visible > a:not(:has(img))').allTextContents();
        const all = await visible();
        assert.ok(all.length >= 8, all.join(', '));
        await page.selectOption('#filter-persona', '小王');
        assert.deepEqual(await visible(), ['客户生命周期', '退货退款', '售后维修旅程']);
        assert.equal(await page.locator('#shown-count').textContent(), `3 / ${all.length}`);
        assert.equal(
            await page.locator('section.folder:visible').count(),
            3,
            'folders with no journey shown are hidden'
        );
        await page.selectOption('#filter-persona', '');
        await page.selectOption('#filter-owner', '客服中心');
        assert.deepEqual(await visible(), ['售后维修旅程']);
        await page.selectOption('#filter-owner', '');
        await page.selectOption('#filter-folder', 'maps');
        await page.selectOption('#sort', 'name');
        const byName = await visible();
        assert.deepEqual(
            byName,
            [...byName].sort((a, b) => a.localeCompare(b)),
            'sorted by name'
        );
        assert.ok(byName.includes('客户生命周期') && byName.includes('报修与维修'), byName.join(', '));
        await page.selectOption('#sort', 'health');
        assert.equal((await visible())[0], '报修与维修', 'the journey with the lowest emotion first');
        await cells.nth(0).locator('a').click();
        await page.waitForLoadState('load');
        assert.equal(await page.locator('h1').textContent(), '售后维修旅程');
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('refuses a folder that is not empty without --force, and never deletes a file it did not write', () => {
        const dir = workspaceWith({
            'maps/a.journey': 'journey J { stage S { step A { emotion 3 } } }\n',
            'out/notes.txt': 'mine'
        });
        const refused = runCli(['site', 'maps', '-o', 'out'], dir);
        assert.equal(refused.status, 2);
        assert.match(refused.stderr, /is not empty and holds no site written before: give --force/);
        const forced = runCli(['site', 'maps', '-o', 'out', '--force'], dir);
        assert.equal(forced.status, 0, forced.stderr);
        assert.equal(readFileSync(join(dir, 'out', 'notes.txt'), 'utf8'), 'mine');
        assert.equal(
            runCli(['site', 'maps', '-o', 'out'], dir).status,
            0,
            'a site written before may be written again'
        );
    });

    it("builds a larger site in worker threads, each checking and drawing a part: every page and picture written, each in its map's language, errors and portfolios too", () => {
        const maps: Record<string, string> = {
            'shared/base.journey':
                'journey Base { stage S { step Call "拨打客服热线" { emotion 1 pain "排队二十分钟" } } }\n'
        };
        for (let index = 0; index < 24; index++) {
            maps[`maps/m${index}.journey`] =
                `${index % 2 ? 'language zh-cn\n' : ''}journey J${index} "Journey ${index}" { stage S { step A "看到广告 ${index}" { emotion ${1 + (index % 5)} } step B { emotion 3 } } }\n`;
        }
        maps['maps/m5.journey'] = 'journey J5 { stage S { step A { emotion 9 } } }\n';
        // The last part's map: an opportunity addressing a step of a map it imports, drawn in its portfolio.
        maps['maps/m23.journey'] =
            `${maps['maps/m23.journey'].replace('\n', '\nimport "../shared/base.journey"\n')}opportunity Callback "预约回拨" { value 4 effort 2 addresses Base.Call }\n`;
        const dir = workspaceWith(maps);
        const result = runCli(['site', 'maps', '-o', 'out', '--allow-errors'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /Wrote a site of 23 journeys to out \(\d+ files\)/);
        assert.match(result.stderr, /1 maps have errors/);
        const written = Number(/\((\d+) files\)/.exec(result.stdout)![1]);
        const onDisk = readdirSync(join(dir, 'out'), { recursive: true, withFileTypes: true }).filter(entry =>
            entry.isFile()
        ).length;
        assert.equal(written, onDisk, 'the count says what is on disk');
        for (let index = 0; index < 24; index++) {
            if (index === 5) continue;
            const page = readFileSync(join(dir, 'out', 'j', `maps_m${index}--J${index}.html`), 'utf8');
            assert.ok(existsSync(join(dir, 'out', 'j', `maps_m${index}--J${index}.map.svg`)));
            assert.match(page, index % 2 ? /<a href="#map">旅程图<\/a>/ : /<a href="#map">Map<\/a>/, `m${index}`);
        }
        assert.match(
            readFileSync(join(dir, 'out', 'j', 'maps_m5.html'), 'utf8'),
            /line 1: Emotion 9 is outside the journey&#39;s scale/
        );
        assert.match(readFileSync(join(dir, 'out', 'j', 'maps_m23--J23.portfolio.svg'), 'utf8'), /预约回拨/);
        const index = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
        // The heatmap links the journeys too: counted once each.
        assert.equal(
            new Set(index.match(/href="j\/maps_m\d+(--J\d+)?\.html"/g) ?? []).size,
            24,
            'every map in the index, the one with errors too'
        );
    });

    it('dates each journey by the last commit that changed its map, where git knows it, Chinese and quoted names too', () => {
        const dir = workspaceWith({
            'maps/a.journey': 'journey A { stage S { step X { emotion 3 } } }\n',
            'maps/b.journey': 'journey B { stage S { step Y { emotion 2 } } }\n',
            'maps/售后 "服务".journey': 'journey 售后 { stage S { step X { emotion 3 } } }\n'
        });
        const env = {
            ...process.env,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@x',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@x'
        };
        execFileSync('git', ['init', '-q'], { cwd: dir });
        execFileSync('git', ['add', 'maps/a.journey', 'maps/售后 "服务".journey'], { cwd: dir });
        execFileSync('git', ['commit', '-q', '-m', 'a'], {
            cwd: dir,
            env: { ...env, GIT_COMMITTER_DATE: '2026-03-04T10:00:00Z', GIT_AUTHOR_DATE: '2026-03-04T10:00:00Z' }
        });
        assert.equal(runCli(['site', 'maps', '-o', 'out'], dir).status, 0);
        const index = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
        assert.match(index, />A<\/a>[^\n]*\n<div class="health">[^<]*<span[^\n]*changed 2026-03-04<\/div>/);
        assert.match(
            index,
            />售后<\/a>[^\n]*\n<div class="health">[^<]*<span[^\n]*changed 2026-03-04<\/div>/,
            'git quotes this name unless asked not to'
        );
        assert.doesNotMatch(
            index.slice(index.indexOf('>B</a>'), index.indexOf('>B</a>') + 300),
            /changed/,
            'a map git does not know has no date'
        );
    });

    it('embeds a map anywhere with <journey-map src>, over HTTP; a model that cannot be read leaves the fallback and says why', async () => {
        const server: Server = createServer((request, response) => {
            const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
            if (path === '/embed.html') {
                response.writeHead(200, {
                    'content-type': 'text/html; charset=utf-8',
                    'content-security-policy':
                        "default-src 'none'; img-src 'self' data:; script-src 'self'; connect-src 'self'"
                }).end(`<!DOCTYPE html><meta charset="utf-8">
<script src="/assets/journey-map.js"></script>
<journey-map id="ok" src="/j/maps_shop_checkout--FirstPurchase.json" view="map"></journey-map>
<journey-map id="blueprint" src="/j/maps_service_售后服务--售后维修.json" view="blueprint"></journey-map>
<journey-map id="missing" src="/j/none.json"><img src="/j/maps_shop_checkout--FirstPurchase.map.svg" alt="fallback"></journey-map>
<journey-map id="exec" src="/j/maps_library--Repair.json" view="Exec"></journey-map>
<journey-map id="board" src="/j/maps_library--Repair.json" view="Board"></journey-map>`);
                return;
            }
            const file = join(built.site, path);
            if (!existsSync(file)) {
                response.writeHead(404).end();
                return;
            }
            const types: Record<string, string> = {
                '.js': 'text/javascript',
                '.json': 'application/json',
                '.svg': 'image/svg+xml',
                '.html': 'text/html',
                '.css': 'text/css'
            };
            response
                .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
                .end(readFileSync(file));
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        try {
            const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
            const page = await browser.newPage();
            const errors: string[] = [];
            page.on('pageerror', error => errors.push(error.message));
            await page.goto(`${base}/embed.html`);
            await page.waitForFunction(
                () =>
                    document.querySelector('#ok img') &&
                    document.querySelector('#blueprint img') &&
                    document.querySelector('#missing')!.hasAttribute('data-error')
            );
            const drawn = await page.evaluate(() =>
                ['ok', 'blueprint'].map(id => {
                    const image = document.querySelector(`#${id} img`) as HTMLImageElement;
                    return {
                        alt: image.alt,
                        data: image.src.startsWith('data:image/svg+xml'),
                        width: image.naturalWidth
                    };
                })
            );
            assert.deepEqual(
                drawn.map(image => [image.alt, image.data]),
                [
                    ['First purchase', true],
                    ['售后维修旅程', true]
                ]
            );
            assert.ok(
                drawn.every(image => image.width > 400),
                JSON.stringify(drawn)
            );
            assert.match((await page.getAttribute('#missing', 'data-error')) ?? '', /404/);
            assert.equal(await page.locator('#missing img[alt="fallback"]').count(), 1);
            // A view the map names: its picture, of its own journeys; a view it does not name: why, in data-error.
            await page.waitForFunction(
                () =>
                    document.querySelector('#exec img') && document.querySelector('#board')!.hasAttribute('data-error')
            );
            assert.equal(await page.getAttribute('#exec img', 'alt'), '管理层评审');
            const exec = decodeURIComponent((await page.getAttribute('#exec img', 'src')) ?? '');
            assert.match(exec, /PAIN POINTS/);
            assert.doesNotMatch(exec, />STEPS</, 'only the lanes of the view');
            assert.match(
                (await page.getAttribute('#board', 'data-error')) ?? '',
                /No view "Board": the views here are map, funnel, blueprint, Exec\./
            );
            assert.deepEqual(errors, []);
            await page.screenshot({
                path: join(repoRoot, 'test', 'output', 'journey-map-element.png'),
                fullPage: true
            });
        } finally {
            server.close();
        }
    });
});
