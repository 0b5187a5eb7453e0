import type { MetricDefinition } from './generated/ast.js';
import { IssueCodes, type IssueCode } from './journey-issue-codes.js';
import { t } from '../model/localisation.js';
import { surveyUnits } from '../model/journey-model.js';
import { isSurveyUnit, surveyValueScales } from '../metrics/survey-scores.js';

/** Every unit a metric may have; the grammar reads any name there, so that `nps` and `csat` stay names elsewhere. */
export const metricUnits: readonly string[] = ['percent', 'score', 'count', 'currency', 'duration', 'ratio', ...surveyUnits];

export interface ValueProblem {
    code: IssueCode;
    message: string;
}

/**
 * Whether a number fits a metric's unit and scale. Used for literal values, data-linked
 * values and targets alike, so the three can never disagree.
 */
export function checkMetricValue(metric: MetricDefinition, value: number, kind: 'value' | 'target' | 'linked' = 'value'): ValueProblem | undefined {
    const name = metric.name;
    // Translated only for a value that has a problem: most have none.
    const what = () => (kind === 'target' ? t('target') : kind === 'linked' ? t('linked value') : t('value'));
    if (metric.unit === 'percent' && (value < 0 || value > 100)) {
        return { code: IssueCodes.PercentOutOfRange, message: t("The {what} {value} of percent metric '{name}' must be between 0 and 100.", { what: what(), value, name }) };
    }
    if (isSurveyUnit(metric.unit)) {
        const { min, max } = surveyValueScales[metric.unit];
        if (value < min || value > max) {
            return { code: IssueCodes.MetricValueMismatch, message: t("The {what} {value} of {unit} metric '{name}' must be between {min} and {max}.", { what: what(), value, unit: metric.unit.toUpperCase(), name, min, max }) };
        }
    }
    if (metric.scale && (value < metric.scale.min || value > metric.scale.max)) {
        const code = kind === 'target' ? IssueCodes.TargetOutsideScale : IssueCodes.MetricValueMismatch;
        return { code, message: t("The {what} {value} of metric '{name}' is outside its scale {min}..{max}.", { what: what(), value, name, min: metric.scale.min, max: metric.scale.max }) };
    }
    if (metric.unit === 'count' && (value < 0 || !Number.isInteger(value))) {
        return { code: IssueCodes.MetricValueMismatch, message: t("The {what} {value} of count metric '{name}' must be a whole number of 0 or more.", { what: what(), value, name }) };
    }
    if ((metric.unit === 'duration' || metric.unit === 'ratio') && value < 0) {
        return { code: IssueCodes.MetricValueMismatch, message: t("The {what} {value} of {unit} metric '{name}' cannot be negative.", { what: what(), value, unit: metric.unit, name }) };
    }
    return undefined;
}
