import { AstUtils, WorkspaceCache, type AstNode, type LangiumDocument, type Reference, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver';
import {
    isJourney, isStep, type Import, type Emotion, type Journey, type JourneyAstType, type JourneyFile,
    type Claim, type LaneAction, type MetricDefinition, type MetricValue, type Opportunity, type Persona, type Range, type Step
} from './generated/ast.js';
import { confidences, opportunityStatuses, type Confidence, type OpportunityStatus } from '../model/journey-model.js';
import { didYouMean } from './did-you-mean.js';
import { findFlowProblems, type FlowProblems } from './journey-flow.js';
import type { JourneyImports } from './journey-imports.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import type { JourneyServices } from './journey-module.js';
import { stepsOf } from './journey-scope.js';
import { t } from '../model/localisation.js';
import { intendedComparison, isWellWritten } from './target-comparison.js';
import { checkMetricValue, metricUnits } from './metric-units.js';
import { emotionScaleOf } from './journey-values.js';

export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    const checks: ValidationChecks<JourneyAstType> = {
        JourneyFile: [validator.checkUniqueTopLevelNames, validator.checkUnused],
        Import: validator.checkImport,
        Persona: validator.checkPersona,
        MetricDefinition: validator.checkMetricDefinition,
        Range: validator.checkRange,
        Journey: [validator.checkJourney, validator.checkFlow, validator.checkAmbiguousPersonas],
        Step: [validator.checkStep, validator.checkNextTargets, validator.checkAmbiguousReferences],
        Opportunity: validator.checkOpportunity,
        Claim: validator.checkClaim,
        LaneAction: validator.checkLaneAction,
        MetricValue: validator.checkMetricValue
    };
    registry.register(checks, validator);
}

/** The rules of the language (docs/language.md) that need only the linked AST. Data links are checked in journey-data-link-validator.ts. */
export class JourneyValidator {
    private readonly imports: JourneyImports;
    private readonly services: JourneyServices;
    /** Per journey, the steps no path reaches: asked by the journey's check and by every opportunity addressing its steps. */
    private readonly flowProblems: WorkspaceCache<Journey, FlowProblems>;
    /** Per file and type, the imported files that declare each name: asked for every reference of every step. */
    private readonly declaringFiles: WorkspaceCache<string, Map<string, string[]>>;

    constructor(services: JourneyServices) {
        this.services = services;
        this.imports = services.journey.Imports;
        this.declaringFiles = new WorkspaceCache(services.shared);
        this.flowProblems = new WorkspaceCache(services.shared);
    }

    private flowProblemsOf(journey: Journey): FlowProblems {
        return this.flowProblems.get(journey, () => findFlowProblems(journey));
    }

    checkUniqueTopLevelNames(file: JourneyFile, accept: ValidationAcceptor): void {
        reportDuplicates(file.elements, element => `${element.$type}:${element.name}`, accept, t('this file'));
    }

    checkImport(imp: Import, accept: ValidationAcceptor): void {
        const resolved = this.imports.resolve(imp);
        if (resolved.kind === 'outside') {
            accept('error', t('Import "{path}" {reason}.', { path: imp.path, reason: resolved.reason }), { node: imp, property: 'path', code: IssueCodes.PathOutsideWorkspace, data: { code: IssueCodes.PathOutsideWorkspace } });
            return;
        }
        if (!this.imports.importedDocument(imp)) {
            accept('error', t('Cannot find "{path}": no .journey file at {file}. Check the path (it is relative to this file).', { path: imp.path, file: resolved.uri.path }), {
                node: imp, property: 'path', code: IssueCodes.ImportNotFound, data: { code: IssueCodes.ImportNotFound }
            });
            return;
        }
        const cycle = this.imports.findCycle(imp);
        if (cycle) {
            const chain = [AstUtils.getDocument(imp).uri, ...cycle].map(uri => uri.path.split('/').pop()).join(' → ');
            accept('error', t('Import cycle: {chain}. Move the shared declarations into a file that imports neither.', { chain }), {
                node: imp, property: 'path', code: IssueCodes.ImportCycle, data: { code: IssueCodes.ImportCycle }
            });
        }
    }

    checkPersona(persona: Persona, accept: ValidationAcceptor): void {
        reportRepeated(persona, 'roles', t('role'), accept);
        reportRepeated(persona, 'quotes', t('quote'), accept);
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

    checkJourney(journey: Journey, accept: ValidationAcceptor): void {
        reportRepeated(journey, 'emotionScales', t('emotion scale'), accept);
        const scope = t("journey '{name}'", { name: journey.name });
        reportDuplicates(journey.stages, stage => stage.name, accept, scope);
        reportDuplicates(stepsOf(journey), step => step.name, accept, scope);
    }

    checkFlow(journey: Journey, accept: ValidationAcceptor): void {
        const problems = this.flowProblemsOf(journey);
        for (const step of problems.unreachable) {
            accept('warning', t("No path reaches step '{name}': add it to the `next` of an earlier step, or remove it.", { name: step.name }), {
                node: step, property: 'name', code: IssueCodes.UnreachableStep, data: { code: IssueCodes.UnreachableStep }
            });
        }
        for (const step of problems.deadEnds) {
            accept('warning', t("Step '{name}' is a dead end: every path from it loops back and never ends. Add `exit` or a `next` that leads on.", { name: step.name }), {
                node: step, property: 'name', code: IssueCodes.DeadEnd, data: { code: IssueCodes.DeadEnd }
            });
        }
    }

    checkStep(step: Step, accept: ValidationAcceptor): void {
        // One emotion for everyone, and one per persona: a second one of either is repeated.
        const seen = new Set<string>();
        step.emotions.forEach((emotion, index) => {
            const whose = emotion.persona?.$refText ?? '';
            if (seen.has(whose)) {
                accept('error', t('A step has more than one {property}; keep one.', { property: whose ? t('emotion of {persona}', { persona: whose }) : t('emotion') }), {
                    node: step, property: 'emotions', index, code: IssueCodes.RepeatedProperty, data: { code: IssueCodes.RepeatedProperty }
                });
            }
            seen.add(whose);
        });
        reportRepeated(step, 'measuredEmotions', t('measured emotion'), accept);
        const journey = AstUtils.getContainerOfType(step, isJourney);
        if (!journey) {
            return;
        }
        for (const emotion of step.emotions) this.checkEmotionScore(emotion, emotionScaleOf(journey), accept);
    }

    private checkEmotionScore(emotion: Emotion, scale: { min: number; max: number }, accept: ValidationAcceptor): void {
        if (emotion.score < scale.min || emotion.score > scale.max) {
            const clampedValue = Math.min(scale.max, Math.max(scale.min, emotion.score));
            const data: IssueData = { code: IssueCodes.EmotionOutOfScale, clampedValue };
            accept('error', t("Emotion {score} is outside the journey's scale {min}..{max}; use a score from {min} to {max}.", { score: emotion.score, min: scale.min, max: scale.max }), {
                node: emotion, property: 'score', code: IssueCodes.EmotionOutOfScale, data
            });
        }
    }

    checkNextTargets(step: Step, accept: ValidationAcceptor): void {
        if (step.exit && step.next.length > 0) {
            // The flow follows `next`, so the `exit` says something the flow ignores.
            accept('warning', t("Step '{name}' is marked `exit` but also has `next`: remove one of them.", { name: step.name }), {
                node: step, keyword: 'exit', code: IssueCodes.ExitWithNext, data: { code: IssueCodes.ExitWithNext }
            });
        }
        const journey = AstUtils.getContainerOfType(step, isJourney);
        step.next.forEach((reference, index) => {
            const target = reference.ref;
            const targetJourney = target && AstUtils.getContainerOfType(target, isJourney);
            if (targetJourney && targetJourney !== journey) {
                accept('error', t("Step '{step}' belongs to journey '{other}': `next` can only lead to a step of '{journey}'.", { step: target.name, other: targetJourney.name, journey: journey?.name ?? '' }), {
                    node: step, property: 'next', index, code: IssueCodes.NextToOtherJourney, data: { code: IssueCodes.NextToOtherJourney }
                });
            }
        });
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

    /** An unqualified name found in two imported files resolves to the first; say so. */
    checkAmbiguousReferences(step: Step, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(step);
        step.personas.forEach((reference, index) => this.reportAmbiguity(document, reference, 'Persona', accept, { node: step, property: 'personas', index }));
        step.channels.forEach((reference, index) => this.reportAmbiguity(document, reference, 'Channel', accept, { node: step, property: 'channels', index }));
        step.metrics.forEach(value => this.reportAmbiguity(document, value.metric, 'MetricDefinition', accept, { node: value, property: 'metric' }));
    }

    checkAmbiguousPersonas(journey: Journey, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(journey);
        journey.personas.forEach((reference, index) => this.reportAmbiguity(document, reference, 'Persona', accept, { node: journey, property: 'personas', index }));
    }

    private reportAmbiguity(document: LangiumDocument, reference: Reference | undefined, type: string, accept: ValidationAcceptor,
        location: { node: AstNode; property: string; index?: number }): void {
        const name = reference?.$refText;
        // No reference (text that did not parse), a qualified one, or one resolved in this file: nothing is ambiguous.
        if (!reference || !name || name.includes('.') || !reference.ref || AstUtils.getDocument(reference.ref) === document) {
            return;
        }
        const declaringFiles = this.filesDeclaring(document, type).get(name) ?? [];
        if (declaringFiles.length > 1) {
            accept('warning', t("'{name}' is declared in {files}; qualify it (for example `namespace.{name}`) to choose one.", { name, files: declaringFiles.join(t(' and ')) }), {
                ...location, code: IssueCodes.AmbiguousReference, data: { code: IssueCodes.AmbiguousReference }
            } as never);
        }
    }

    /** The imported files that declare each name of a type, by file name. */
    private filesDeclaring(document: LangiumDocument, type: string): Map<string, string[]> {
        return this.declaringFiles.get(`${document.uri.toString()}#${type}`, () => {
            const imported = this.imports.importedDocuments(document);
            const files = new Map<string, string[]>();
            if (imported.size === 0) return files;
            for (const description of this.services.shared.workspace.IndexManager.allElements(type, new Set(imported.keys()))) {
                const file = description.documentUri.path.split('/').pop()!;
                const known = files.get(description.name);
                if (!known) files.set(description.name, [file]);
                else if (!known.includes(file)) known.push(file);
            }
            return files;
        });
    }

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
            if (step && journey && this.flowProblemsOf(journey).unreachable.includes(step)) {
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

    /** The research behind a pain point or moment of truth: one confidence of the three, evidence with text. */
    checkClaim(claim: Claim, accept: ValidationAcceptor): void {
        reportRepeated(claim, 'confidences', t('confidence'), accept);
        claim.confidences.forEach((confidence, index) => {
            if (confidences.includes(confidence as Confidence)) return;
            accept('error', t("Unknown confidence '{confidence}': use low, medium or high.", { confidence }), {
                node: claim, property: 'confidences', index, code: IssueCodes.ConfidenceUnknown,
                data: { code: IssueCodes.ConfidenceUnknown, suggestions: didYouMean(confidence, [...confidences]) }
            });
        });
        claim.evidence.forEach((evidence, index) => {
            if (evidence.trim() === '') accept('warning', t('This evidence is empty: say where the claim comes from.'), { node: claim, property: 'evidence', index, code: IssueCodes.EmptyText, data: { code: IssueCodes.EmptyText } });
        });
    }

    /** A blueprint action says what is done, and an owner who does it when one is named. */
    checkLaneAction(action: LaneAction, accept: ValidationAcceptor): void {
        if (typeof action.text === 'string' && action.text.trim() === '') {
            accept('warning', t('This blueprint action is empty: say what the service does here.'), { node: action, property: 'text', code: IssueCodes.EmptyText, data: { code: IssueCodes.EmptyText } });
        }
        if (typeof action.owner === 'string' && action.owner.trim() === '') {
            accept('warning', t('The owner is empty: name the team, or leave `owner` out.'), { node: action, property: 'owner', code: IssueCodes.EmptyText, data: { code: IssueCodes.EmptyText } });
        }
    }

    checkUnused(file: JourneyFile, accept: ValidationAcceptor): void {
        // Asking the index costs a pass over every reference of the workspace: only for a file that declares something.
        if (!file.elements.some(element => unusedCodes[element.$type])) return;
        const uri = AstUtils.getDocument(file).uri;
        const used = this.services.shared.workspace.IndexManager.referencedPaths(uri);
        const locator = this.services.workspace.AstNodeLocator;
        for (const element of file.elements) {
            const kind = unusedCodes[element.$type];
            const path = kind && locator.getAstNodePath(element);
            if (kind && !used.has(path)) {
                // `target` names the node as references do: a check split over threads drops the hint if another thread uses it.
                accept('hint', kind.message(element.name), {
                    node: element, property: 'name', code: kind.code, tags: [DiagnosticTag.Unnecessary],
                    data: { code: kind.code, target: `${uri.toString()}#${path}` }
                });
            }
        }
    }
}

const unusedCodes: Record<string, { code: string; message: (name: string) => string }> = {
    Persona: { code: IssueCodes.UnusedPersona, message: name => t("Persona '{name}' is never used.", { name }) },
    Channel: { code: IssueCodes.UnusedChannel, message: name => t("Channel '{name}' is never used.", { name }) },
    MetricDefinition: { code: IssueCodes.UnusedMetric, message: name => t("Metric '{name}' is never used.", { name }) }
};

// The helpers below name properties of many node types; Langium types `property` per node
// type, so their diagnostic infos are cast (`as never`) where TypeScript cannot follow.
function reportDuplicates<T extends AstNode & { name: string }>(nodes: T[], key: (node: T) => string, accept: ValidationAcceptor, scope: string): void {
    const seen = new Map<string, T>();
    for (const node of nodes) {
        const first = seen.get(key(node));
        if (first) {
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            accept('error', t("Duplicate name '{name}' in {scope} (first declared on line {line}); rename one of them.", { name: node.name, scope, line }), {
                node, property: 'name', code: IssueCodes.DuplicateName, data: { code: IssueCodes.DuplicateName }
            } as never);
        } else {
            seen.set(key(node), node);
        }
    }
}

export function reportRepeated<T extends AstNode>(node: T, property: keyof T & string, label: string, accept: ValidationAcceptor): void {
    const values = node[property] as unknown[];
    for (let index = 1; index < values.length; index++) {
        const message = isStep(node) ? t('A step has more than one {property}; keep one.', { property: label }) : t('This has more than one {property}; keep one.', { property: label });
        accept('error', message, {
            node, property, index, code: IssueCodes.RepeatedProperty, data: { code: IssueCodes.RepeatedProperty }
        } as never);
    }
}

