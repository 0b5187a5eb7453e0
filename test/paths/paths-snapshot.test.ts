import * as assert from 'node:assert/strict';
import type { ObservedPaths } from '../../model/observed-paths.js';
import {
    parsePathsSnapshot,
    pathsSnapshotText,
    sameObservations,
    snapshotFileName
} from '../../paths/paths-snapshot.js';

const paths: ObservedPaths = {
    journey: 'Returns', source: 'clicks', cases: 3, unmappedEvents: 1, fitness: 2 / 3,
    steps: [{ step: 'A', reach: 3, dropOff: 1 }, { step: 'B', reach: 2, dropOff: 0 }],
    transitions: [{ from: 'A', to: 'B', count: 2, declared: true }], deadSteps: [],
    variants: [{ path: ['A', 'B'], count: 2 }, { path: ['A'], count: 1 }]
};

describe('paths/paths-snapshot: the file a pull request reviews', () => {
    it('is named after the map, beside it', () => {
        assert.equal(snapshotFileName('退货退款.journey'), '退货退款.paths.json');
    });

    it('writes one line per step, transition and variant, rounds fractions, and reads back what it wrote', () => {
        const text = pathsSnapshotText({ pulledAt: '2026-12-07T00:00:00.000Z', journeys: [paths] });
        assert.match(text, /\n {8}\{"step":"A","reach":3,"dropOff":1\},\n/);
        assert.match(text, /\n {8}\{"path":\["A","B"\],"count":2\},\n/);
        assert.match(text, /"fitness": 0\.666667,/);
        const read = parsePathsSnapshot(text);
        assert.equal(read.pulledAt, '2026-12-07T00:00:00.000Z');
        assert.ok(sameObservations(read, { journeys: [paths] }), 'the same observations, pulled at another time');
        assert.ok(!sameObservations(read, { journeys: [{ ...paths, cases: 4 }] }));
    });

    it('says what is wrong with a file that is not a snapshot', () => {
        assert.throws(() => parsePathsSnapshot('{ not json'), /^Error: not JSON/);
        assert.throws(() => parsePathsSnapshot('{"journeys":[{"journey":"J"}]}'), /not a paths snapshot/);
        assert.throws(() => parsePathsSnapshot('[]'), /not a paths snapshot/);
    });
});
