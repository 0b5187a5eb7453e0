/**
 * bench/storm: a burst of edits sent at once to a 1,000-step map over stdio (a paste, a
 * replace-all, a checkout), with a hover, completion, outline or folding request after every
 * third edit and none cancelled, as the storm test sends them. Prints how long after the last
 * edit the last request is answered, and the baseline measured in the same run: the server's
 * first diagnostics of the map once opened (one whole build). Target (issue 29): within 5 s of
 * the last edit.
 *   npm run build && node --import tsx bench/storm.ts [steps] [edits]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLanguageServer } from '../test/e2e/lsp-client.js';
import { seededRandom, sendStorm } from '../test/robustness/storm-edits.js';
import { generatedJourney } from './generated-journey.js';

const steps = Number(process.argv[2] ?? 1000);
const edits = Number(process.argv[3] ?? 1500);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const targetSeconds = 5;

/** One storm on a fresh server: the first build's time, and the wait for the last answer after the last edit. */
async function storm(
    seed: number
): Promise<{ firstBuild: number; lastAnswer: number; modified: number; answered: number }> {
    const folder = mkdtempSync(join(tmpdir(), 'bench-storm-'));
    const session = await startLanguageServer(folder);
    try {
        const uri = pathToFileURL(join(folder, 'storm.journey')).toString();
        const text = generatedJourney(steps).text;
        const opened = performance.now();
        session.open(uri, text);
        await session.diagnosticsFor(uri);
        const firstBuild = performance.now() - opened;
        const { requests } = sendStorm(session.connection, uri, text, edits, seededRandom(seed));
        const lastEdit = performance.now();
        const outcomes = await Promise.all(
            requests.map(request =>
                request.then(
                    () => 'answered' as const,
                    () => 'modified' as const
                )
            )
        );
        return {
            firstBuild,
            lastAnswer: performance.now() - lastEdit,
            modified: outcomes.filter(outcome => outcome === 'modified').length,
            answered: outcomes.filter(outcome => outcome === 'answered').length
        };
    } finally {
        await session.stop();
        rmSync(folder, { recursive: true, force: true });
    }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
for (let run = 0; run < runs; run++) results.push(await storm(42 + run));
const firstBuild = median(results.map(result => result.firstBuild));
const lastAnswer = median(results.map(result => result.lastAnswer));
console.log(
    `storm: ${edits} edits at once on a ${steps}-step map, ${results[0].answered + results[0].modified} requests in flight (${runs} runs, median)`
);
console.log(`first build of the map: ${firstBuild.toFixed(0)} ms (baseline)`);
console.log(
    `last answer after the last edit: ${lastAnswer.toFixed(0)} ms = ${(lastAnswer / firstBuild).toFixed(1)}× the baseline` +
        ` (target ≤ ${targetSeconds} s): ${lastAnswer <= targetSeconds * 1000 ? 'met' : 'MISSED'}`
);
console.log(
    `requests answered ContentModified (an edit overtook them): ${results.map(result => result.modified).join(', ')} of ${results[0].answered + results[0].modified}`
);
