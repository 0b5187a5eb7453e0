/**
 * bench/soak: a long editing session over stdio, as an editor drives the language server.
 * A 1,000-step map is opened, then typed into (one character at a time inside a different
 * step each time), the server asked something every 50 edits so it keeps up. Prints the
 * server's resident memory after opening (the baseline) and as the session goes on, with the
 * ratio to the baseline; the targets are that the second half of the session adds nothing
 * that grows with it (the last figure within 1.25× of the one at half-time), and that the end
 * is within 1.3× of the figure after the first 500 edits (issue 17; run with 10000 edits).
 * (Before 2026-11-29 the rows were printed only when the number of edits divided by six.)
 *   npm run build && node --import tsx bench/soak.ts [steps] [edits]
 * Before detached strings and the one-deep graft (2026-11), 1,300 edits took it from 108 MB to 602 MB.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatedJourney } from './generated-journey.js';

const steps = Number(process.argv[2] ?? 1000);
const edits = Number(process.argv[3] ?? 3000);
const folder = mkdtempSync(join(tmpdir(), 'soak-'));
let text = generatedJourney(steps).text;
writeFileSync(join(folder, 'map.journey'), text);
const uri = pathToFileURL(join(folder, 'map.journey')).toString();
const server = spawn(process.execPath, [join('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!)
);
let published = 0;
connection.onNotification('textDocument/publishDiagnostics', () => { published++; });
connection.onRequest('workspace/configuration', () => [{}]);
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const folderUri = pathToFileURL(folder).toString();
await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'soak' }],
    capabilities: {}
});
connection.sendNotification('initialized', {});
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
while (published === 0) await new Promise(resolve => setTimeout(resolve, 5));

const residentMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
const baseline = residentMb();
console.log(`soak: ${steps} steps, ${edits} one-character edits over stdio`);
console.log(`${'edits'.padStart(8)}${'resident MB'.padStart(14)}${'× baseline'.padStart(12)}`);
console.log(`${'0'.padStart(8)}${baseline.toFixed(0).padStart(14)}${'1.00'.padStart(12)}`);
let halfway = baseline;
let afterWarmUp = baseline;
/**
 * Where memory is read: after the first 500 edits (issue 17's reference), at half-time, and at every sixth of the
 * session.
 */
const warmUp = Math.min(500, edits);
const checkpoints = new Set([
    warmUp,
    Math.floor(edits / 2),
    ...Array.from({ length: 6 }, (_, index) => Math.round((edits * (index + 1)) / 6))
]);
for (let edit = 1; edit <= edits; edit++) {
    const needle = `touchpoint "Touchpoint ${(edit * 37) % steps}`;
    const at = text.indexOf(needle) + needle.length;
    const before = text.slice(0, at);
    const position = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
    const typed = edit % 2 === 0 ? '改' : 'x';
    text = before + typed + text.slice(at);
    connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: edit + 1 },
        contentChanges: [{ range: { start: position, end: position }, text: typed }]
    });
    // A request is answered after every notification before it was taken off the queue: the server keeps up.
    if (edit % 50 === 0)
        await connection.sendRequest('textDocument/hover', {
            textDocument: { uri },
            position: { line: 2, character: 10 }
        });
    if (checkpoints.has(edit)) {
        const now = residentMb();
        if (edit === Math.floor(edits / 2)) halfway = now;
        if (edit === warmUp) afterWarmUp = now;
        console.log(
            `${String(edit).padStart(8)}${now.toFixed(0).padStart(14)}${(now / baseline).toFixed(2).padStart(12)}`
        );
    }
}
const last = residentMb();
console.log(
    `second half: ${(last / halfway).toFixed(2)}× the memory at half-time — target ≤ 1.25×: ${last / halfway <= 1.25 ? 'met' : 'MISSED'}`
);
console.log(
    `end: ${(last / afterWarmUp).toFixed(2)}× the memory after the first ${warmUp} edits — target ≤ 1.3× (issue 17, at 10,000 edits): ${last / afterWarmUp <= 1.3 ? 'met' : 'MISSED'}`
);
await connection.sendRequest('shutdown').catch(() => undefined);
server.kill();
process.exit(0);
