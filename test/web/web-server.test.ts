import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser-kit.js';
import { examplesDir, journeyFilesIn, repoRoot } from '../journey-test-kit.js';

const root = 'file:///workspace';

/** Every example file (maps and data) under a virtual workspace URI, as the page serves them to the worker. */
function exampleFiles(): Record<string, string> {
    const data = ['shop/analytics/funnel.csv', 'service/data/survey.json'];
    const maps = journeyFilesIn(examplesDir).map(file => file.slice(examplesDir.length + 1));
    return Object.fromEntries(
        [...maps, ...data].map(path => [`${root}/${path}`, readFileSync(join(examplesDir, path), 'utf8')])
    );
}

/** The web language server (dist/web/server.js) in a worker of real Chromium, spoken to in LSP messages. */
describe('the language server in a browser worker', function () {
    this.timeout(120_000);
    let server: Server;
    let browser: Browser;
    let page: Page;
    const checkoutUri = `${root}/shop/checkout.journey`;

    before(async () => {
        const pageScript = (
            await esbuild.build({
                entryPoints: [join(repoRoot, 'test', 'web', 'worker-page.ts')],
                bundle: true,
                format: 'iife',
                platform: 'browser',
                write: false,
                logLevel: 'warning'
            })
        ).outputFiles[0].text;
        const serverScript = readFileSync(join(repoRoot, 'dist', 'web', 'server.js'));
        server = createServer((request, response) => {
            if (request.url === '/dist/web/server.js')
                response.writeHead(200, { 'content-type': 'text/javascript' }).end(serverScript);
            else if (request.url === '/page.js')
                response.writeHead(200, { 'content-type': 'text/javascript' }).end(pageScript);
            else
                response
                    .writeHead(200, { 'content-type': 'text/html' })
                    .end('<!DOCTYPE html><meta charset="utf-8"><script src="/page.js"></script>');
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        browser = await launchChromium();
        page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => {
            if (process.env.DEBUG_WORKER) console.log('page:', message.text());
        });
        page.on('worker', worker =>
            worker.on('console', message => {
                if (process.env.DEBUG_WORKER) console.log('worker:', message.text());
            })
        );
        await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
        await page.evaluate(
            ([files, uri]) =>
                (window as unknown as { lsp: { start(f: unknown, u: string): Promise<void> } }).lsp.start(files, uri),
            [exampleFiles(), root] as const
        );
        await page.evaluate(
            ([uri, text]) => (window as unknown as { lsp: { open(u: string, t: string): void } }).lsp.open(uri, text),
            [checkoutUri, exampleFiles()[checkoutUri]] as const
        );
        assert.deepEqual(errors, []);
    });

    after(async () => {
        await browser?.close();
        server?.close();
    });

    const request = (method: string, params: unknown) =>
        page.evaluate(
            ([m, p]) =>
                (window as unknown as { lsp: { request(m: string, p: unknown): Promise<unknown> } }).lsp.request(m, p),
            [method, params] as const
        );

    it('publishes no diagnostics for the example, with its import and data file read through the page', async () => {
        await page.waitForFunction(
            uri =>
                (window as unknown as { lsp: { diagnostics(u: string): unknown } }).lsp.diagnostics(uri) !== undefined,
            checkoutUri
        );
        const diagnostics = await page.evaluate(
            uri => (window as unknown as { lsp: { diagnostics(u: string): unknown } }).lsp.diagnostics(uri),
            checkoutUri
        );
        assert.deepEqual(diagnostics, []);
        const model = (await request('journey/model', { uri: checkoutUri })) as {
            id: string;
            model?: { journeys: Array<{ stages: Array<{ steps: Array<{ metrics: Array<{ value?: number }> }> }> }> };
        };
        assert.equal(
            model.model?.journeys[0].stages[0].steps[0].metrics[0].value,
            14.5,
            'the CSV was read from the page'
        );
        // Asked again with the model held: nothing changed, so the answer is one mark; with an unknown one, the whole
        // model.
        const again = (await request('journey/model', { uri: checkoutUri, since: model.id })) as {
            id: string;
            model?: unknown;
            delta?: unknown;
        };
        assert.deepEqual([again.model, again.delta], [undefined, { $kept: 1 }]);
        assert.ok(((await request('journey/model', { uri: checkoutUri, since: 'old' })) as { model?: unknown }).model);
    });

    it('answers completion and hover on the example', async () => {
        const completion = (await request('textDocument/completion', {
            textDocument: { uri: checkoutUri },
            position: { line: 7, character: 10 }
        })) as { items: Array<{ label: string }> };
        assert.ok(
            completion.items.some(item => item.label === 'Ana') && completion.items.some(item => item.label === '小王')
        );
        const hover = (await request('textDocument/hover', {
            textDocument: { uri: checkoutUri },
            position: { line: 7, character: 10 }
        })) as { contents: { value: string } };
        assert.match(hover.contents.value, /\*\*Persona\*\* `Ana`/);
    });

    it('speaks Chinese when the extension hands it the zh-cn bundle', async () => {
        const chinese = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
        const uri = `${root}/zh/broken.journey`;
        const text = 'persona Ana "Ana" { role "店主" }\njourney J { persona Anna stage S { step A { emotion 9 } } }';
        type Lsp = {
            start(f: unknown, u: string, m: unknown): Promise<void>;
            open(u: string, t: string): void;
            diagnostics(u: string): Array<{ message: string }> | undefined;
        };
        await page.evaluate(
            ([files, rootUri, messages]) => (window as unknown as { lsp: Lsp }).lsp.start(files, rootUri, messages),
            [{ [uri]: text }, root, chinese] as const
        );
        await page.evaluate(([u, t]) => (window as unknown as { lsp: Lsp }).lsp.open(u, t), [uri, text] as const);
        await page.waitForFunction(u => (window as unknown as { lsp: Lsp }).lsp.diagnostics(u) !== undefined, uri);
        const messages = (await page.evaluate(u => (window as unknown as { lsp: Lsp }).lsp.diagnostics(u), uri))!.map(
            diagnostic => diagnostic.message
        );
        assert.ok(messages.includes("未知的用户画像“Anna”。你是想写 'Ana' 吗？"), messages.join('\n'));
        assert.ok(
            messages.includes('情绪分值 9 超出了本旅程的刻度 1..5；请使用 1 到 5 之间的分值。'),
            messages.join('\n')
        );
        const hover = (await request('textDocument/hover', {
            textDocument: { uri },
            position: { line: 0, character: 9 }
        })) as { contents: { value: string } };
        assert.match(hover.contents.value, /\*\*用户画像\*\* `Ana`/);
    });

    it('reads survey answers from a Parquet file through the page, as bytes', async () => {
        const uri = `${root}/survey/parquet.journey`;
        const text = `data answers "answers.parquet"
metric nps "NPS" nps
journey J { stage S { step Checkout {
  metric nps = answers.score where step = "checkout"
  emotion from answers.score scale 0..10 where step = "checkout"
} } }`;
        const parquet = `base64:${readFileSync(join(repoRoot, 'test', 'fixtures', 'survey', 'research', 'answers.parquet')).toString('base64')}`;
        type Lsp = {
            start(f: unknown, u: string): Promise<void>;
            open(u: string, t: string): void;
            diagnostics(u: string): Array<{ code?: string; message: string }> | undefined;
        };
        await page.evaluate(([files, rootUri]) => (window as unknown as { lsp: Lsp }).lsp.start(files, rootUri), [
            { [uri]: text, [`${root}/survey/answers.parquet`]: parquet },
            root
        ] as const);
        await page.evaluate(([u, t]) => (window as unknown as { lsp: Lsp }).lsp.open(u, t), [uri, text] as const);
        await page.waitForFunction(u => (window as unknown as { lsp: Lsp }).lsp.diagnostics(u) !== undefined, uri);
        const codes = (await page.evaluate(u => (window as unknown as { lsp: Lsp }).lsp.diagnostics(u), uri))!.map(
            diagnostic => diagnostic.code
        );
        assert.deepEqual(
            codes.filter(code => code !== 'low-sample'),
            [],
            'the Parquet file was read'
        );
        const model = (await request('journey/model', { uri })) as {
            model?: {
                journeys: Array<{
                    stages: Array<{
                        steps: Array<{
                            metrics: Array<{ value?: number; sample?: { n: number } }>;
                            measuredEmotion?: { n: number };
                        }>;
                    }>;
                }>;
            };
        };
        const step = model.model!.journeys[0].stages[0].steps[0];
        assert.equal(step.metrics[0].sample?.n, 12);
        assert.equal(step.measuredEmotion?.n, 12);
    });

    it("draws Markdown fences for the web's Markdown preview: a src map with its import read through the page, errors with their lines, escaped text", async () => {
        await page.evaluate(
            ([files, rootUri]) =>
                (window as unknown as { lsp: { start(f: unknown, u: string): Promise<void> } }).lsp.start(
                    files,
                    rootUri
                ),
            [exampleFiles(), root] as const
        );
        const markdown = `${root}/docs/design.md`;
        const drawFence = (fence: object) =>
            request('journey/drawFence', {
                view: 'map',
                document: markdown,
                root,
                theme: 'light',
                ...fence
            }) as Promise<{
                kind: string;
                svg?: string;
                title?: string;
                errors?: Array<{ line?: number; message: string }>;
            }>;
        const fromFile = await drawFence({ src: '../shop/checkout.journey' });
        assert.equal(fromFile.kind, 'picture', JSON.stringify(fromFile.errors));
        assert.match(fromFile.svg!, /<svg[^>]*class="jm/);
        assert.match(fromFile.svg!, /Ana/, 'the persona of the imported file');
        const hostile = '<script>alert(1)</script>';
        const written = await drawFence({
            text: `journey H "${hostile}" { stage S { step A "售后 ${hostile}" { emotion 3 } } }`
        });
        assert.equal(written.title, hostile);
        assert.ok(!written.svg!.includes('<script>') && written.svg!.includes('&lt;script&gt;'));
        const broken = await drawFence({ text: 'journey K {\n stage S { step A { emotion 9 } } }' });
        assert.deepEqual(
            broken.errors?.map(error => error.line),
            [2]
        );
        assert.match(
            (await drawFence({ src: '../../outside.journey' })).errors![0].message,
            /leaves the workspace folder/
        );
        assert.match((await drawFence({ src: 'missing.journey' })).errors![0].message, /no such map/);
    });

    // That our code in them uses no Node-only global (Buffer, process…) is a lint rule (eslint.config.mjs), and running
    // them here.
    it('is built from no Node built-in module', () => {
        const meta: Record<string, esbuild.Metafile> = JSON.parse(
            readFileSync(join(repoRoot, 'dist', 'web', 'meta.json'), 'utf8')
        );
        for (const [bundle, metafile] of Object.entries(meta)) {
            const imports = Object.values(metafile.inputs).flatMap(input => input.imports.map(entry => entry.path));
            assert.deepEqual(
                imports.filter(path => isBuiltin(path)),
                [],
                bundle
            );
            assert.ok(Object.keys(metafile.inputs).length > 50, `${bundle} has its inputs recorded`);
        }
    });
});
