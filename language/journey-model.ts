/**
 * The JourneyModel: the one plain, serialisable shape every consumer reads (renderers,
 * diff, CLI, preview). Built from the validated AST by `buildJourneyModel`; holds no AST
 * nodes, only names, values and source ranges, so it can be sent to a webview as JSON and
 * tests can write it by hand.
 */

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

export type ChannelKind = 'online' | 'offline';

export interface ChannelModel {
    name: string;
    title?: string;
    kind?: ChannelKind;
    range?: SourceRange;
}

export type MetricUnit = 'percent' | 'score' | 'count' | 'currency' | 'duration' | 'ratio';

export interface MetricModel {
    name: string;
    title?: string;
    unit?: MetricUnit;
    scale?: Scale;
    target?: { comparison: '>=' | '<='; value: number };
    range?: SourceRange;
}

/** met / missed against the target; no-target when the metric has none; no-data when the value could not be read. */
export type MetricStatus = 'met' | 'missed' | 'no-target' | 'no-data';

export interface MetricValueModel {
    metric: string;
    value?: number;
    /** For a value linked to data: the source, column and `where` conditions. */
    link?: { source: string; column: string; conditions: Array<{ key: string; value: string | number }> };
    status: MetricStatus;
    range?: SourceRange;
}

export interface EmotionModel {
    score: number;
    feeling?: string;
    note?: string;
}

export interface StepModel {
    name: string;
    title?: string;
    /** Who takes part in this step, when not every persona of the journey does (empty: all of them). */
    personas: string[];
    channels: string[];
    touchpoints: string[];
    emotion?: EmotionModel;
    pains: string[];
    opportunities: string[];
    momentsOfTruth: string[];
    metrics: MetricValueModel[];
    next: string[];
    exit: boolean;
    range?: SourceRange;
}

export interface StageModel {
    name: string;
    title?: string;
    steps: StepModel[];
    range?: SourceRange;
}

export interface JourneyMapModel {
    name: string;
    title?: string;
    documentation?: string;
    personas: string[];
    emotionScale: Scale;
    stages: StageModel[];
    range?: SourceRange;
}

/** Everything one `.journey` file describes, with the imported declarations it uses. */
export interface JourneyModel {
    uri: string;
    personas: PersonaModel[];
    channels: ChannelModel[];
    metrics: MetricModel[];
    journeys: JourneyMapModel[];
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
