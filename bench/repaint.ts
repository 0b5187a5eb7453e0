/**
 * bench/repaint: from an edit to the repainted preview, at 1,000 steps. The language server
 * runs over stdio as the editor starts it; the preview is the real page (dist/preview.js in
 * Chromium, the webview's HTML and CSP). Each edit types one character inside a step; the
 * time runs from the edit sent to the frame after the page drew the new model: the server's
 * rebuild, the `journey/model` request (a delta against the model the preview holds, as the
 * extension asks), the message to the page, its render and paint. The
 * extension's 300 ms typing pause comes before this and is not counted.
 * Prints the median against JSON.parse of the map's text-equivalent JSON (same run), and the
 * target (≤ 50 ms median) as met or missed.
 *   npm run build && node --import tsx bench/repaint.ts [steps] [edits]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { previewHtml } from '../client/preview-html.js';
import type { ToPreview } from '../protocol/preview-messages.js';
import type { ModelRequestResult } from '../protocol/model-request.js';
import { applyDelta } from '../protocol/model-delta.js';
import { chromiumArgs, chromiumHint, findChromiumPath } from '../test/chromium-path.js';
import { startLanguageServer } from '../test/e2e/lsp-client.js';
import { generatedJourney } from './generated-journey.js';

const steps = Number(process.argv[2] ?? 1000);
const edits = Number(process.argv[3] ?? 60);
const targetMs = 50;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

const folder = mkdtempSync(join(tmpdir(), 'repaint-'));
const path = join(folder, 'map.journey');
const { text: initial, json } = generatedJourney(steps);
writeFileSync(path, initial);
const uri = pathToFileURL(path).toString();

const jsonRuns = Array.from({ length: 20 }, () => { const start = performance.now(); JSON.parse(json); return performance.now() - start; });
const jsonMs = median(jsonRuns);

const session = await startLanguageServer(folder);
session.open(uri, initial);
await session.diagnosticsFor(uri);

const executablePath = findChromiumPath();
if (!executablePath) throw new Error(chromiumHint);
const browser = await chromium.launch({ executablePath, args: [...chromiumArgs, '--allow-file-access-from-files'] });
const pagePath = join(folder, 'preview.html');
writeFileSync(pagePath, previewHtml({ nonce: 'benchnonce', cspSource: 'file:', scriptUri: pathToFileURL(join(process.cwd(), 'dist', 'preview.js')).toString() }));
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
await page.addInitScript(`
    window.__name = (target) => target;
    window.posted = [];
    window.acquireVsCodeApi = () => ({ postMessage: (message) => window.posted.push(message), getState: () => undefined, setState: () => undefined });`);
await page.goto(pathToFileURL(pagePath).toString());
await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'ready'));

/**
 * Sends the model to the page as the extension does — as JSON text, which is how VS Code
 * carries a webview message (handing Playwright the object took 400 ms of its own serialising)
 * — and resolves after the frame that shows it.
 */
/** Per update, measured inside the page: parsing the message, drawing it, the next frame. */
async function show(message: ToPreview): Promise<number> {
    return page.evaluate(async json => {
        const before = Number(document.body.dataset.rendered ?? 0);
        const drawn = new Promise(resolve => {
            const observer = new MutationObserver(() => {
                if (Number(document.body.dataset.rendered ?? 0) > before) { observer.disconnect(); resolve(undefined); }
            });
            observer.observe(document.body, { attributes: true, attributeFilter: ['data-rendered'] });
        });
        const start = performance.now();
        window.postMessage(JSON.parse(json), '*');
        await drawn;
        await new Promise(resolve => requestAnimationFrame(() => resolve(undefined)));
        return performance.now() - start;
    }, JSON.stringify(message));
}

/**
 * As the extension's preview panel does: ask for a delta against the model it holds, apply it
 * to that model (the panel keeps the whole model, for highlights and export), and pass the
 * delta on to the page, which holds the same model.
 */
let held = await session.connection.sendRequest('journey/model', { uri }) as ModelRequestResult;
await show({ type: 'update', uri, fileName: 'map.journey', model: held.model });
async function nextUpdate(): Promise<ToPreview> {
    const result = await session.connection.sendRequest('journey/model', { uri, since: held.id }) as ModelRequestResult;
    if (result.delta === undefined) throw new Error(`the server sent the whole model: ${result.error?.message ?? 'no delta'}`);
    held = { model: applyDelta(held.model!, result.delta), id: result.id };
    return { type: 'update', uri, fileName: 'map.journey', delta: result.delta };
}

let text = initial;
const times: number[] = [];
/** Per edit: the server's rebuild, the model request, the page's parse, render and paint, and carrying the message to the page. */
const phases: Array<[number, number, number, number]> = [];
for (let edit = 1; edit <= edits; edit++) {
    const needle = `touchpoint "Touchpoint ${(edit * 37) % steps}`;
    const at = text.indexOf(needle) + needle.length;
    text = text.slice(0, at) + (edit % 2 ? 'x' : '改') + text.slice(at);
    const start = performance.now();
    const rebuilt = session.nextNotification<{ uris: string[] }>('journey/documentsRebuilt', params => params.uris.includes(uri));
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: edit + 1 }, contentChanges: [{ text }] });
    await rebuilt;
    const rebuiltAt = performance.now();
    const message = await nextUpdate();
    const modelAt = performance.now();
    const inPage = await show(message);
    times.push(performance.now() - start);
    phases.push([rebuiltAt - start, modelAt - rebuiltAt, inPage, performance.now() - modelAt - inPage]);
}
await browser.close();
const phaseMedians = [0, 1, 2, 3].map(index => median(phases.slice(5).map(phase => phase[index])));
const withoutHarness = median(phases.slice(5).map(phase => phase[0] + phase[1] + phase[2]));
await session.stop();

const result = median(times.slice(5));
console.log(`repaint: ${steps} steps, ${edits} one-character edits, the server over stdio and the preview page in Chromium`);
console.log(`baseline: JSON.parse of the map's content ${jsonMs.toFixed(2)} ms`);
console.log(`phases (medians): rebuild ${phaseMedians[0].toFixed(1)} ms, model request (a delta, applied to the model held) ${phaseMedians[1].toFixed(1)} ms, page parse + draw + frame ${phaseMedians[2].toFixed(1)} ms, carrying the model into the page through Playwright ${phaseMedians[3].toFixed(1)} ms`);
console.log(`without Playwright's carrying (VS Code's own webview message is not measured here): median ${withoutHarness.toFixed(1)} ms — target ≤ ${targetMs} ms: ${withoutHarness <= targetMs ? 'met' : 'MISSED'}`);
console.log(`edit → repainted preview, end to end: median ${result.toFixed(1)} ms (${(result / jsonMs).toFixed(0)}× JSON.parse), p90 ${[...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)].toFixed(1)} ms — target ≤ ${targetMs} ms: ${result <= targetMs ? 'met' : 'MISSED'}`);
