import * as assert from 'node:assert/strict';
import { compareProportions, upperNormalTail } from '../../paths/two-proportions.js';
import { splitByGroup, smallGroups } from '../../paths/path-split.js';

describe('paths/two-proportions: the split\'s statistics', () => {
    it('gives the normal tail of textbook tables', () => {
        assert.ok(Math.abs(upperNormalTail(1.959964) - 0.025) < 1e-6);
        assert.ok(Math.abs(upperNormalTail(0) - 0.5) < 1e-7);
        assert.ok(Math.abs(upperNormalTail(3) - 0.0013499) < 1e-6);
        assert.ok(Math.abs(upperNormalTail(-1) - 0.8413447) < 1e-6);
    });

    it('compares 50 of 100 with 60 of 100 as a statistics textbook does', () => {
        // Pooled p = 0.55, se = √(0.55·0.45·0.02) = 0.070356, z = 1.4213, two-sided p = 0.1552;
        // unpooled se = √(0.0025 + 0.0024) = 0.07, interval 0.1 ± 1.96·0.07.
        const result = compareProportions({ reached: 50, cases: 100 }, { reached: 60, cases: 100 });
        assert.ok(Math.abs(result.difference - 0.1) < 1e-12);
        assert.ok(Math.abs(result.pValue - 0.1552) < 1e-4, String(result.pValue));
        assert.ok(
            Math.abs(result.ci95[0] - (0.1 - 1.959964 * 0.07)) < 1e-6 &&
                Math.abs(result.ci95[1] - (0.1 + 1.959964 * 0.07)) < 1e-6
        );
    });

    it('says p = 1 when both groups are all or nothing, and never more than 1', () => {
        assert.equal(compareProportions({ reached: 0, cases: 10 }, { reached: 0, cases: 40 }).pValue, 1);
        assert.equal(compareProportions({ reached: 10, cases: 10 }, { reached: 40, cases: 40 }).pValue, 1);
    });

    it('orders groups by value (numbers as numbers), compares each with the first, and names the small ones', () => {
        const split = splitByGroup([
            { path: ['A', 'G'], count: 40, group: '10' }, { path: ['A'], count: 10, group: '10' },
            { path: ['A', 'G'], count: 20, group: '2' }, { path: ['A'], count: 5, group: '2' },
            { path: ['A', 'G'], count: 30, group: '9' }
        ], 'segment', 'G');
        assert.deepEqual(split.groups.map(group => group.value), ['2', '9', '10']);
        assert.deepEqual(split.comparisons!.map(comparison => comparison.value), ['9', '10']);
        assert.equal(split.difference, split.comparisons![0].difference);
        assert.deepEqual(smallGroups(split).map(group => group.value), ['2']);
    });
});
