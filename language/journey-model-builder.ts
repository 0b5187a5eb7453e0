import { AstUtils, isJSDoc, parseJSDoc, type AstNode, type CommentProvider, type DocumentationProvider, type LangiumDocument } from 'langium';
import { isCompleteLink } from '../metrics/data-link.js';
import { resolveMeasuredEmotion, selectQuotes } from '../metrics/survey-link.js';
import { emotionScaleOf, resolveMetricValue } from './journey-values.js';
import { isSurveyUnit } from '../metrics/survey-scores.js';
import type { DataTable } from '../metrics/data-table.js';
import { queryEngineOf, type DataSources } from './journey-data-sources.js';
import { metricStatus } from '../metrics/metric-status.js';
import { aggregateStageMetrics, defaultAggregation } from '../metrics/stage-aggregate.js';
import {
    isChannel, isDataSource, isJourney, isMetricDefinition, isOpportunity, isPersona, isStage, isStory, isView,
    type Opportunity, type Claim,
    type Channel, type DataLink, type DataSource, type MeasuredEmotion, type Journey, type JourneyFile, type MetricDefinition, type MetricValue, type Persona, type Stage, type Step
} from './generated/ast.js';
import {
    blueprintLanes, confidences, opportunityStatuses, type ClaimModel, type Confidence,
    type ChannelModel, type DataSourceModel, type JourneyMapModel, type JourneyModel, type MetricModel, type MetricValueModel, type OpportunityModel,
    type OpportunityStatus, type PersonaModel, type SourceRange, type StageModel, type StepModel,
    type DataLinkModel, type MeasuredEmotionModel, type Scale
} from '../model/journey-model.js';
import type { JourneyServices } from './journey-module.js';
import type { ObservedPathsModel } from '../model/observed-paths.js';
import { t } from '../model/localisation.js';
import { intendedComparison } from '../metrics/target-comparison.js';
import { stepDetail, storyModel, viewModel } from './journey-view-models.js';

/**
 * Turns a built document into the JourneyModel. Declarations from imported files appear
 * in the model when the file uses them; unresolved references are left out (the
 * validator reports them). Data-linked metric values are read here, once.
 */
export class JourneyModelBuilder {
    private readonly dataSources: DataSources;
    private readonly documentation: DocumentationProvider;
    private readonly comments: CommentProvider;

    constructor(services: JourneyServices) {
        this.dataSources = services.journey.DataSources;
        this.documentation = services.documentation.DocumentationProvider;
        this.comments = services.documentation.CommentProvider;
    }

    async build(document: LangiumDocument): Promise<JourneyModel> {
        const file = document.parseResult.value as JourneyFile;
        const journeys = named(file.elements.filter(isJourney));
        const steps = journeys.flatMap(journey => named(journey.stages).flatMap(stage => named(stage.steps)));
        const views = named(file.elements.filter(isView));
        const used = [...journeys, ...steps, ...views].flatMap(user => user.personas.map(persona => persona.ref));
        const personas = unique([...named(file.elements.filter(isPersona)), ...used]);
        const channels = unique([...named(file.elements.filter(isChannel)), ...steps.flatMap(s => s.channels.map(c => c.ref))]);
        const metrics = unique([...named(file.elements.filter(isMetricDefinition)), ...steps.flatMap(s => s.metrics.map(m => m.metric?.ref))]);
        const metricModels = new Map(metrics.map(metric => [metric, metricModel(metric)]));
        const links = [
            ...steps.flatMap(step => step.metrics.flatMap(value => value.value ?? [])),
            ...steps.flatMap(step => [...step.measuredEmotions, ...step.quoteLinks])
        ];
        const logs = journeys.flatMap(journey => journey.pathSources.map(reading => reading.log?.ref));
        const dataSources = unique([...named(file.elements.filter(isDataSource)), ...links.map(link => link.source?.ref), ...logs]);
        return withoutUndefined({
            uri: document.uri.toString(),
            language: file.language?.toLowerCase(),
            imports: file.imports.filter(entry => typeof entry.path === 'string').map(entry => ({ path: entry.path, alias: entry.alias, range: rangeOf(entry) })),
            personas: personas.map(persona => this.persona(persona)),
            channels: channels.map(channel => this.channel(channel)),
            metrics: [...metricModels.values()],
            dataSources: dataSources.map(dataSourceModel),
            opportunities: named(file.elements.filter(isOpportunity)).map(opportunity => opportunityModel(opportunity, document)),
            journeys: await Promise.all(journeys.map(journey => this.journey(journey, metricModels))),
            views: ifAny(views.map(view => viewModel(view, rangeOf))),
            stories: ifAny(named(file.elements.filter(isStory)).map(story => storyModel(story, document, rangeOf)))
        });
    }

    private persona(persona: Persona): PersonaModel {
        return {
            name: persona.name, title: persona.title, role: texts(persona.roles)[0], goals: texts(persona.goals), frustrations: texts(persona.frustrations),
            quote: texts(persona.quotes)[0], documentation: this.documentation.getDocumentation(persona), range: rangeOf(persona)
        };
    }

    private channel(channel: Channel): ChannelModel {
        return { name: channel.name, title: channel.title, kind: channel.kind as ChannelModel['kind'], range: rangeOf(channel) };
    }

    private async journey(journey: Journey, metrics: Map<MetricDefinition, MetricModel>): Promise<JourneyMapModel> {
        const scale = emotionScaleOf(journey);
        return {
            name: journey.name, title: journey.title, ...this.journeyDocumentation(journey),
            personas: journey.personas.flatMap(p => p.ref ? [p.ref.name] : []),
            starts: journey.starts.flatMap(s => s.ref ? [s.ref.name] : []),
            emotionScale: { min: scale.min, max: scale.max },
            stages: await Promise.all(named(journey.stages).map(stage => this.stage(stage, metrics, scale))),
            observedPaths: await this.observedPaths(journey),
            range: rangeOf(journey)
        };
    }

    /** `paths from clicks`: the journey's numbers from the map's paths snapshot, or why there are none yet. */
    private async observedPaths(journey: Journey): Promise<ObservedPathsModel | undefined> {
        const reading = journey.pathSources[0];
        if (!reading?.log?.ref) return undefined;
        const loaded = await this.dataSources.pathsSnapshot(AstUtils.getDocument(journey).uri);
        const model: ObservedPathsModel = { source: reading.log.ref.name, goal: reading.goal?.ref?.name, snapshot: loaded.uri.toString() };
        if (loaded.kind === 'missing') return { ...model, missing: t('No snapshot of the paths yet: run `journeymap data pull`.') };
        if (loaded.kind === 'unreadable') return { ...model, missing: t('The paths snapshot cannot be read: {reason}.', { reason: loaded.reason }) };
        const paths = loaded.snapshot.journeys.find(entry => entry.journey === journey.name);
        if (!paths) return { ...model, missing: t('The paths snapshot has nothing on this journey yet: run `journeymap data pull`.') };
        return { ...model, pulledAt: loaded.snapshot.pulledAt, paths };
    }

    /**
     * A journey's documentation comment: its text is the description, and an `@accTitle` tag the
     * title a screen reader announces (Mermaid's accTitle and accDescr). Langium renders the tag
     * as `*@accTitle* — text`; that line is taken out of the description.
     */
    private journeyDocumentation(journey: Journey): Pick<JourneyMapModel, 'documentation' | 'accessibleTitle'> {
        const documentation = this.documentation.getDocumentation(journey);
        const comment = this.comments.getComment(journey);
        const tag = comment && isJSDoc(comment) ? parseJSDoc(comment).getTag('accTitle') : undefined;
        if (!tag) return { documentation };
        const description = documentation?.replace(/^\*@accTitle\*.*$/m, '').trim();
        return { documentation: description || undefined, accessibleTitle: tag.content.toString().trim() || undefined };
    }

    private async stage(stage: Stage, metrics: Map<MetricDefinition, MetricModel>, emotionScale: Scale): Promise<StageModel> {
        const steps = await Promise.all(named(stage.steps).map(step => this.step(step, metrics, emotionScale)));
        return { name: stage.name, title: stage.title, steps, metrics: aggregateStageMetrics(steps, [...metrics.values()]), range: rangeOf(stage) };
    }

    private async step(step: Step, metrics: Map<MetricDefinition, MetricModel>, emotionScale: Scale): Promise<StepModel> {
        const scored = step.emotions.filter(candidate => typeof candidate.score === 'number' && Number.isFinite(candidate.score));
        const emotion = scored.find(candidate => !candidate.persona);
        const personaEmotions = scored.flatMap(candidate => candidate.persona?.ref
            ? [{ persona: candidate.persona.ref.name, score: candidate.score, feeling: candidate.feeling, note: candidate.note }] : []);
        return {
            name: step.name, title: step.title,
            personas: step.personas.flatMap(p => p.ref ? [p.ref.name] : []),
            channels: step.channels.flatMap(c => c.ref ? [c.ref.name] : []),
            touchpoints: texts(step.touchpoints),
            emotion: emotion && { score: emotion.score, feeling: emotion.feeling, note: emotion.note },
            personaEmotions: personaEmotions.length > 0 ? personaEmotions : undefined,
            measuredEmotion: step.measuredEmotions.length > 0 ? await this.measuredEmotion(step, emotionScale) : undefined,
            quotes: step.quoteLinks.length > 0 ? await this.quotes(step) : undefined,
            pains: claimTexts(step.pains), opportunities: texts(step.opportunities), momentsOfTruth: claimTexts(step.momentsOfTruth),
            claims: [...claimModels('pain', step.pains), ...claimModels('moment', step.momentsOfTruth)],
            blueprint: blueprintLanes.flatMap(lane => step[lane].filter(action => typeof action.text === 'string').map(action => ({ lane, text: action.text, owner: action.owner }))),
            failPoints: texts(step.failPoints),
            opportunityRefs: step.opportunityRefs.map(reference => reference.$refText).filter(Boolean), owners: texts(step.owners),
            metrics: (await Promise.all(step.metrics.map(value => this.metricValue(value, metrics)))).filter(m => m !== undefined),
            next: step.next.flatMap(n => n.ref ? [n.ref.name] : []),
            exit: step.exit,
            events: step.events.length > 0 ? texts(step.events) : undefined,
            ...stepDetail(step, emotionScale, AstUtils.getDocument(step)),
            range: rangeOf(step)
        };
    }

    private async metricValue(value: MetricValue, metrics: Map<MetricDefinition, MetricModel>): Promise<MetricValueModel | undefined> {
        const definition = value.metric?.ref;
        // A written number needs no data: no await for the metric line on most steps.
        const resolved = value.number !== undefined
            ? { kind: 'written' as const, value: value.number }
            : await resolveMetricValue(value, this.dataSources);
        if (!definition || resolved.kind === 'incomplete') {
            return undefined; // text that did not parse: the parser reports it
        }
        const status = (number: number | undefined) => metricStatus(metrics.get(definition), number);
        if (resolved.kind === 'written') {
            return { metric: definition.name, value: resolved.value, status: status(resolved.value), range: rangeOf(value) };
        }
        const link = linkModel(value.value!);
        if (resolved.kind === 'unread') {
            return { metric: definition.name, link, status: 'no-data', range: rangeOf(value) };
        }
        const found = 'problem' in resolved.found ? undefined : resolved.found;
        return {
            metric: definition.name, value: found?.value, link, origin: { uri: resolved.uri.toString(), line: found?.line },
            series: found?.series, sample: found?.sample, status: status(found?.value), range: rangeOf(value)
        };
    }

    /** `emotion from survey.score scale 0..10 where …`, when its answers can be read. */
    async measuredEmotion(step: Step, journeyScale: Scale): Promise<MeasuredEmotionModel | undefined> {
        const measured = step.measuredEmotions[0];
        const dataSource = measured?.source?.ref;
        if (!measured || !dataSource || !isCompleteLink(measured) || !measured.scale || !(measured.scale.min < measured.scale.max)) return undefined;
        const source = await this.dataSources.load(dataSource);
        if (source.kind !== 'table') return undefined;
        const answerScale = { min: measured.scale.min, max: measured.scale.max };
        const result = resolveMeasuredEmotion(measured, answerScale, source.table, journeyScale, dataSource.period);
        if (result.kind !== 'measured' || result.score === undefined) return undefined;
        return { score: result.score, mean: result.mean!, answerScale, n: result.n, link: linkModel(measured) };
    }

    /** `quotes from survey.comment where …`: ordered by the score column of the step's other links to the same file. */
    async quotes(step: Step): Promise<string[] | undefined> {
        const quotes: string[] = [];
        for (const link of step.quoteLinks) {
            const dataSource = link.source?.ref;
            if (!dataSource || !isCompleteLink(link)) continue;
            const source = await this.dataSources.load(dataSource);
            if (source.kind !== 'table') continue;
            const chosen = selectQuotes(link, source.table, scoreColumnFor(step, dataSource, source.table));
            if (Array.isArray(chosen)) quotes.push(...chosen.filter(quote => !quotes.includes(quote)));
        }
        return quotes.length > 0 ? quotes : undefined;
    }
}

/** A metric definition as the model holds it; the default aggregation is filled in. */
export function metricModel(metric: MetricDefinition): MetricModel {
    const unit = metric.unit as MetricModel['unit'];
    return {
        name: metric.name, title: metric.title, unit, currency: metric.currency,
        scale: metric.scale && { min: metric.scale.min, max: metric.scale.max },
        target: metric.target && { comparison: intendedComparison(metric.target.comparison), value: metric.target.value },
        warn: metric.warn,
        aggregate: (metric.aggregate as MetricModel['aggregate'] | undefined) ?? defaultAggregation(unit),
        range: rangeOf(metric)
    };
}

function dataSourceModel(source: DataSource): DataSourceModel {
    const query = typeof source.query === 'string' ? { path: source.query, engine: queryEngineOf(source) ?? 'duckdb' } : undefined;
    const log = source.eventLog;
    const eventLog = log && { case: log.caseColumn, activity: log.activityColumn, time: log.timeColumn, variant: log.variantColumn };
    return { name: source.name, path: source.path, period: source.period, query, eventLog, range: rangeOf(source) };
}

function linkModel(link: DataLink | MeasuredEmotion): DataLinkModel {
    return { source: link.source?.$refText ?? '', column: link.column, conditions: link.conditions.map(c => ({ key: c.key, value: c.text ?? c.number ?? '' })) };
}

/** The column whose answers order a step's quotes: that of its measured emotion or survey metric on the same file, else `score`. */
function scoreColumnFor(step: Step, source: DataSource, table: DataTable): string | undefined {
    const measured = step.measuredEmotions.find(candidate => candidate.source?.ref === source)?.column;
    const surveyed = step.metrics.find(value => value.value?.$type === 'DataLink' && value.value.source?.ref === source && isSurveyUnit(value.metric?.ref?.unit));
    const column = measured ?? (surveyed?.value as DataLink | undefined)?.column ?? 'score';
    return table.columns.includes(column) ? column : undefined;
}

/**
 * Drops the properties left undefined, so that a model compares and serialises the same
 * however it was built. In place: the model is freshly made here, and copying it whole is slow.
 */
function withoutUndefined<T>(value: T): T {
    if (Array.isArray(value)) {
        for (const element of value) withoutUndefined(element);
    } else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        for (const key in record) {
            if (record[key] === undefined) delete record[key];
            else withoutUndefined(record[key]);
        }
    }
    return value;
}

/**
 * Text that does not parse still becomes an AST, with holes where the parser recovered:
 * elements without a name and list entries without their string are left out of the model.
 */
function named<T extends { name?: string }>(nodes: T[]): T[] {
    return nodes.filter(node => typeof node.name === 'string' && node.name !== '');
}

/** An opportunity as declared: its first owner, status, value and effort (a repeated line is reported), the steps it addresses. */
function opportunityModel(opportunity: Opportunity, document: LangiumDocument): OpportunityModel {
    const expectation = opportunity.expectations[0];
    const target = expectation?.target;
    const status = opportunity.statuses[0];
    return {
        name: opportunity.name, title: opportunity.title, owner: texts(opportunity.owners)[0],
        status: opportunityStatuses.includes(status as OpportunityStatus) ? status as OpportunityStatus : undefined,
        value: opportunity.values[0], effort: opportunity.efforts[0],
        addresses: opportunity.addresses.map(reference => reference.$refText).filter(Boolean),
        addressed: opportunity.addresses.flatMap(reference => {
            const step = reference.ref;
            const stage = step?.$container;
            const journey = stage?.$container;
            if (!step || !isStage(stage) || !isJourney(journey)) return [];
            const uri = AstUtils.getDocument(step).uri.toString();
            return [{ journey: journey.name, stage: stage.name, step: step.name, uri: uri === document.uri.toString() ? undefined : uri }];
        }),
        expects: expectation?.metric?.$refText ? {
            metric: expectation.metric.$refText,
            target: target && typeof target.value === 'number' ? { comparison: intendedComparison(target.comparison), value: target.value } : undefined
        } : undefined,
        evidence: texts(opportunity.evidence), range: rangeOf(opportunity)
    };
}

function claimTexts(claims: Claim[]): string[] {
    return texts(claims.map(claim => claim.text));
}

/** The claims written with a block: their evidence and confidence (an unknown confidence is reported, and left out). */
function claimModels(kind: ClaimModel['kind'], claims: Claim[]): ClaimModel[] {
    return claims.filter(claim => typeof claim.text === 'string' && (claim.evidence.length > 0 || claim.confidences.length > 0)).map(claim => ({
        kind, text: claim.text, evidence: texts(claim.evidence),
        confidence: confidences.includes(claim.confidences[0] as Confidence) ? claim.confidences[0] as Confidence : undefined
    }));
}

function texts(values: Array<string | undefined>): string[] {
    return values.filter((value): value is string => typeof value === 'string');
}

function ifAny<T>(items: T[]): T[] | undefined {
    return items.length > 0 ? items : undefined;
}

function unique<T>(items: Array<T | undefined>): T[] {
    return [...new Set(items.filter((item): item is T => item !== undefined))];
}

function rangeOf(node: AstNode): SourceRange | undefined {
    const range = node.$cstNode?.range;
    return range && { uri: AstUtils.getDocument(node).uri.toString(), start: range.start, end: range.end };
}
