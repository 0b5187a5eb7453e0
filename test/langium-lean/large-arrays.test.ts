import * as assert from 'node:assert/strict';
import { appendAll, spliceAll } from '../../langium-lean/large-arrays.js';

/** Moving runs of any length without spreading them on the stack (a spread of 200,000 items overflows V8's). */
describe('large arrays', () => {
    const run = (from: number, length: number) => Array.from({ length }, (_, index) => from + index);

    for (const length of [3, 200_000]) {
        it(`splices ${length} items into the middle, removing some there, as splice would`, () => {
            const target = run(0, 10);
            spliceAll(target, 4, 2, run(100, length));
            const expected = [0, 1, 2, 3];
            appendAll(expected, run(100, length));
            appendAll(expected, [6, 7, 8, 9]);
            assert.deepEqual(target, expected);
            assert.equal(target.length, 8 + length);
            assert.deepEqual(target.slice(0, 5), [0, 1, 2, 3, 100]);
            assert.deepEqual(target.slice(-5), [100 + length - 1, 6, 7, 8, 9]);
        });
    }

    it('works on an array class whose splice reads an absent count as 0 (Langium\'s CST content)', () => {
        class Content extends Array<number> {
            override splice(start: number, count: number, ...items: number[]): number[] {
                return super.splice(start, count ?? 0, ...items);
            }
        }
        const target = Content.from([1, 2, 3]) as Content;
        spliceAll(target, 0, 0, run(10, 20_000));
        assert.equal(target.length, 20_003);
        assert.deepEqual([target[0], target[19_999], target[20_000], target[20_002]], [10, 20_009, 1, 3]);
    });

    it('appends 500,000 items', () => {
        const target = [1];
        appendAll(target, run(2, 500_000));
        assert.equal(target.length, 500_001);
        assert.equal(target.at(-1), 500_001);
    });
});
