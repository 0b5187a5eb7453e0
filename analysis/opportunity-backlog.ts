import { metricStatus } from '../metrics/metric-status.js';
import {
    displayName,
    opportunityStatuses,
    type JourneyModel,
    type MetricStatus,
    type OpportunityModel,
    type OpportunityStatus,
    type SourceRange,
    type StepModel
} from '../model/journey-model.js';

/** A step an opportunity addresses, with what the map says about it. */
export interface BacklogStep {
    journey: string;
    stage: string;
    step: string;
    /** The lowest emotion of the step (of any persona), if it has one. */
    lowestEmotion?: number;
    pains: string[];
    /** The value of the expected metric at this step, if the step carries it. */
    metricValue?: number;
    metricStatus?: MetricStatus;
    /** Where the step is written, for a view that links to it. */
    range?: SourceRange;
}

/** One opportunity of the backlog, as `journeymap opportunities` lists it. */
export interface BacklogRow {
    id: string;
    title: string;
    owner?: string;
    status?: OpportunityStatus;
    value?: number;
    effort?: number;
    /** The file that declares it. */
    uri: string;
    steps: BacklogStep[];
    expects?: { metric: string; comparison?: '>=' | '<='; target?: number };
    evidence: string[];
}

/**
 * Every opportunity declared in the given models, each with the steps it addresses found in
 * them (its own file's, or an imported one's), sorted as a team picks work: most value for
 * the effort first, then most value, then by id.
 */
export function opportunityBacklog(models: JourneyModel[]): BacklogRow[] {
    const modelsByUri = new Map(models.map(model => [model.uri, model]));
    const rows = models.flatMap(model =>
        (model.opportunities ?? []).map(opportunity => backlogRow(opportunity, model, modelsByUri))
    );
    return rows.sort(byPriority);
}

/** The rows of an owner and in a status, when those filters are given. */
export function filterBacklog(rows: BacklogRow[], filter: { status?: string[]; owner?: string[] }): BacklogRow[] {
    return rows.filter(
        row =>
            (!filter.status?.length || (row.status !== undefined && filter.status.includes(row.status))) &&
            (!filter.owner?.length ||
                (row.owner !== undefined &&
                    filter.owner.some(owner => owner.toLowerCase() === row.owner!.toLowerCase())))
    );
}

export function isOpportunityStatus(word: string): word is OpportunityStatus {
    return (opportunityStatuses as readonly string[]).includes(word);
}

function backlogRow(
    opportunity: OpportunityModel,
    model: JourneyModel,
    modelsByUri: Map<string, JourneyModel>
): BacklogRow {
    const steps = opportunity.addressed.flatMap(address => {
        const journey = (address.uri ? modelsByUri.get(address.uri) : model)?.journeys.find(
            candidate => candidate.name === address.journey
        );
        const stage = journey?.stages.find(candidate => candidate.steps.some(step => step.name === address.step));
        const step = stage?.steps.find(candidate => candidate.name === address.step);
        return journey && stage && step
            ? [backlogStep(displayName(journey), displayName(stage), step, opportunity.expects)]
            : [];
    });
    return {
        id: opportunity.name,
        title: displayName(opportunity),
        owner: opportunity.owner,
        status: opportunity.status,
        value: opportunity.value,
        effort: opportunity.effort,
        uri: model.uri,
        steps,
        expects: opportunity.expects && {
            metric: opportunity.expects.metric,
            comparison: opportunity.expects.target?.comparison,
            target: opportunity.expects.target?.value
        },
        evidence: opportunity.evidence
    };
}

function backlogStep(
    journey: string,
    stage: string,
    step: StepModel,
    expects: OpportunityModel['expects']
): BacklogStep {
    const scores = [step.emotion?.score, ...(step.personaEmotions ?? []).map(emotion => emotion.score)].filter(
        (score): score is number => score !== undefined
    );
    const value = expects ? step.metrics.find(candidate => candidate.metric === expects.metric) : undefined;
    return {
        journey,
        stage,
        step: displayName(step),
        lowestEmotion: scores.length > 0 ? Math.min(...scores) : undefined,
        pains: step.pains,
        // Where the opportunity expects it, when it gives a target of its own; else the metric's own status.
        metricValue: value?.value,
        metricStatus:
            value && expects?.target && value.value !== undefined
                ? metricStatus({ target: expects.target }, value.value)
                : value?.status,
        range: step.range
    };
}

function priority(row: BacklogRow): number {
    return row.value !== undefined && row.effort !== undefined && row.effort > 0 ? row.value / row.effort : -1;
}

function byPriority(a: BacklogRow, b: BacklogRow): number {
    return priority(b) - priority(a) || (b.value ?? -1) - (a.value ?? -1) || a.id.localeCompare(b.id);
}
