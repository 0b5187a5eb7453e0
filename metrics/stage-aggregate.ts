import type { Aggregation, MetricModel, MetricUnit, StageMetricModel, StepModel } from '../model/journey-model.js';
import { metricStatus } from './metric-status.js';

/** What a metric aggregates with when it does not say: counts and money add up, the rest is averaged. */
export function defaultAggregation(unit: MetricUnit | undefined): Aggregation {
    return unit === 'count' || unit === 'currency' ? 'sum' : 'mean';
}

/**
 * A stage's value of each metric its steps carry, aggregated the metric's way (`last` is
 * the value of the stage's last step that has one), with its status against the target.
 */
export function aggregateStageMetrics(steps: StepModel[], metrics: MetricModel[]): StageMetricModel[] {
    const names = [...new Set(steps.flatMap(step => step.metrics.map(value => value.metric)))];
    return names.flatMap(name => {
        const values = steps.flatMap(step =>
            step.metrics.filter(value => value.metric === name && value.value !== undefined).map(value => value.value!)
        );
        if (values.length === 0) return [];
        const metric = metrics.find(candidate => candidate.name === name);
        const aggregate = metric?.aggregate ?? 'mean';
        const value = aggregateValues(values, aggregate);
        return [{ metric: name, value, aggregate, count: values.length, status: metricStatus(metric, value) }];
    });
}

export function aggregateValues(values: number[], aggregate: Aggregation): number {
    switch (aggregate) {
        case 'sum':
            return values.reduce((total, value) => total + value, 0);
        case 'mean':
            return Math.round((values.reduce((total, value) => total + value, 0) / values.length) * 1000) / 1000;
        case 'min':
            return values.reduce((low, value) => Math.min(low, value));
        case 'max':
            return values.reduce((high, value) => Math.max(high, value));
        case 'last':
            return values[values.length - 1];
    }
}
