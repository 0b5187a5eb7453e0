import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { isJourney, type JourneyAstType, type Opportunity } from '../generated/ast.js';
import { opportunityStatuses, type OpportunityStatus } from '../../model/journey-model.js';
import { didYouMean } from '../../model/did-you-mean.js';
import { IssueCodes } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { t } from '../../model/localisation.js';
import { reportRepeated } from './repeated-names.js';
import type { FlowProblemsCache } from './flow-problems.js';

/** Opportunities: one of each line, scores 1..5, a known status, steps that exist and are reached, the metric they expect. */
export function registerOpportunityChecks(services: JourneyServices, flowProblems: FlowProblemsCache): void {
    const checks = new OpportunityChecks(flowProblems);
    const registered: ValidationChecks<JourneyAstType> = {
        Opportunity: checks.checkOpportunity
    };
    services.validation.ValidationRegistry.register(registered, checks);
}

class OpportunityChecks {
    constructor(private readonly flowProblems: FlowProblemsCache) {}

    /** An opportunity: one of each line, scores 1..5, a known status, steps that exist and are reached, and the metric it expects at them. */
    checkOpportunity(opportunity: Opportunity, accept: ValidationAcceptor): void {
        const lines = [['owners', t('owner')], ['statuses', t('status')], ['values', t('value')], ['efforts', t('effort')], ['expectations', t('expected metric')]] as const;
        for (const [property, label] of lines) reportRepeated(opportunity, property, label, accept);
        for (const property of ['values', 'efforts'] as const) {
            opportunity[property].forEach((score, index) => {
                if (!Number.isInteger(score) || score < 1 || score > 5) {
                    accept('error', t('{what} is {score}: write a whole number from 1 (low) to 5 (high).', { what: property === 'values' ? t('The value') : t('The effort'), score }),
                        { node: opportunity, property, index, code: IssueCodes.OpportunityScoreOutOfRange, data: { code: IssueCodes.OpportunityScoreOutOfRange } });
                }
            });
        }
        opportunity.statuses.forEach((status, index) => {
            if (opportunityStatuses.includes(status as OpportunityStatus)) return;
            const suggestions = didYouMean(status, [...opportunityStatuses]);
            accept('error', t("Unknown status '{status}': use one of {statuses}.", { status, statuses: opportunityStatuses.join(', ') }), {
                node: opportunity, property: 'statuses', index, code: IssueCodes.OpportunityStatusUnknown,
                data: { code: IssueCodes.OpportunityStatusUnknown, suggestions }
            });
        });
        if (opportunity.addresses.length === 0) {
            accept('warning', t("The opportunity '{name}' addresses no step: add `addresses Journey.Step`.", { name: opportunity.name }),
                { node: opportunity, property: 'name', code: IssueCodes.OpportunityAddressesNothing, data: { code: IssueCodes.OpportunityAddressesNothing } });
        }
        const steps = opportunity.addresses.flatMap(reference => reference.ref ?? []);
        opportunity.addresses.forEach((reference, index) => {
            const step = reference.ref;
            const journey = step && AstUtils.getContainerOfType(step, isJourney);
            if (step && journey && this.flowProblems.of(journey).unreachable.includes(step)) {
                accept('warning', t("No path of its journey reaches the step '{step}' this opportunity addresses.", { step: reference.$refText }),
                    { node: opportunity, property: 'addresses', index, code: IssueCodes.OpportunityStepUnreachable, data: { code: IssueCodes.OpportunityStepUnreachable } });
            }
        });
        const expected = opportunity.expectations[0]?.metric?.ref;
        if (!expected || steps.length === 0) return;
        const carried = steps.some(step => step.metrics.some(value => value.metric?.ref === expected));
        if (!carried) {
            const measured = opportunity.statuses[0] === 'measured';
            accept('warning', measured
                ? t("The opportunity is measured, but '{metric}' has no value at the steps it addresses.", { metric: expected.name })
                : t("None of the steps this opportunity addresses carries the metric '{metric}' it expects to move.", { metric: expected.name }), {
                node: opportunity.expectations[0], property: 'metric',
                code: measured ? IssueCodes.OpportunityMeasuredWithoutValue : IssueCodes.OpportunityMetricNotCarried,
                data: { code: measured ? IssueCodes.OpportunityMeasuredWithoutValue : IssueCodes.OpportunityMetricNotCarried }
            });
        }
    }
}
