import { allSteps, displayName, type JourneyMapModel, type JourneyModel, type MetricValueModel, type StageModel, type StepModel } from '../language/journey-model.js';
import { t } from '../language/localisation.js';
import { matchByNameThenContent, reorderedPairs, type Matching } from './match-elements.js';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';

/** What a change is about; `diff/journey-diff.schema.json` lists the same names. */
export type ChangedElement = 'journey' | 'title' | 'stage' | 'step' | 'persona' | 'channel' | 'metric' | 'emotion' | 'pain'
    | 'opportunity' | 'moment-of-truth' | 'touchpoint' | 'next' | 'exit' | 'metric-value';

/** One change in a reviewer's words, with the facts tools need. */
export interface Change {
    kind: ChangeKind;
    element: ChangedElement;
    journey?: string;
    /** Where, for a reader: `Journey › Stage › Step`. */
    path: string;
    before?: string | number;
    after?: string | number;
    /** The sentence shown in text and Markdown output. */
    summary: string;
}

/**
 * The semantic changes from one JourneyModel to another: elements matched by name, then by
 * content (so a rename is not a delete and an add); whitespace, comments and formatting
 * never show, because the models do not hold them.
 */
export function diffJourneyModels(before: JourneyModel, after: JourneyModel): Change[] {
    const changes: Change[] = [];
    changes.push(...declarationChanges('persona', matchByNameThenContent(before.personas, after.personas, content)));
    changes.push(...declarationChanges('channel', matchByNameThenContent(before.channels, after.channels, content)));
    changes.push(...declarationChanges('metric', matchByNameThenContent(before.metrics, after.metrics, content)));
    const journeys = matchJourneys(before, after);
    changes.push(...simpleChanges('journey', journeys, journey => displayName(journey)));
    for (const [old, current] of journeys.pairs) {
        changes.push(...diffJourney(old, current));
    }
    return changes;
}

/**
 * Two models narrowed to one journey each, for comparing one journey with another (an
 * as-is and a to-be map of one file): the old journey takes the new one's name, so the
 * two are matched with each other whatever they are called.
 */
export function journeyPairModels(before: JourneyModel, oldJourney: JourneyMapModel, after: JourneyModel, newJourney: JourneyMapModel): [JourneyModel, JourneyModel] {
    return [{ ...before, journeys: [{ ...oldJourney, name: newJourney.name }] }, { ...after, journeys: [newJourney] }];
}

/** Journeys of two versions, matched by name, then by title. */
export function matchJourneys(before: JourneyModel, after: JourneyModel): Matching<JourneyMapModel> {
    return matchByNameThenContent(before.journeys, after.journeys, journey => displayName(journey));
}

/** Steps of two versions of a journey, matched by name, then by what they say (so renames pair up). */
export function matchSteps(before: JourneyMapModel, after: JourneyMapModel): Matching<StepModel> {
    return matchByNameThenContent(allSteps(before), allSteps(after), stepFingerprint);
}

/** What a declaration says, apart from its name and where it is written. */
function content(element: object): string {
    return JSON.stringify({ ...element, name: undefined, range: undefined });
}

function declarationChanges<T extends { name: string; title?: string }>(element: ChangedElement, matching: Matching<T>): Change[] {
    const changes = simpleChanges(element, matching, displayName);
    for (const [old, current] of matching.pairs) {
        if (content(old) !== content(current)) {
            changes.push({ kind: 'changed', element, path: current.name, summary: t("{element} '{name}' changed", { element: elementWord(element), name: current.name }) });
        }
    }
    return changes;
}

/** Added, removed and renamed elements of one matching. */
function simpleChanges<T extends { name: string }>(element: ChangedElement, matching: Matching<T>, label: (value: T) => string, journey?: string, pathOf: (value: T) => string = value => value.name): Change[] {
    return [
        ...matching.added.map(value => ({ kind: 'added' as const, element, journey, path: pathOf(value), after: value.name, summary: t("{element} '{name}' added", { element: elementWord(element), name: label(value) }) })),
        ...matching.removed.map(value => ({ kind: 'removed' as const, element, journey, path: pathOf(value), before: value.name, summary: t("{element} '{name}' removed", { element: elementWord(element), name: label(value) }) })),
        ...matching.pairs.filter(([old, current]) => old.name !== current.name).map(([old, current]) => ({
            kind: 'renamed' as const, element, journey, path: pathOf(current), before: old.name, after: current.name,
            summary: t("{element} '{old}' renamed to '{name}'", { element: elementWord(element), old: old.name, name: current.name })
        }))
    ];
}

function diffJourney(old: JourneyMapModel, current: JourneyMapModel): Change[] {
    const journey = current.name;
    const changes: Change[] = [];
    if (displayName(old) !== displayName(current) && old.name === current.name) {
        changes.push({ kind: 'changed', element: 'title', journey, path: journey, before: displayName(old), after: displayName(current), summary: t("Journey title changed from '{old}' to '{title}'", { old: displayName(old), title: displayName(current) }) });
    }
    const stages = matchByNameThenContent(old.stages, current.stages, stage => displayName(stage) + stage.steps.map(step => step.name).join(' '));
    changes.push(...simpleChanges('stage', stages, displayName, journey, stage => `${journey} › ${stage.name}`));
    changes.push(...reorderChanges('stage', stages.pairs, old.stages, current.stages, journey, stage => `${journey} › ${stage.name}`));
    /** The stage holding a step of either version. */
    const stageOf = (step: StepModel): StageModel => [...current.stages, ...old.stages].find(stage => stage.steps.includes(step))!;
    const steps = matchSteps(old, current);
    const path = (step: StepModel) => `${journey} › ${stageOf(step).name} › ${step.name}`;
    changes.push(...simpleChanges('step', steps, displayName, journey, path));
    const renamedSteps = new Map(steps.pairs.map(([before, after]) => [before.name, after.name]));
    for (const [before, after] of steps.pairs) {
        const oldStage = stageOf(before);
        const newStage = stageOf(after);
        const oldStageNow = stages.pairs.find(([was]) => was === oldStage)?.[1];
        if (oldStageNow !== newStage) {
            changes.push({ kind: 'moved', element: 'step', journey, path: path(after), before: oldStage.name, after: newStage.name, summary: t("Step '{name}' moved from {from} to {to}", { name: displayName(after), from: displayName(oldStage), to: displayName(newStage) }) });
        }
        changes.push(...diffStep(before, after, path(after), journey, renamedSteps));
    }
    for (const [oldStage, newStage] of stages.pairs) {
        const stayed = steps.pairs.filter(([before, after]) => oldStage.steps.includes(before) && newStage.steps.includes(after));
        changes.push(...reorderChanges('step', stayed, oldStage.steps, newStage.steps, journey, path));
    }
    return changes;
}

/** Elements that stayed but changed places among their siblings: `moved` from one position to another. */
function reorderChanges<T extends { name: string; title?: string }>(element: ChangedElement, pairs: Array<[T, T]>, before: T[], after: T[], journey: string, pathOf: (value: T) => string): Change[] {
    return reorderedPairs(pairs, before, after).map(([, current]) => {
        const from = before.indexOf(pairs.find(([, candidate]) => candidate === current)![0]) + 1;
        const to = after.indexOf(current) + 1;
        const neighbour = to === 1 ? t('now first') : t("now after '{name}'", { name: displayName(after[to - 2]) });
        const summary = t("{element} '{name}' moved from position {from} to {to} ({neighbour})", { element: elementWord(element), name: displayName(current), from, to, neighbour });
        return { kind: 'moved' as const, element, journey, path: pathOf(current), before: from, after: to, summary };
    });
}

function stepFingerprint(step: StepModel): string {
    return [displayName(step), ...step.touchpoints, ...step.pains, ...step.opportunities, ...step.momentsOfTruth].join(' ');
}

function diffStep(before: StepModel, after: StepModel, path: string, journey: string, renamedSteps: Map<string, string>): Change[] {
    const changes: Change[] = [];
    const name = displayName(after);
    if (displayName(before) !== name && before.name === after.name) {
        changes.push({ kind: 'changed', element: 'title', journey, path, before: displayName(before), after: name, summary: t("Step '{step}' retitled '{old}' → '{title}'", { step: after.name, old: displayName(before), title: name }) });
    }
    const oldScore = before.emotion?.score;
    const newScore = after.emotion?.score;
    if (oldScore !== newScore) {
        const summary = emotionChange(name, oldScore, newScore);
        changes.push({ kind: 'changed', element: 'emotion', journey, path, before: oldScore, after: newScore, summary });
    }
    const lists: Array<[ChangedElement, string, (step: StepModel) => string[]]> = [
        ['pain', t('Pain point'), step => step.pains],
        ['opportunity', t('Opportunity'), step => step.opportunities],
        ['moment-of-truth', t('Moment of truth'), step => step.momentsOfTruth],
        ['touchpoint', t('Touchpoint'), step => step.touchpoints],
        ['channel', t('Channel'), step => step.channels],
        ['next', t('Next step'), step => step.next]
    ];
    for (const [element, label, read] of lists) {
        const oldItems = read(before).map(item => (element === 'next' ? renamedSteps.get(item) ?? item : item));
        const newItems = read(after);
        for (const item of newItems.filter(item => !oldItems.includes(item))) {
            changes.push({ kind: 'added', element, journey, path, after: item, summary: t("{element} added to '{name}': {item}", { element: label, name, item }) });
        }
        for (const item of oldItems.filter(item => !newItems.includes(item))) {
            changes.push({ kind: 'removed', element, journey, path, before: item, summary: t("{element} removed from '{name}': {item}", { element: label, name, item }) });
        }
    }
    if (before.exit !== after.exit) {
        changes.push({ kind: after.exit ? 'added' : 'removed', element: 'exit', journey, path, summary: after.exit ? t("'{name}' is now an exit", { name }) : t("'{name}' is no longer an exit", { name }) });
    }
    changes.push(...diffMetricValues(before.metrics, after.metrics, name, path, journey));
    return changes;
}

function diffMetricValues(before: MetricValueModel[], after: MetricValueModel[], stepName: string, path: string, journey: string): Change[] {
    const changes: Change[] = [];
    for (const value of after) {
        const old = before.find(candidate => candidate.metric === value.metric);
        if (!old) {
            changes.push({ kind: 'added', element: 'metric-value', journey, path, after: value.value, summary: t("Metric {metric} added to '{name}' ({value}, {status})", { metric: value.metric, name: stepName, value: value.value ?? t('no data'), status: value.status }) });
        } else if (old.value !== value.value || old.status !== value.status) {
            const flip = old.status !== value.status ? `; ${old.status} → ${value.status}` : '';
            const summary = t("Metric {metric} of '{name}' changed from {old} to {value}", { metric: value.metric, name: stepName, old: old.value ?? t('no data'), value: value.value ?? t('no data') });
            changes.push({ kind: 'changed', element: 'metric-value', journey, path, before: old.value, after: value.value, summary: summary + flip });
        }
    }
    for (const value of before.filter(old => !after.some(candidate => candidate.metric === old.metric))) {
        changes.push({ kind: 'removed', element: 'metric-value', journey, path, before: value.value, summary: t("Metric {metric} removed from '{name}'", { metric: value.metric, name: stepName }) });
    }
    return changes;
}

function emotionChange(name: string, oldScore: number | undefined, newScore: number | undefined): string {
    if (oldScore === undefined) return t("Emotion of '{name}' set to {score}", { name, score: newScore! });
    if (newScore === undefined) return t("Emotion of '{name}' removed from {score}", { name, score: oldScore });
    return newScore > oldScore
        ? t("Emotion of '{name}' rose from {old} to {score}", { name, old: oldScore, score: newScore })
        : t("Emotion of '{name}' fell from {old} to {score}", { name, old: oldScore, score: newScore });
}

/** An element that is added, removed, renamed or moved as a whole, as a sentence starts with it. */
function elementWord(element: ChangedElement): string {
    switch (element) {
        case 'persona': return t('Persona');
        case 'channel': return t('Channel');
        case 'metric': return t('Metric');
        case 'journey': return t('Journey');
        case 'stage': return t('Stage');
        default: return t('Step');
    }
}
