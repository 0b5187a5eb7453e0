import type { Aggregation, MetricModel, MetricStatus, MetricValueModel, SurveySample } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { isImprovement } from './metric-status.js';

/** A status in words with a sign, so it never rests on colour alone. */
export function statusWord(status: MetricStatus): string {
    switch (status) {
        case 'met': return t('✓ met');
        case 'close': return t('▲ close');
        case 'missed': return t('✗ missed');
        case 'no-target': return t('no target');
        case 'no-data': return t('no data');
    }
}

/**
 * One formatter for every number we show (one per call, as `toLocaleString` makes, is slow on big maps), made on
 * first use: setting up ICU would otherwise cost the start of every command that shows no number.
 */
let numberFormat: Intl.NumberFormat | undefined;

/** A number as the map shows it: thousands separated, at most two decimals. */
export function formatNumber(value: number): string {
    numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    return numberFormat.format(value);
}

/** A value with its unit: `14.5%`, `52 h`, `1,200 CNY`; `–` when there is none. */
export function formatMetricValue(
    value: number | undefined,
    metric: Pick<MetricModel, 'unit' | 'currency'> | undefined
): string {
    if (value === undefined) return '–';
    const number = formatNumber(value);
    switch (metric?.unit) {
        case 'percent':
            return `${number}%`;
        case 'currency':
            return metric.currency ? `${number} ${metric.currency}` : number;
        case 'ratio':
            return `${number}×`;
        // Survey scores are read as whole points (NPS 40, CSAT 85%) and effort to one decimal.
        case 'nps':
            return formatNumber(Math.round(value));
        case 'csat':
            return `${formatNumber(Math.round(value))}%`;
        case 'ces':
            return formatNumber(Math.round(value * 10) / 10);
        default:
            return number;
    }
}

/** `± 18, n = 10`: how sure a survey value is (no margin from a single answer). */
export function sampleText(sample: SurveySample, metric?: Pick<MetricModel, 'unit'>): string {
    const margin = marginText(sample, metric);
    return margin === undefined ? `n = ${sample.n}` : `${margin}, n = ${sample.n}`;
}

/** `± 18`: NPS and CSAT margins in whole points, effort to one decimal. */
function marginText(sample: SurveySample, metric?: Pick<MetricModel, 'unit'>): string | undefined {
    if (sample.margin === undefined) return undefined;
    return `± ${formatNumber(metric?.unit === 'ces' ? Math.round(sample.margin * 10) / 10 : Math.round(sample.margin))}`;
}

/** A survey value with its margin: `40 ± 18`. */
export function formatWithMargin(
    value: number,
    sample: SurveySample,
    metric: Pick<MetricModel, 'unit' | 'currency'> | undefined
): string {
    const margin = marginText(sample, metric);
    return margin === undefined ? formatMetricValue(value, metric) : `${formatMetricValue(value, metric)} ${margin}`;
}

/** A value with its unit and, for survey answers, its margin and sample: `40 ± 18, n = 10`. */
export function formatMeasuredValue(
    value: Pick<MetricValueModel, 'value' | 'sample'>,
    metric: Pick<MetricModel, 'unit' | 'currency'> | undefined
): string {
    if (!value.sample || value.value === undefined) return formatMetricValue(value.value, metric);
    return `${formatWithMargin(value.value, value.sample, metric)}, n = ${value.sample.n}`;
}

/** How a reader sees a target's direction: `≥` for at least, `≤` for at most. */
export function comparisonSymbol(comparison: '>=' | '<='): '≥' | '≤' {
    return comparison === '>=' ? '≥' : '≤';
}

/** `≥ 12%`, or undefined without a target. */
export function formatTargetValue(metric: MetricModel | undefined): string | undefined {
    if (!metric?.target) return undefined;
    return `${comparisonSymbol(metric.target.comparison)} ${formatMetricValue(metric.target.value, metric)}`;
}

/** `target ≥ 12%`, or undefined without a target. */
export function formatTarget(metric: MetricModel | undefined): string | undefined {
    const value = formatTargetValue(metric);
    return value && t('target {value}', { value });
}

export interface Trend {
    /** The change since the previous period, as a number: `1.2`, `-3`. */
    change: number;
    /** The same in words, signed: `+1.2`, `−3`. */
    delta: string;
    previousPeriod: string;
    /** Better or worse by the target's direction; undefined without a target or change. */
    better?: boolean;
}

/** The change since the previous period of a value from a time series. */
export function trendOf(value: MetricValueModel, metric: MetricModel | undefined): Trend | undefined {
    const series = value.series;
    if (!series || series.length < 2) return undefined;
    const [previous, current] = series.slice(-2);
    const difference = Math.round((current.value - previous.value) * 100) / 100;
    return {
        change: difference, delta: formatDelta(difference, metric), previousPeriod: previous.period,
        better: isImprovement(metric, previous.value, current.value)
    };
}

/**
 * A change of a value, signed: `+1.2`, `−300 CNY`; a percentage changes by percentage points
 * (`+1.5 pp`: from 10% to 11.5%), never by "%", which would read as relative.
 */
export function formatDelta(difference: number, metric: Pick<MetricModel, 'unit' | 'currency'> | undefined): string {
    const rounded = Math.round(difference * 100) / 100;
    const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
    return metric?.unit === 'percent'
        ? `${sign}${formatNumber(Math.abs(rounded))} pp`
        : `${sign}${formatMetricValue(Math.abs(rounded), metric)}`;
}

/** A trend in words: `+1.2 since 2026-W46 (better)`. */
export function formatTrend(trend: Trend): string {
    const values = { delta: trend.delta, period: trend.previousPeriod };
    if (trend.better === undefined) return t('{delta} since {period}', values);
    return trend.better ? t('{delta} since {period} (better)', values) : t('{delta} since {period} (worse)', values);
}

/** How a stage combines its steps' values, in words: `mean`, `sum`, … */
export function aggregateWord(aggregate: Aggregation): string {
    switch (aggregate) {
        case 'sum': return t('sum');
        case 'mean': return t('mean');
        case 'min': return t('min');
        case 'max': return t('max');
        case 'last': return t('last');
    }
}

/** `mean of 3`: how a stage's value came from its steps'. */
export function formatAggregation(aggregate: Aggregation, count: number): string {
    return t('{aggregate} of {count}', { aggregate: aggregateWord(aggregate), count });
}
