/**
 * bench/edit: editing on the map of a 1,000-step journey. The language server runs over stdio;
 * the preview is the real page in Chromium. Each gesture drags a face of the curve to another
 * score (`setEmotion`). Prints, with JSON.parse of the map's text-equivalent JSON (same run) as
 * the baseline, and each target as met or missed:
 *   - `journey/edit` answered (≤ 100 ms, median);
 *   - gesture → text → repainted preview: the request, the edit applied to the text (as the
 *     editor does), the server's rebuild, the model delta, the page's render and paint (≤ 150 ms).
 *   npm run build && node --import tsx bench/edit.ts [steps] [gestures]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ModelRequestResult } from '../protocol/model-request.js';
import { startLanguageServer } from '../test/e2e/lsp-client.js';
import { median, modelUpdates, openBenchPreview } from './bench-preview.js';
import { generatedJourney } from './generated-journey.js';

const steps = Number(process.argv[2] ?? 1000);
const gestures = Number(process.argv[3] ?? 40);
const targets = { request: 100, repaint: 150 };

const folder = mkdtempSync(join(tmpdir(), 'edit-'));
const path = join(folder, 'map.journey');
const { text: initial, json } = generatedJourney(steps);
writeFileSync(path, initial);
const uri = pathToFileURL(path).toString();
const jsonMs = median(
    Array.from({ length: 20 }, () => {
        const start = performance.now();
        JSON.parse(json);
        return performance.now() - start;
    })
);

const session = await startLanguageServer(folder);
session.open(uri, initial);
await session.diagnosticsFor(uri);
const preview = await openBenchPreview(folder);
const nextUpdate = modelUpdates(
    params => session.connection.sendRequest('journey/model', params) as Promise<ModelRequestResult>,
    uri
);
await preview.show(await nextUpdate());

const journey = /journey (\w+)/.exec(initial)![1];
let document = TextDocument.create(uri, 'journey', 1, initial);
const requestTimes: number[] = [];
const totalTimes: number[] = [];
for (let gesture = 1; gesture <= gestures; gesture++) {
    const step = `${journey}.T${(gesture * 37) % steps}`;
    const start = performance.now();
    const planned = (await session.connection.sendRequest('journey/edit', {
        textDocument: { uri },
        version: document.version,
        edit: { kind: 'setEmotion', step, score: 1 + (gesture % 5) }
    })) as WorkspaceEdit;
    requestTimes.push(performance.now() - start);
    const [change] = planned.documentChanges as TextDocumentEdit[];
    const text = TextDocument.applyEdits(document, change.edits as TextEdit[]);
    document = TextDocument.create(uri, 'journey', document.version + 1, text);
    const rebuilt = session.nextNotification<{ uris: string[] }>('journey/documentsRebuilt', params =>
        params.uris.includes(uri)
    );
    await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: document.version },
        contentChanges: [{ text }]
    });
    await rebuilt;
    await preview.show(await nextUpdate());
    totalTimes.push(performance.now() - start);
}
await preview.browser.close();
await session.stop();

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const request = median(requestTimes.slice(5));
const total = median(totalTimes.slice(5));
console.log(
    `edit: ${steps} steps, ${gestures} drags of a face of the curve, the server over stdio and the preview page in Chromium`
);
console.log(`baseline: JSON.parse of the map's content ${jsonMs.toFixed(2)} ms`);
console.log(
    `journey/edit answered: median ${request.toFixed(1)} ms (${(request / jsonMs).toFixed(1)}× JSON.parse) — target ≤ ${targets.request} ms: ${verdict(request <= targets.request)}`
);
console.log(
    `gesture → text → repainted preview: median ${total.toFixed(1)} ms (${(total / jsonMs).toFixed(0)}× JSON.parse) — target ≤ ${targets.repaint} ms: ${verdict(total <= targets.repaint)}`
);
