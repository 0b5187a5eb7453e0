import * as assert from 'node:assert/strict';
import { mapOntoScale, surveyScore } from '../../metrics/survey-scores.js';
import { formatMeasuredValue, sampleText } from '../../metrics/metric-format.js';

/** Equal to 2 decimals: margins are irrational. */
function near(actual: number | undefined, expected: number, what: string): void {
    assert.ok(actual !== undefined && Math.abs(actual - expected) < 0.005, `${what}: ${actual} ≠ ${expected}`);
}

describe('survey scores from raw answers, checked against values computed by hand', () => {
    it('NPS: % promoters (9–10) − % detractors (0–6), with the margin of a +1/0/−1 answer', () => {
        // 5 promoters (10, 9, 9, 10, 9), 2 passives (8, 7), 3 detractors (6, 0, 5) of 10.
        const score = surveyScore('nps', [10, 9, 9, 8, 7, 6, 0, 10, 9, 5])!;
        assert.equal(score.value, 20);
        assert.equal(score.n, 10);
        // variance = p + d − (p − d)² = 0.5 + 0.3 − 0.04 = 0.76; 1.96 · √(0.76 / 10) · 100 = 54.03
        near(score.margin, 54.03, 'margin');
        assert.deepEqual(surveyScore('nps', [10, 10, 10]), { value: 100, n: 3, margin: 0 }, 'all promoters: no spread');
        assert.equal(surveyScore('nps', [0, 6, 7, 8])!.value, -50);
    });

    it('CSAT: % of answers that are 4 or 5, with the margin of a proportion', () => {
        const score = surveyScore('csat', [5, 4, 3, 2, 5])!;
        assert.equal(score.value, 60);
        // 1.96 · √(0.6 · 0.4 / 5) · 100 = 42.94
        near(score.margin, 42.94, 'margin');
    });

    it('CES: the mean answer, with the margin from the sample standard deviation', () => {
        const score = surveyScore('ces', [2, 3, 4])!;
        assert.equal(score.value, 3);
        // s² = (1 + 0 + 1) / 2 = 1; 1.96 · √(1 / 3) = 1.13
        near(score.margin, 1.13, 'margin');
    });

    it('no answers: no value; a single answer: a value without a margin', () => {
        assert.equal(surveyScore('nps', []), undefined);
        assert.equal(surveyScore('csat', []), undefined);
        assert.equal(surveyScore('ces', []), undefined);
        assert.deepEqual(surveyScore('nps', [9]), { value: 100, n: 1 });
        assert.deepEqual(surveyScore('nps', [7]), { value: 0, n: 1 });
        assert.deepEqual(surveyScore('csat', [3]), { value: 0, n: 1 });
        assert.deepEqual(surveyScore('ces', [5]), { value: 5, n: 1 });
    });

    it('shows a value as the map does: "40 ± 18, n = 10", whole points for NPS and CSAT, one decimal for effort', () => {
        assert.equal(
            formatMeasuredValue({ value: 40, sample: { n: 10, margin: 18.2 } }, { unit: 'nps' }),
            '40 ± 18, n = 10'
        );
        assert.equal(
            formatMeasuredValue({ value: 85.4, sample: { n: 40, margin: 11.04 } }, { unit: 'csat' }),
            '85% ± 11, n = 40'
        );
        assert.equal(
            formatMeasuredValue({ value: 3.14, sample: { n: 3, margin: 1.13 } }, { unit: 'ces' }),
            '3.1 ± 1.1, n = 3'
        );
        assert.equal(formatMeasuredValue({ value: 100, sample: { n: 1 } }, { unit: 'nps' }), '100, n = 1');
        assert.equal(sampleText({ n: 1 }), 'n = 1');
    });

    it('maps a mean answer linearly onto the journey\'s emotion scale', () => {
        assert.equal(mapOntoScale(7.3, { min: 0, max: 10 }, { min: 1, max: 5 }), 1 + 7.3 * 0.4);
        assert.equal(mapOntoScale(0, { min: 0, max: 10 }, { min: -2, max: 2 }), -2);
        assert.equal(mapOntoScale(7, { min: 1, max: 7 }, { min: 1, max: 5 }), 5);
    });
});
