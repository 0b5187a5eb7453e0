import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { countStepPaths } from '../../cli/event-log-engine.js';
import { analysePaths } from '../../paths/step-path-analysis.js';
import { splitByGroup } from '../../paths/path-split.js';
import { expectedPaths, returnsFlow, returnsJourney, type LogEvent } from '../paths/event-log-kit.js';

/**
 * A log as exports really are: a byte-order mark, Windows line ends, every field quoted in some
 * rows, and a column of JSON properties with commas and quotes in it that no step reads.
 */
function exportedCsv(events: LogEvent[], quoteEvery: number): string {
    const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    const rows = events.map((event, index) => {
        const time = new Date(event.time * 1000).toISOString().replace('T', ' ').replace('.000Z', '');
        const properties = `{"page": "/returns/${index}", "items": [1, 2]}`;
        const cells = [event.case, event.activity, time, event.variant];
        // As exporters do: a field with a comma or a quote in it is always quoted; others in some rows.
        const written = cells.map(cell => index % quoteEvery === 0 || /[",]/.test(cell) ? quote(cell) : cell);
        return [...written, quote(properties)].join(',');
    });
    return `\uFEFFuser_id,event,ts,variant,properties\r\n${rows.join('\r\n')}\r\n`;
}

const activities = [...Object.keys(returnsFlow.activities), 'page_view', 'help, center'];
const randomLog = fc.array(fc.record({
    case: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
    activity: fc.constantFrom(...activities),
    // A few distinct times only: equal times, which the file's order breaks, are common.
    time: fc.integer({ min: 1_767_225_600, max: 1_767_225_606 }),
    variant: fc.constantFrom('A', 'B')
}), { minLength: 1, maxLength: 40 })
    // A case's group is one value, as an A/B assignment is.
    .map(events => events.map(event => ({ ...event, variant: event.case < 'c4' ? 'A' : 'B' })));

describe('the event-log engine: DuckDB against a walk of the log (fast-check)', function () {
    this.timeout(300_000);
    let folder: string;
    before(() => { folder = mkdtempSync(join(tmpdir(), 'event-log-engine-')); });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('finds, for any log, the step paths, transitions, reach, drop-off, variants and split a walk of it finds', async () => {
        const steps = new Map(Object.entries(returnsFlow.activities));
        const columns = { case: 'user_id', activity: 'event', time: 'ts', variant: 'variant' };
        let run = 0;
        await fc.assert(
            fc.asyncProperty(randomLog, fc.integer({ min: 1, max: 4 }), async (events, quoteEvery) => {
                const expected = expectedPaths(events);
                const file = join(folder, `log-${run++}.csv`);
                writeFileSync(file, exportedCsv(events, quoteEvery));
                const [counted] = await countStepPaths(
                    { kind: 'file', path: file },
                    columns,
                    [{ journey: 'Returns', steps }],
                    'variant'
                );
                const paths = analysePaths(returnsJourney(), 'clicks', counted);
                assert.equal(paths.cases, expected.cases);
                assert.equal(paths.unmappedEvents, expected.unmappedEvents);
                assert.deepEqual(paths.steps, expected.steps);
                assert.deepEqual(paths.deadSteps, expected.deadSteps);
                const byMove = (a: { from: string; to: string }, b: { from: string; to: string }) =>
                    `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`);
                assert.deepEqual([...paths.transitions].sort(byMove), [...expected.transitions].sort(byMove));
                const byPath = (a: { path: string[] }, b: { path: string[] }) =>
                    a.path.join('>').localeCompare(b.path.join('>'));
                assert.deepEqual([...paths.variants].sort(byPath), [...expected.variants].sort(byPath));
                if (expected.cases > 0) assert.ok(Math.abs(paths.fitness - expected.fitness) < 1e-12);
                const split = splitByGroup(counted.variants, 'variant', 'Refunded');
                assert.deepEqual(
                    split.groups.map(group => [group.value, group.cases, group.reached]),
                    expected.groups.map(group => [group.value, group.cases, group.reached])
                );
            }),
            { numRuns: Number(process.env.ENGINE_RUNS ?? 40), seed: Number(process.env.ENGINE_SEED ?? 3030) }
        );
    });
});
