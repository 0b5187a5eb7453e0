/**
 * bench/build-phases: how long each phase of a build takes on a generated map, and the longest
 * the event loop waited meanwhile. With a cancellation token, as in the language server,
 * Langium yields between nodes in every phase after parsing; the parse runs in one go.
 *   node --import tsx bench/build-phases.ts 10000
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cancellation, DocumentState, URI } from 'langium';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { generatedJourney } from './generated-journey.js';

const size = Number(process.argv[2] ?? 10_000);
const { text } = generatedJourney(size);
const services = createNodeJourneyServices();
const builder = services.shared.workspace.DocumentBuilder;

let phaseStart = performance.now();
for (const state of [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
    builder.onBuildPhase(state, () => {
        console.log(`${DocumentState[state]}: ${(performance.now() - phaseStart).toFixed(0)} ms`);
        phaseStart = performance.now();
    });
}

const parseStart = performance.now();
const document = services.shared.workspace.LangiumDocuments.createDocument(URI.file(join(tmpdir(), 'phases.journey')), text);
console.log(`parse (one block): ${(performance.now() - parseStart).toFixed(0)} ms`);

let longestWait = 0;
let lastTick = performance.now();
const ticker = setInterval(() => {
    longestWait = Math.max(longestWait, performance.now() - lastTick);
    lastTick = performance.now();
}, 5);
phaseStart = lastTick = performance.now();
await builder.build([document], { validation: true }, new Cancellation.CancellationTokenSource().token);
clearInterval(ticker);
console.log(`longest event-loop wait after parsing: ${longestWait.toFixed(0)} ms`);
