import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analysePaths, followsMap, declaredFlow } from '../../paths/step-path-analysis.js';
import { splitByGroup } from '../../paths/path-split.js';
import { expectedPaths, returnsFlow, returnsJourney, type LogEvent } from './event-log-kit.js';

/** Step paths of a log as the engine hands them over: distinct paths with counts and groups. */
function countedFrom(events: LogEvent[]) {
    const expected = expectedPaths(events);
    const byCase = new Map<string, LogEvent[]>();
    events.forEach(event => byCase.set(event.case, [...(byCase.get(event.case) ?? []), event]));
    const variants = new Map<string, { path: string[]; count: number; group: string }>();
    for (const list of byCase.values()) {
        const mapped = list
            .map((event, order) => ({ event, order }))
            .filter(({ event }) => event.activity in returnsFlow.activities)
            .sort((a, b) => a.event.time - b.event.time || a.order - b.order)
            .map(({ event }) => returnsFlow.activities[event.activity]);
        const path = mapped.filter((step, index) => index === 0 || step !== mapped[index - 1]);
        if (path.length === 0) continue;
        const key = `${list[0].variant}|${path.join('>')}`;
        const known = variants.get(key);
        if (known) known.count++;
        else variants.set(key, { path, count: 1, group: list[0].variant });
    }
    return { counted: { variants: [...variants.values()], unmappedEvents: expected.unmappedEvents }, expected };
}

const activities = [...Object.keys(returnsFlow.activities), 'page_view'];
const randomLog = fc
    .array(
        fc.record({
            case: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
            activity: fc.constantFrom(...activities),
            time: fc.integer({ min: 0, max: 20 }),
            variant: fc.constant('A')
        }),
        { minLength: 1, maxLength: 60 }
    )
    .map(events => events.map(event => ({ ...event, variant: event.case < 'c' ? 'A' : 'B' })));

describe('paths/step-path-analysis: the definitions over counted step paths', () => {
    it('gives the fitness, reach, drop-off, transitions and dead steps a walk of the same log gives (fast-check)', () => {
        fc.assert(
            fc.property(randomLog, events => {
                const { counted, expected } = countedFrom(events);
                fc.pre(expected.cases > 0);
                const paths = analysePaths(returnsJourney(), 'clicks', counted);
                assert.equal(paths.cases, expected.cases);
                assert.ok(Math.abs(paths.fitness - expected.fitness) < 1e-12);
                assert.deepEqual(paths.steps, expected.steps);
                assert.deepEqual(paths.deadSteps, expected.deadSteps);
                const byMove = (a: { from: string; to: string }, b: { from: string; to: string }) =>
                    `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`);
                assert.deepEqual([...paths.transitions].sort(byMove), [...expected.transitions].sort(byMove));
                const split = splitByGroup(counted.variants, 'variant', 'Refunded');
                assert.deepEqual(
                    split.groups.map(group => [group.value, group.cases, group.reached]),
                    expected.groups.map(group => [group.value, group.cases, group.reached])
                );
            }),
            { numRuns: 300 }
        );
    });

    it('follows the map only from a start, by declared moves, to an exit', () => {
        const flow = declaredFlow(returnsJourney());
        assert.equal(followsMap(['Apply', 'Wait', 'Approve', 'Refunded'], flow), true);
        assert.equal(followsMap(['Apply', 'Wait', 'Refunded'], flow), false, 'a skip');
        assert.equal(followsMap(['Wait', 'Approve', 'Refunded'], flow), false, 'not from a start');
        assert.equal(followsMap(['Apply', 'Wait'], flow), false, 'not to an exit');
        assert.equal(followsMap([], flow), false);
    });

    it('keeps the most frequent variants and says how many there are', () => {
        const counted = {
            unmappedEvents: 0,
            variants: [
                { path: ['Apply', 'Abandon'], count: 3 },
                { path: ['Apply', 'Wait'], count: 5 },
                { path: ['Apply'], count: 1 }
            ]
        };
        const paths = analysePaths(returnsJourney(), 'clicks', counted, { variantLimit: 2 });
        assert.deepEqual(paths.variants, [
            { path: ['Apply', 'Wait'], count: 5 },
            { path: ['Apply', 'Abandon'], count: 3 }
        ]);
        assert.equal(paths.variantCount, 3);
    });
});
