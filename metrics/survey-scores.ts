import type { Scale, SurveySample, SurveyUnit } from '../model/journey-model.js';

/** The answers each survey unit takes: NPS 0–10 ("how likely…"), CSAT 1–5, CES 1–7. */
export const surveyAnswerScales: Readonly<Record<SurveyUnit, Scale>> = {
    nps: { min: 0, max: 10 },
    csat: { min: 1, max: 5 },
    ces: { min: 1, max: 7 }
};

/** The range a survey unit's value lies in: NPS −100..100, CSAT a percentage, CES the mean answer. */
export const surveyValueScales: Readonly<Record<SurveyUnit, Scale>> = {
    nps: { min: -100, max: 100 },
    csat: { min: 0, max: 100 },
    ces: { min: 1, max: 7 }
};

/** Fewer answers than this make a survey value too uncertain to act on (`low-sample`). */
export const minimumSample = 30;

/** z for a two-sided 95 % interval. */
const z95 = 1.959964;

export interface SurveyScore extends SurveySample {
    value: number;
}

/**
 * A survey unit's value from its answers (each within the unit's answer scale), with the
 * sample size and the 95 % margin of the normal approximation. Undefined without answers;
 * without a margin from a single answer, which has no spread to estimate.
 *
 * - NPS: % promoters (9–10) − % detractors (0–6). Each answer counts +1, 0 or −1; the margin
 *   is 1.96 · √(variance of that / n) · 100.
 * - CSAT: % of answers that are 4 or 5; margin of a proportion.
 * - CES: the mean answer; margin from the sample standard deviation.
 */
export function surveyScore(unit: SurveyUnit, answers: readonly number[]): SurveyScore | undefined {
    const n = answers.length;
    if (n === 0) return undefined;
    switch (unit) {
        case 'nps': {
            const promoters = answers.filter(answer => answer >= 9).length / n;
            const detractors = answers.filter(answer => answer <= 6).length / n;
            const value = (promoters - detractors) * 100;
            const variance = promoters + detractors - (promoters - detractors) ** 2;
            return withMargin(value, n, Math.sqrt(variance / n) * 100);
        }
        case 'csat': {
            const satisfied = answers.filter(answer => answer >= 4).length / n;
            return withMargin(satisfied * 100, n, Math.sqrt(satisfied * (1 - satisfied) / n) * 100);
        }
        case 'ces': {
            const mean = meanOf(answers);
            return withMargin(mean, n, n > 1 ? Math.sqrt(sampleVariance(answers, mean) / n) : undefined);
        }
    }
}

function withMargin(value: number, n: number, standardError: number | undefined): SurveyScore {
    return n > 1 && standardError !== undefined ? { value, n, margin: z95 * standardError } : { value, n };
}

export function meanOf(values: readonly number[]): number {
    let sum = 0;
    for (const value of values) sum += value;
    return sum / values.length;
}

function sampleVariance(values: readonly number[], mean: number): number {
    let squares = 0;
    for (const value of values) squares += (value - mean) ** 2;
    return squares / (values.length - 1);
}

/** A mean answer on the answers' scale, mapped linearly onto another scale (the journey's emotion scale). */
export function mapOntoScale(value: number, from: Scale, to: Scale): number {
    if (from.max === from.min) return to.min;
    return to.min + (value - from.min) * (to.max - to.min) / (from.max - from.min);
}

export function isSurveyUnit(unit: string | undefined): unit is SurveyUnit {
    return unit === 'nps' || unit === 'csat' || unit === 'ces';
}
