/**
 * Comparing two rates (cases that reach a goal out of cases): the difference with its 95 %
 * interval (unpooled normal approximation) and the two-sided p-value of the pooled z-test.
 */
export interface ProportionComparison {
    difference: number;
    ci95: [number, number];
    pValue: number;
}

/** Cases that reach a goal, out of cases. */
export interface Proportion {
    reached: number;
    cases: number;
}

const z95 = 1.959963984540054;

/** `second − first`, where each is `reached` of `cases`; both groups need at least one case. */
export function compareProportions(first: Proportion, second: Proportion): ProportionComparison {
    const p1 = first.reached / first.cases;
    const p2 = second.reached / second.cases;
    const difference = p2 - p1;
    const unpooled = Math.sqrt(p1 * (1 - p1) / first.cases + p2 * (1 - p2) / second.cases);
    const pooledRate = (first.reached + second.reached) / (first.cases + second.cases);
    const pooled = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / first.cases + 1 / second.cases));
    // Both rates 0 or both 1: no spread, and no difference to test.
    const pValue = pooled > 0 ? 2 * upperNormalTail(Math.abs(difference) / pooled) : 1;
    const ci95: [number, number] = [difference - z95 * unpooled, difference + z95 * unpooled];
    return { difference, ci95, pValue: Math.min(1, pValue) };
}

/** P(Z > z) for a standard normal Z: erfc(z/√2)/2. */
export function upperNormalTail(z: number): number {
    return complementaryErrorFunction(z / Math.SQRT2) / 2;
}

/**
 * erfc by its Chebyshev fit (Numerical Recipes' `erfcc`): relative error under 1.2e-7
 * everywhere, enough for p-values written to three figures.
 */
function complementaryErrorFunction(x: number): number {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const polynomial = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    const value = t * Math.exp(polynomial);
    return x >= 0 ? value : 2 - value;
}
