import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/preview-html.js';
import type { MessageBundle } from '../../model/localisation.js';
import type { JourneyModel } from '../../model/journey-model.js';
import type { ToPreview } from '../../protocol/preview-messages.js';
import { repoRoot } from '../journey-test-kit.js';

export const outputDir = join(repoRoot, 'test', 'output');

/** The webview's page with the bundled script, and a stand-in for VS Code's webview API. */
export function writePreviewPage(messages?: MessageBundle, name = 'preview.html'): string {
    mkdirSync(outputDir, { recursive: true });
    const page = join(outputDir, name);
    writeFileSync(
        page,
        previewHtml({
            nonce: 'testnonce123',
            cspSource: 'file:',
            scriptUri: pathToFileURL(join(repoRoot, 'dist', 'preview.js')).toString(),
            messages
        })
    );
    return pathToFileURL(page).toString();
}

/** The preview page open in a new tab, with what it posts in `window.posted` and its console errors collected. */
export async function openPreviewPage(
    browser: Browser,
    url: string,
    beforeLoad?: (page: Page) => Promise<void>
): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await beforeLoad?.(page);
    const errors: string[] = [];
    page.on('console', message => {
        if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', error => errors.push(error.message));
    // A string, not a function: tsx compiles functions with a `__name` helper the page lacks
    // (the shim lets later `page.evaluate` callbacks run too).
    await page.addInitScript(`
        window.__name = (target) => target;
        window.posted = [];
        window.acquireVsCodeApi = () => ({
            postMessage: (message) => window.posted.push(message),
            getState: () => undefined,
            setState: (state) => { window.savedState = state; }
        });`);
    await page.goto(url);
    await page.waitForFunction(() =>
        (window as unknown as { posted: Array<{ type: string }> }).posted.some(m => m.type === 'ready')
    );
    return { page, errors };
}

/** Posts a message to the page as the extension does; an update is awaited until it is drawn. */
export async function sendToPreview(page: Page, message: ToPreview): Promise<void> {
    const before = await page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
    await page.evaluate(m => window.postMessage(m, '*'), message);
    if (message.type === 'update' && (message.model || message.delta !== undefined)) {
        await page.waitForFunction(previous => Number(document.body.dataset.rendered ?? 0) > previous, before);
    }
}

export const updateWith = (model: JourneyModel): ToPreview => ({
    type: 'update',
    uri: model.uri,
    fileName: 'map.journey',
    model
});
