import {
    displayName, type Aggregation, type JourneyModel, type MetricModel, type MetricStatus
} from '../model/journey-model.js';
import {
    formatAggregation,
    formatMeasuredValue,
    formatMetricValue,
    formatTargetValue,
    formatTrend,
    trendOf
} from './metric-format.js';

/** One metric value of a report: a step's, or a stage's aggregate (then `step` is absent). */
export interface MetricReportRow {
    journey: string;
    stage: string;
    step?: string;
    metric: string;
    value?: number;
    /** The value with its unit, as the map shows it. */
    shown: string;
    unit?: string;
    target?: string;
    status: MetricStatus;
    /** For a survey unit: how many answers the value comes from, and its 95 % margin. */
    n?: number;
    margin?: number;
    /** For a stage: how its steps' values were combined. */
    aggregate?: string;
    period?: string;
    trend?: string;
    /** `funnel.csv:11` for a value read from data. */
    source?: string;
    /** For tools (CSV, JSON): the target, the change since the period before and the aggregation, as data. */
    machine: {
        target?: { comparison: '>=' | '<='; value: number };
        change?: number;
        previousPeriod?: string;
        better?: boolean;
        aggregate?: { how: Aggregation; steps: number };
    };
}

/**
 * Every metric value of the models against its target, per journey, then per stage (its
 * aggregates first, where more than one step has a value, then each step's values), in
 * the order of the map.
 */
export function metricReport(models: JourneyModel[], sourceName: (uri: string) => string): MetricReportRow[] {
    return models.flatMap(model => model.journeys.flatMap(journey => journey.stages.flatMap(stage => {
        const metricOf = (name: string): MetricModel | undefined => model.metrics.find(metric => metric.name === name);
        const base = { journey: displayName(journey), stage: displayName(stage) };
        const aggregates: MetricReportRow[] = stage.metrics.filter(aggregate => aggregate.count > 1).map(aggregate => {
            const metric = metricOf(aggregate.metric);
            return {
                ...base,
                ...describeMetric(metric, aggregate.metric),
                value: aggregate.value,
                shown: formatMetricValue(aggregate.value, metric),
                status: aggregate.status,
                aggregate: formatAggregation(aggregate.aggregate, aggregate.count),
                machine: { target: metric?.target, aggregate: { how: aggregate.aggregate, steps: aggregate.count } }
            };
        });
        const values: MetricReportRow[] = stage.steps.flatMap(step => step.metrics.map(value => {
            const metric = metricOf(value.metric);
            const trend = trendOf(value, metric);
            return {
                ...base,
                step: displayName(step),
                ...describeMetric(metric, value.metric),
                value: value.value,
                shown: formatMeasuredValue(value, metric),
                n: value.sample?.n,
                margin: value.sample?.margin,
                status: value.status,
                period: value.series?.at(-1)?.period,
                trend: trend && formatTrend(trend),
                source:
                    value.origin &&
                    `${sourceName(value.origin.uri)}${value.origin.line ? `:${value.origin.line}` : ''}`,
                machine: {
                    target: metric?.target,
                    change: trend?.change,
                    previousPeriod: trend?.previousPeriod,
                    better: trend?.better
                }
            };
        }));
        return [...aggregates, ...values];
    })));
}

function describeMetric(
    metric: MetricModel | undefined,
    name: string
): Pick<MetricReportRow, 'metric' | 'unit' | 'target'> {
    return {
        metric: displayName(metric ?? { name }),
        unit: metric?.currency ?? metric?.unit,
        target: formatTargetValue(metric)
    };
}

/** Statuses at or past a `--fail-on` level: `missed` fails only on misses, `warn` also on values that are close. */
export function failingRows(rows: MetricReportRow[], failOn: 'missed' | 'warn'): MetricReportRow[] {
    return rows.filter(
        row => row.step !== undefined && (row.status === 'missed' || (failOn === 'warn' && row.status === 'close'))
    );
}
