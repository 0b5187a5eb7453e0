import { allSteps, displayName, type JourneyMapModel, type JourneyModel, type MetricValueModel, type StageModel, type StepModel } from '../language/journey-model.js';
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
            changes.push({ kind: 'changed', element, path: current.name, summary: `${capitalise(element)} '${current.name}' changed` });
        }
    }
    return changes;
}

/** Added, removed and renamed elements of one matching. */
function simpleChanges<T extends { name: string }>(element: ChangedElement, matching: Matching<T>, label: (value: T) => string, journey?: string, pathOf: (value: T) => string = value => value.name): Change[] {
    return [
        ...matching.added.map(value => ({ kind: 'added' as const, element, journey, path: pathOf(value), after: value.name, summary: `${capitalise(element)} '${label(value)}' added` })),
        ...matching.removed.map(value => ({ kind: 'removed' as const, element, journey, path: pathOf(value), before: value.name, summary: `${capitalise(element)} '${label(value)}' removed` })),
        ...matching.pairs.filter(([old, current]) => old.name !== current.name).map(([old, current]) => ({
            kind: 'renamed' as const, element, journey, path: pathOf(current), before: old.name, after: current.name,
            summary: `${capitalise(element)} '${old.name}' renamed to '${current.name}'`
        }))
    ];
}

function diffJourney(old: JourneyMapModel, current: JourneyMapModel): Change[] {
    const journey = current.name;
    const changes: Change[] = [];
    if (displayName(old) !== displayName(current) && old.name === current.name) {
        changes.push({ kind: 'changed', element: 'title', journey, path: journey, before: displayName(old), after: displayName(current), summary: `Journey title changed from '${displayName(old)}' to '${displayName(current)}'` });
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
            changes.push({ kind: 'moved', element: 'step', journey, path: path(after), before: oldStage.name, after: newStage.name, summary: `Step '${displayName(after)}' moved from ${displayName(oldStage)} to ${displayName(newStage)}` });
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
        const neighbour = to === 1 ? 'now first' : `now after '${displayName(after[to - 2])}'`;
        return { kind: 'moved' as const, element, journey, path: pathOf(current), before: from, after: to, summary: `${capitalise(element)} '${displayName(current)}' moved from position ${from} to ${to} (${neighbour})` };
    });
}

function stepFingerprint(step: StepModel): string {
    return [displayName(step), ...step.touchpoints, ...step.pains, ...step.opportunities, ...step.momentsOfTruth].join(' ');
}

function diffStep(before: StepModel, after: StepModel, path: string, journey: string, renamedSteps: Map<string, string>): Change[] {
    const changes: Change[] = [];
    const name = displayName(after);
    if (displayName(before) !== name && before.name === after.name) {
        changes.push({ kind: 'changed', element: 'title', journey, path, before: displayName(before), after: name, summary: `Step '${after.name}' retitled '${displayName(before)}' → '${name}'` });
    }
    const oldScore = before.emotion?.score;
    const newScore = after.emotion?.score;
    if (oldScore !== newScore) {
        const verb = oldScore === undefined ? 'set to' : newScore === undefined ? 'removed from' : newScore > oldScore ? 'rose from' : 'fell from';
        const summary = oldScore !== undefined && newScore !== undefined ? `Emotion of '${name}' ${verb} ${oldScore} to ${newScore}` : `Emotion of '${name}' ${verb} ${newScore ?? oldScore}`;
        changes.push({ kind: 'changed', element: 'emotion', journey, path, before: oldScore, after: newScore, summary });
    }
    const lists: Array<[ChangedElement, string, (step: StepModel) => string[]]> = [
        ['pain', 'Pain point', step => step.pains],
        ['opportunity', 'Opportunity', step => step.opportunities],
        ['moment-of-truth', 'Moment of truth', step => step.momentsOfTruth],
        ['touchpoint', 'Touchpoint', step => step.touchpoints],
        ['channel', 'Channel', step => step.channels],
        ['next', 'Next step', step => step.next]
    ];
    for (const [element, label, read] of lists) {
        const oldItems = read(before).map(item => (element === 'next' ? renamedSteps.get(item) ?? item : item));
        const newItems = read(after);
        for (const item of newItems.filter(item => !oldItems.includes(item))) {
            changes.push({ kind: 'added', element, journey, path, after: item, summary: `${label} added to '${name}': ${item}` });
        }
        for (const item of oldItems.filter(item => !newItems.includes(item))) {
            changes.push({ kind: 'removed', element, journey, path, before: item, summary: `${label} removed from '${name}': ${item}` });
        }
    }
    if (before.exit !== after.exit) {
        changes.push({ kind: after.exit ? 'added' : 'removed', element: 'exit', journey, path, summary: `'${name}' ${after.exit ? 'is now' : 'is no longer'} an exit` });
    }
    changes.push(...diffMetricValues(before.metrics, after.metrics, name, path, journey));
    return changes;
}

function diffMetricValues(before: MetricValueModel[], after: MetricValueModel[], stepName: string, path: string, journey: string): Change[] {
    const changes: Change[] = [];
    for (const value of after) {
        const old = before.find(candidate => candidate.metric === value.metric);
        if (!old) {
            changes.push({ kind: 'added', element: 'metric-value', journey, path, after: value.value, summary: `Metric ${value.metric} added to '${stepName}' (${value.value ?? 'no data'}, ${value.status})` });
        } else if (old.value !== value.value || old.status !== value.status) {
            const flip = old.status !== value.status ? `; ${old.status} → ${value.status}` : '';
            changes.push({ kind: 'changed', element: 'metric-value', journey, path, before: old.value, after: value.value, summary: `Metric ${value.metric} of '${stepName}' changed from ${old.value ?? 'no data'} to ${value.value ?? 'no data'}${flip}` });
        }
    }
    for (const value of before.filter(old => !after.some(candidate => candidate.metric === old.metric))) {
        changes.push({ kind: 'removed', element: 'metric-value', journey, path, before: value.value, summary: `Metric ${value.metric} removed from '${stepName}'` });
    }
    return changes;
}

function capitalise(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
