/**
 * bench/edit-phases: the CPU time of each build phase after an edit of a generated map, as the
 * language server rebuilds it (the emotion of the first step changes, so every token after it
 * moves), median and minimum of RUNS edits (30).
 *   node --import tsx bench/edit-phases.ts 10000
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentState, URI } from 'langium';
import { createBenchServices } from './bench-services.js';
import { generatedJourney } from './generated-journey.js';

const size = Number(process.argv[2] ?? 1000);
const runs = Number(process.env.RUNS ?? 30);
const { text } = generatedJourney(size);
const path = join(mkdtempSync(join(tmpdir(), 'edit-phases-')), 'map.journey');
writeFileSync(path, text);
const uri = URI.file(path);
const services = createBenchServices();
const builder = services.shared.workspace.DocumentBuilder;
await builder.build([services.shared.workspace.LangiumDocuments.createDocument(uri, text)], { validation: true });

const times: Record<string, number[]> = {};
let mark = process.cpuUsage();
function lap(name: string): void {
    const used = process.cpuUsage(mark);
    (times[name] ??= []).push((used.user + used.system) / 1000);
    mark = process.cpuUsage();
}
for (const state of [
    DocumentState.Parsed,
    DocumentState.IndexedContent,
    DocumentState.ComputedScopes,
    DocumentState.Linked,
    DocumentState.IndexedReferences,
    DocumentState.Validated
]) {
    builder.onBuildPhase(state, () => lap(DocumentState[state]));
}

const emotion = text.indexOf('emotion 1 curious') + 'emotion '.length;
for (let run = 0; run < runs; run++) {
    // The file is what the builder reads; in the server it is the editor's text instead.
    writeFileSync(path, text.slice(0, emotion) + String(2 + (run % 4)) + text.slice(emotion + 1));
    const start = process.cpuUsage();
    mark = process.cpuUsage();
    await builder.update([uri], []);
    const used = process.cpuUsage(start);
    (times.total ??= []).push((used.user + used.system) / 1000);
}
for (const [phase, values] of Object.entries(times)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
        `${phase.padEnd(18)} median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms`
    );
}
