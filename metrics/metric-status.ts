import type { MetricModel, MetricStatus } from '../model/journey-model.js';

/**
 * Whether a value meets its metric's target (`>=`: higher is better, `<=`: lower is
 * better). A value that misses the target by no more than the `warn` band is `close`.
 */
export function metricStatus(
    metric: Pick<MetricModel, 'target' | 'warn'> | undefined,
    value: number | undefined
): MetricStatus {
    if (value === undefined) {
        return 'no-data';
    }
    if (!metric?.target) {
        return 'no-target';
    }
    const { comparison, value: target } = metric.target;
    const shortfall = comparison === '>=' ? target - value : value - target;
    if (shortfall <= 0) return 'met';
    return metric.warn !== undefined && shortfall <= metric.warn ? 'close' : 'missed';
}

/**
 * Whether a change from `previous` to `value` is for the better, by the target's direction (undefined without a target
 * or change).
 */
export function isImprovement(
    metric: Pick<MetricModel, 'target'> | undefined,
    previous: number,
    value: number
): boolean | undefined {
    if (!metric?.target || previous === value) return undefined;
    return metric.target.comparison === '>=' ? value > previous : value < previous;
}
