import type { MetricModel, MetricStatus } from '../language/journey-model.js';

/** Whether a value meets its metric's target (`>=`: higher is better, `<=`: lower is better). */
export function metricStatus(metric: MetricModel | undefined, value: number | undefined): MetricStatus {
    if (value === undefined) {
        return 'no-data';
    }
    if (!metric?.target) {
        return 'no-target';
    }
    const { comparison, value: target } = metric.target;
    return (comparison === '>=' ? value >= target : value <= target) ? 'met' : 'missed';
}
