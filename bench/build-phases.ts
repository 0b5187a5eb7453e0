/**
 * bench/build-phases: how long each phase of opening a generated map takes, as the language
 * server opens it (parsed asynchronously, a large map stage by stage, with a cancellation
 * token so that every phase lets other work in), and the longest the event loop waited in
 * each phase and over all.
 *   node --import tsx bench/build-phases.ts 50000
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cancellation, DocumentState, URI } from 'langium';
import { createBenchServices } from './bench-services.js';
import { generatedJourney } from './generated-journey.js';

const size = Number(process.argv[2] ?? 10_000);
const { text } = generatedJourney(size);
const services = createBenchServices();
const builder = services.shared.workspace.DocumentBuilder;
const token = new Cancellation.CancellationTokenSource().token;

let longestWait = 0;
let longestInPhase = 0;
let lastTick = performance.now();
const ticker = setInterval(() => {
    const waited = performance.now() - lastTick;
    longestWait = Math.max(longestWait, waited);
    longestInPhase = Math.max(longestInPhase, waited);
    lastTick = performance.now();
}, 5);

let phaseStart = performance.now();
function endPhase(name: string): void {
    console.log(
        `${name}: ${(performance.now() - phaseStart).toFixed(0)} ms, longest wait ${longestInPhase.toFixed(0)} ms`
    );
    phaseStart = performance.now();
    longestInPhase = 0;
}
for (const state of [
    DocumentState.IndexedContent,
    DocumentState.ComputedScopes,
    DocumentState.Linked,
    DocumentState.IndexedReferences,
    DocumentState.Validated
]) {
    builder.onBuildPhase(state, () => endPhase(DocumentState[state]));
}

lastTick = phaseStart = performance.now();
const document = await services.shared.workspace.LangiumDocuments.createDocument(
    URI.file(join(tmpdir(), 'phases.journey')),
    text,
    token
);
endPhase('parse');
await builder.build([document], { validation: true }, token);
clearInterval(ticker);
console.log(`longest event-loop wait while opening: ${longestWait.toFixed(0)} ms`);
