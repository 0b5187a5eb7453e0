import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { JourneyAstType, MetricDefinition, MetricValue, Range } from '../generated/ast.js';
import { didYouMean } from '../../model/did-you-mean.js';
import { IssueCodes } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { t } from '../../model/localisation.js';
import { intendedComparison, isWellWritten } from '../../metrics/target-comparison.js';
import { checkMetricValue, metricUnits } from '../metric-units.js';

/** Metrics: known units, scales, targets, currencies, and values within them. */
export function registerMetricChecks(services: JourneyServices): void {
    const checks = new MetricChecks(services);
    const registered: ValidationChecks<JourneyAstType> = {
        MetricDefinition: checks.checkMetricDefinition,
        Range: checks.checkRange,
        MetricValue: checks.checkMetricValue
    };
    services.validation.ValidationRegistry.register(registered, checks);
}

class MetricChecks {
    constructor(_services: JourneyServices) {
    }

    checkMetricDefinition(metric: MetricDefinition, accept: ValidationAcceptor): void {
        if (metric.unit !== undefined && !metricUnits.includes(metric.unit)) {
            const suggestions = didYouMean(metric.unit, metricUnits);
            const hint = suggestions.length > 0 ? t("Did you mean '{name}'?", { name: suggestions[0] }) : t('Units: {units}.', { units: metricUnits.join(', ') });
            accept('error', t("'{unit}' is not a metric unit. {hint}", { unit: metric.unit, hint }),
                { node: metric, property: 'unit', code: IssueCodes.MetricUnitUnknown, data: { code: IssueCodes.MetricUnitUnknown, suggestions } });
        }
        if (metric.unit === 'percent' && metric.scale && (metric.scale.min < 0 || metric.scale.max > 100)) {
            accept('error', t("A percent metric's scale must lie within 0..100."), { node: metric, property: 'scale', code: IssueCodes.PercentOutOfRange, data: { code: IssueCodes.PercentOutOfRange } });
        }
        if (metric.target && !isWellWritten(metric.target.comparison)) {
            const replacement = intendedComparison(metric.target.comparison);
            accept('error', t('Write `{fixed}` for a target: `{written}` is not a comparison of the language.', { fixed: replacement, written: metric.target.comparison }),
                { node: metric.target, property: 'comparison', code: IssueCodes.ComparisonTypo, data: { code: IssueCodes.ComparisonTypo, replacement } });
        }
        if (metric.target) {
            const problem = checkMetricValue(metric, metric.target.value, 'target');
            if (problem) {
                accept('error', problem.message, { node: metric.target, property: 'value', code: problem.code, data: { code: problem.code } });
            }
        }
        this.checkCurrency(metric, accept);
        if (metric.warn !== undefined && (!metric.target || metric.warn <= 0)) {
            const message = metric.target
                ? t('The warning band must be more than 0 (it is {warn}).', { warn: metric.warn })
                : t('`warn` needs a `target`: the band lies next to the target.');
            accept('error', message, { node: metric, property: 'warn', code: IssueCodes.InvalidWarn, data: { code: IssueCodes.InvalidWarn } });
        }
    }

    /** A currency metric names its ISO 4217 code (`currency CNY`); no other unit has one. */
    private checkCurrency(metric: MetricDefinition, accept: ValidationAcceptor): void {
        const at = { code: IssueCodes.CurrencyCode, data: { code: IssueCodes.CurrencyCode } };
        if (metric.unit === 'currency' && metric.currency === undefined) {
            accept('error', t("Currency metric '{name}' needs a currency code, e.g. `currency CNY` or `currency EUR`.", { name: metric.name }), { node: metric, property: 'unit', ...at });
        } else if (metric.currency !== undefined && metric.unit !== 'currency') {
            accept('error', t("Only a currency metric has a currency code; '{currency}' follows the unit '{unit}'.", { currency: metric.currency, unit: metric.unit ?? '' }), { node: metric, property: 'currency', ...at });
        } else if (metric.currency !== undefined && !/^[A-Z]{3}$/.test(metric.currency)) {
            accept('error', t("'{currency}' is not a currency code: use three capital letters (ISO 4217), e.g. CNY, EUR, USD.", { currency: metric.currency }), { node: metric, property: 'currency', ...at });
        }
    }

    checkRange(range: Range, accept: ValidationAcceptor): void {
        if (range.min >= range.max) {
            const message = range.min === range.max
                ? t('A scale goes from low to high: write two different ends, e.g. {min}..{max}.', { min: range.min, max: range.min + 1 })
                : t('A scale goes from low to high: write {min}..{max}.', { min: range.max, max: range.min });
            accept('error', message, {
                node: range, code: IssueCodes.InvalidScale, data: { code: IssueCodes.InvalidScale }
            });
        }
    }

    checkMetricValue(value: MetricValue, accept: ValidationAcceptor): void {
        const metric = value.metric?.ref;
        if (metric && value.number !== undefined) {
            const problem = checkMetricValue(metric, value.number);
            if (problem) {
                accept('error', problem.message, { node: value, property: 'number', code: problem.code, data: { code: problem.code } });
            }
        }
    }
}
