/**
 * The JourneyModel: the one plain, serialisable shape every consumer reads (renderers,
 * diff, CLI, preview). Built from the validated AST by `buildJourneyModel`; holds no AST
 * nodes, only names, values and source ranges, so it can be sent to a webview as JSON and
 * tests can write it by hand.
 */

import type { ObservedPathsModel } from './observed-paths.js';
import type { MapLane } from './view-registry.js';
import type { aggregations, channelKinds } from './journey-keywords.generated.js';

export interface SourcePosition {
    line: number;
    character: number;
}

/** Where an element is written: 0-based positions, as in LSP. */
export interface SourceRange {
    uri: string;
    start: SourcePosition;
    end: SourcePosition;
}

export interface Scale {
    min: number;
    max: number;
}

export interface PersonaModel {
    name: string;
    title?: string;
    role?: string;
    goals: string[];
    frustrations: string[];
    quote?: string;
    documentation?: string;
    range?: SourceRange;
}

/** `online` or `offline`, as the grammar's ChannelKind says. */
export type ChannelKind = typeof channelKinds[number];

export interface ChannelModel {
    name: string;
    title?: string;
    kind?: ChannelKind;
    range?: SourceRange;
}

export type MetricUnit = 'percent' | 'score' | 'count' | 'currency' | 'duration' | 'ratio' | SurveyUnit;

/** Units whose linked value aggregates raw survey answers (one row per response) instead of reading one cell. */
export type SurveyUnit = 'nps' | 'csat' | 'ces';
export const surveyUnits: readonly SurveyUnit[] = ['nps', 'csat', 'ces'];

/** How many answers a survey value was computed from, and its 95 % margin (none from a single answer). */
export interface SurveySample {
    n: number;
    margin?: number;
}

/** How a stage sums up its steps' values of a metric. */
export type Aggregation = typeof aggregations[number];

export interface MetricModel {
    name: string;
    title?: string;
    unit?: MetricUnit;
    /** ISO 4217 code of a currency metric (`CNY`, `EUR`). */
    currency?: string;
    scale?: Scale;
    target?: { comparison: '>=' | '<='; value: number };
    /** The band next to the target where a value that misses it is only `close`. */
    warn?: number;
    /** As written, or the unit's default: counts and money add up, everything else is averaged. */
    aggregate: Aggregation;
    range?: SourceRange;
}

/**
 * met / missed against the target; close when it misses by no more than the warning band;
 * no-target when the metric has none; no-data when the value could not be read.
 */
export type MetricStatus = 'met' | 'close' | 'missed' | 'no-target' | 'no-data';

/** One value of a time series: its period (as written in the data) and the number. */
export interface PeriodValue {
    period: string;
    value: number;
    /** For a survey unit: the answers of that period. */
    sample?: SurveySample;
}

export interface MetricValueModel {
    metric: string;
    value?: number;
    /** For a value linked to data: the source, column and `where` conditions. */
    link?: DataLinkModel;
    /** The data file and the 1-based line of the row the value came from (CSV), to open it there. */
    origin?: { uri: string; line?: number };
    /** For a source with a `period` column: every period's value, oldest first; the last is `value`. */
    series?: PeriodValue[];
    /** For a survey unit (`nps`, `csat`, `ces`): how many answers the value comes from, and its margin. */
    sample?: SurveySample;
    status: MetricStatus;
    range?: SourceRange;
}

/** A stage's value of a metric, aggregated from its steps' values. */
export interface StageMetricModel {
    metric: string;
    value: number;
    aggregate: Aggregation;
    /** How many steps had a value. */
    count: number;
    status: MetricStatus;
}

export interface EmotionModel {
    score: number;
    feeling?: string;
    note?: string;
}

/**
 * `emotion from survey.score scale 0..10 where …`: what customers said, the mean answer mapped
 * linearly from the answers' scale onto the journey's emotion scale.
 */
export interface MeasuredEmotionModel {
    /** On the journey's emotion scale. */
    score: number;
    /** The mean answer, on the answers' own scale. */
    mean: number;
    answerScale: Scale;
    n: number;
    link: DataLinkModel;
}

/** A link into a data source: `survey.score where step = "checkout"`. */
export interface DataLinkModel {
    source: string;
    column: string;
    conditions: Array<{ key: string; value: string | number }>;
}

/** `emotion Bo 2 confused "…"`: how one persona of the step feels (the step's `emotion` is everyone else's). */
export interface PersonaEmotionModel {
    persona: string;
    score: number;
    feeling?: string;
    note?: string;
}

export type Confidence = 'low' | 'medium' | 'high';
export const confidences: readonly Confidence[] = ['low', 'medium', 'high'];

/** A pain point or moment of truth with the research behind it (only those written with a block). */
export interface ClaimModel {
    kind: 'pain' | 'moment';
    text: string;
    evidence: string[];
    confidence?: Confidence;
}

export type BlueprintLane = 'frontstage' | 'backstage' | 'support';
export const blueprintLanes: readonly BlueprintLane[] = ['frontstage', 'backstage', 'support'];

/** What the service does for a step in one lane of the service blueprint, and who does it. */
export interface LaneActionModel {
    lane: BlueprintLane;
    text: string;
    owner?: string;
}

export interface StepModel {
    name: string;
    title?: string;
    /** Who takes part in this step, when not every persona of the journey does (empty: all of them). */
    personas: string[];
    channels: string[];
    touchpoints: string[];
    emotion?: EmotionModel;
    /** Emotions of single personas, where the step gives them (one curve per persona on the map). */
    personaEmotions?: PersonaEmotionModel[];
    /** The emotion measured from survey answers (`emotion from …`). Without a written emotion, it is the curve. */
    measuredEmotion?: MeasuredEmotionModel;
    /** Customers' own words (`quotes from …`): comments of the lowest scores; evidence for the step's pains. */
    quotes?: string[];
    pains: string[];
    /** Ideas written on the step (`opportunity "…"`). */
    opportunities: string[];
    /** Declared opportunities the step names (`opportunity ShowShipping`), by name. */
    opportunityRefs?: string[];
    /** Who owns the step (`owner "Web team"`). */
    owners?: string[];
    /** The evidence and confidence of its pains and moments of truth, where written. */
    claims?: ClaimModel[];
    /** The service blueprint under the step: frontstage, backstage and support actions. */
    blueprint?: LaneActionModel[];
    /** Where the service can fail at this step (`fail point "…"`). */
    failPoints?: string[];
    momentsOfTruth: string[];
    metrics: MetricValueModel[];
    next: string[];
    exit: boolean;
    /** The event names of a log that mean the customer is at this step (`events "a", "b"`). */
    events?: string[];
    /** `detail Repair`: the journey that tells this step in detail (the journey library's next level). */
    detail?: string;
    /** What the step shows of its detail journey: where it is, and what rolls up from it. */
    detailSummary?: StepDetailModel;
    range?: SourceRange;
}

/**
 * The journey that details a step (`detail Repair`). Where the step writes no emotion or no pains
 * of its own, the detail journey's lowest emotion and its pain count stand in, marked as rolled up.
 */
export interface StepDetailModel {
    title?: string;
    /** The file that declares the journey, when it is not this one. */
    uri?: string;
    /** The detail journey's lowest written emotion, on the step's journey's scale; none when the step has one. */
    rolledUpEmotion?: number;
    /** How many pains the detail journey's steps write; none when the step writes its own. */
    rolledUpPains?: number;
}

export interface StageModel {
    name: string;
    title?: string;
    steps: StepModel[];
    metrics: StageMetricModel[];
    range?: SourceRange;
}

export interface JourneyMapModel {
    name: string;
    title?: string;
    documentation?: string;
    /**
     * The title a screen reader announces: `@accTitle` in the journey's documentation comment (Mermaid's `accTitle`).
     */
    accessibleTitle?: string;
    personas: string[];
    /** Where the journey begins (`start A, B`); empty: at its first step. */
    starts?: string[];
    emotionScale: Scale;
    stages: StageModel[];
    /** `paths from clicks`: what the event log's snapshot says customers actually did. */
    observedPaths?: ObservedPathsModel;
    range?: SourceRange;
}

/** `import "./people.journey" as people`: a file whose declarations this one uses. */
export interface ImportModel {
    /** As written, relative to the importing file. */
    path: string;
    alias?: string;
    range?: SourceRange;
}

/** `data funnel "analytics/funnel.csv" period week`: a table that metric values link to. */
export interface DataSourceModel {
    name: string;
    /** As written, relative to the file that declares it. */
    path: string;
    /** The column that makes each link a time series. */
    period?: string;
    /** The query `journeymap data pull` writes this snapshot from, and where it runs. */
    query?: { path: string; engine: 'duckdb' | 'postgres' };
    /** `events case user_id activity event time ts variant group`: the source is an event log with these columns. */
    eventLog?: EventLogColumns;
    range?: SourceRange;
}

export interface EventLogColumns {
    case: string;
    activity: string;
    time: string;
    variant?: string;
}

/** Everything one `.journey` file describes, with the imported declarations it uses. */
export type OpportunityStatus = 'idea' | 'planned' | 'building' | 'shipped' | 'measured' | 'dropped';

/** The statuses in the order an opportunity goes through them. */
export const opportunityStatuses: readonly OpportunityStatus[] = [
    'idea',
    'planned',
    'building',
    'shipped',
    'measured',
    'dropped'
];

/** A step an opportunity addresses: `FirstPurchase.Compare`, or in an imported file `shop.FirstPurchase.Compare`. */
export interface StepAddress {
    journey: string;
    stage?: string;
    step: string;
    /** The file that declares the journey, when it is not this one. */
    uri?: string;
}

/** An opportunity declared at the top of a file: who owns it, how far it is, what it addresses and should move. */
export interface OpportunityModel {
    name: string;
    title?: string;
    owner?: string;
    status?: OpportunityStatus;
    /** 1..5 */
    value?: number;
    /** 1..5 */
    effort?: number;
    /** The steps it addresses, as written (`FirstPurchase.Compare`, `shop.FirstPurchase.Compare`). */
    addresses: string[];
    /** Where those steps are, for those that resolve. */
    addressed: StepAddress[];
    /** The metric it should move, and where to. */
    expects?: { metric: string; target?: { comparison: '>=' | '<='; value: number } };
    evidence: string[];
    range?: SourceRange;
}

/** `view Exec "管理层评审" { … }`: what one audience sees of the file's journeys (model/view-registry.ts draws it). */
export interface ViewModel {
    name: string;
    title?: string;
    /** The journeys shown, by name; empty: all of the file's. */
    journeys: string[];
    /** One persona's curve and cards; none: every persona's. */
    persona?: string;
    /** The lanes, in this order; empty: the map's own lanes. */
    lanes: MapLane[];
    /** Only these stages, by name; empty: all. */
    stages: string[];
    range?: SourceRange;
}

/** One slide of a story: a step, and what to say about it. */
export interface SlideModel {
    /** The step as written: `Repair.Call`. */
    step: string;
    /** Where that step is, when it resolves. */
    address?: StepAddress;
    note?: string;
    range?: SourceRange;
}

/** `story Why "…" { view Exec  show Repair.Call "…" }`: a walk through a journey, one slide per `show`. */
export interface StoryModel {
    name: string;
    title?: string;
    /** The view each slide is drawn in; none: the whole map. */
    view?: string;
    slides: SlideModel[];
    range?: SourceRange;
}

export interface JourneyModel {
    uri: string;
    /** `language zh-cn` at the top of the file: the language to draw the map in (lower case). */
    language?: string;
    imports: ImportModel[];
    personas: PersonaModel[];
    channels: ChannelModel[];
    metrics: MetricModel[];
    dataSources: DataSourceModel[];
    /** Opportunities declared in this file (`opportunity ShowShipping "…" { … }`). */
    opportunities?: OpportunityModel[];
    journeys: JourneyMapModel[];
    /** Named views declared in this file. */
    views?: ViewModel[];
    /** Stories declared in this file. */
    stories?: StoryModel[];
}

/** The name a reader sees: the display title when there is one. */
export function displayName(element: { name: string; title?: string }): string {
    return element.title ?? element.name;
}

/** Where a score lies on a scale, from 0 (lowest) to 1 (highest); scores outside are clamped. */
export function shareOfScale(score: number, scale: Scale): number {
    const clamped = Math.min(scale.max, Math.max(scale.min, score));
    return (clamped - scale.min) / (scale.max - scale.min || 1);
}

export function allSteps(journey: JourneyMapModel): StepModel[] {
    return journey.stages.flatMap(stage => stage.steps);
}

/**
 * A step's title by its name (the name itself for a step the journey no longer has): how sentences about steps name
 * them.
 */
export function stepTitleOf(
    journey: JourneyMapModel,
    escape: (text: string) => string = text => text
): (step: string) => string {
    const titles = stepTitles(journey);
    return step => escape(titles.get(step) ?? step);
}

/** The title a reader sees for each step of a journey, by name: how `next` targets are named. */
export function stepTitles(journey: JourneyMapModel): Map<string, string> {
    return new Map(allSteps(journey).map(step => [step.name, displayName(step)]));
}
