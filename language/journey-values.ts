import type { URI } from 'langium';
import type { DataLink, Journey, MetricDefinition, MetricValue } from './generated/ast.js';
import { isCompleteLink, resolveDataLink } from '../metrics/data-link.js';
import type { DataSources } from './journey-data-sources.js';
import { resolveSurveyLink } from '../metrics/survey-link.js';
import type { DataTable } from '../metrics/data-table.js';
import { isSurveyUnit } from '../metrics/survey-scores.js';
import type { PeriodValue, SurveySample } from '../model/journey-model.js';
import { t } from '../model/localisation.js';

/**
 * What the text's values stand for, worked out once for the validator, the model builder and
 * hover: a journey's emotion scale, and a metric's value written or read through its link.
 */

export const defaultEmotionScale = { min: 1, max: 5 } as const;

/**
 * The emotion scale a journey declares, or 1..5. A scale the parser read only half of (an
 * unclosed quote earlier can make `emotion 4` read as a scale without its end) is no scale.
 */
export function emotionScaleOf(journey: Journey): { min: number; max: number } {
    const declared = journey.emotionScales[0];
    return declared && Number.isFinite(declared.min) && Number.isFinite(declared.max) ? declared : defaultEmotionScale;
}

export interface LinkedValue {
    value?: number;
    /** The CSV line of the (latest) row the value comes from. */
    line?: number;
    /** The one row read, for a link to a cell. */
    row?: Record<string, string>;
    series?: PeriodValue[];
    sample?: SurveySample;
}

/** A metric's value read from its table: one cell, or for a survey unit every matching answer; else why not. */
export function linkedValue(
    link: DataLink,
    table: DataTable,
    metric: MetricDefinition | undefined,
    period: string | undefined
): LinkedValue | { problem: string } {
    if (metric && isSurveyUnit(metric.unit)) {
        const answers = resolveSurveyLink(link, table, metric.unit, period);
        if (answers.kind !== 'answers' || !answers.score) return { problem: t('No answers match.') };
        return {
            value: answers.score.value,
            line: answers.line,
            series: answers.series,
            sample: { n: answers.score.n, margin: answers.score.margin }
        };
    }
    const resolution = resolveDataLink(link, table, period);
    return resolution.kind === 'value' ? resolution : { problem: resolution.message };
}

/** What `metric m = …` stands for. */
export type ResolvedMetricValue =
    | { kind: 'written'; value: number }
    /** Text that did not parse whole: the parser reports it. */
    | { kind: 'incomplete'; problem: string }
    /** The data source is unknown, or its file cannot be read: its own diagnostic says why. */
    | { kind: 'unread'; problem: string }
    | { kind: 'linked'; uri: URI; path: string; found: LinkedValue | { problem: string } };

export async function resolveMetricValue(value: MetricValue, dataSources: DataSources): Promise<ResolvedMetricValue> {
    if (value.number !== undefined) return { kind: 'written', value: value.number };
    const expression = value.value;
    if (!expression) return { kind: 'incomplete', problem: t('The value is missing.') };
    if (!isCompleteLink(expression)) return { kind: 'incomplete', problem: t('The link is incomplete.') };
    const source = expression.source?.ref;
    if (!source)
        return {
            kind: 'unread',
            problem: t("Unknown data source '{name}'.", { name: expression.source?.$refText ?? '' })
        };
    const loaded = await dataSources.load(source);
    if (loaded.kind !== 'table')
        return { kind: 'unread', problem: t('The data file "{path}" cannot be read.', { path: source.path }) };
    return {
        kind: 'linked',
        uri: loaded.uri,
        path: source.path,
        found: linkedValue(expression, loaded.table, value.metric?.ref, source.period)
    };
}
