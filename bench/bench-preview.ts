/**
 * The preview page as the benchmarks drive it: dist/preview.js in Chromium with the webview's
 * HTML and CSP, and a language server over stdio holding one map, with the extension's way of
 * asking for a model (a delta against the one the page holds).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewHtml } from '../client/preview-html.js';
import type { ToPreview } from '../protocol/preview-messages.js';
import type { ModelRequestResult } from '../protocol/model-request.js';
import { applyDelta } from '../protocol/model-delta.js';
import { chromiumArgs, chromiumHint, findChromiumPath } from '../test/chromium-path.js';

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

export interface BenchPreview {
    browser: Browser;
    page: Page;
    /**
     * Sends a message to the page as JSON text (as VS Code carries it); the time until the frame after it was drawn.
     */
    show(message: ToPreview): Promise<number>;
}

export async function openBenchPreview(folder: string): Promise<BenchPreview> {
    const executablePath = findChromiumPath();
    if (!executablePath) throw new Error(chromiumHint);
    const browser = await chromium.launch({
        executablePath,
        args: [...chromiumArgs, '--allow-file-access-from-files']
    });
    const pagePath = join(folder, 'preview.html');
    const scriptUri = pathToFileURL(join(process.cwd(), 'dist', 'preview.js')).toString();
    writeFileSync(pagePath, previewHtml({ nonce: 'benchnonce', cspSource: 'file:', scriptUri }));
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.addInitScript(`
        window.__name = (target) => target;
        window.posted = [];
        window.acquireVsCodeApi = () => ({ postMessage: (message) => window.posted.push(message), getState: () => undefined, setState: () => undefined });`);
    await page.goto(pathToFileURL(pagePath).toString());
    await page.waitForFunction(() =>
        (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'ready')
    );
    const show = (message: ToPreview) =>
        page.evaluate(async json => {
            const before = Number(document.body.dataset.rendered ?? 0);
            const drawn = new Promise(resolve => {
                const observer = new MutationObserver(() => {
                    if (Number(document.body.dataset.rendered ?? 0) > before) {
                        observer.disconnect();
                        resolve(undefined);
                    }
                });
                observer.observe(document.body, { attributes: true, attributeFilter: ['data-rendered'] });
            });
            const start = performance.now();
            window.postMessage(JSON.parse(json), '*');
            await drawn;
            await new Promise(resolve => requestAnimationFrame(() => resolve(undefined)));
            return performance.now() - start;
        }, JSON.stringify(message));
    return { browser, page, show };
}

/** The extension's model requests: the first whole, each later one a delta applied to the model held. */
export function modelUpdates(
    request: (params: { uri: string; since?: string }) => Promise<ModelRequestResult>,
    uri: string
) {
    let held: ModelRequestResult | undefined;
    return async (): Promise<ToPreview> => {
        const result = await request({ uri, since: held?.id });
        if (!held) {
            held = result;
            return { type: 'update', uri, fileName: 'map.journey', model: result.model };
        }
        if (result.delta === undefined)
            throw new Error(`the server sent the whole model: ${result.error?.message ?? 'no delta'}`);
        held = { model: applyDelta(held.model!, result.delta), id: result.id };
        return { type: 'update', uri, fileName: 'map.journey', delta: result.delta };
    };
}
