import type { DataLink, MetricDefinition } from './generated/ast.js';
import { resolveDataLink } from './journey-data-link.js';
import { resolveSurveyLink } from './journey-survey-link.js';
import type { DataTable } from '../metrics/data-table.js';
import { isSurveyUnit } from '../metrics/survey-scores.js';
import type { PeriodValue, SurveySample } from '../model/journey-model.js';

export interface LinkedValue {
    value?: number;
    /** The CSV line of the (latest) row the value comes from. */
    line?: number;
    /** The one row read, for a link to a cell. */
    row?: Record<string, string>;
    series?: PeriodValue[];
    sample?: SurveySample;
}

/** A metric's value read from its table: one cell, or for a survey unit every matching answer. */
export function linkedValue(link: DataLink, table: DataTable, metric: MetricDefinition, period: string | undefined): LinkedValue | undefined {
    if (isSurveyUnit(metric.unit)) {
        const answers = resolveSurveyLink(link, table, metric.unit, period);
        if (answers.kind !== 'answers' || !answers.score) return undefined;
        return { value: answers.score.value, line: answers.line, series: answers.series, sample: { n: answers.score.n, margin: answers.score.margin } };
    }
    const resolution = resolveDataLink(link, table, period);
    return resolution.kind === 'value' ? resolution : undefined;
}

