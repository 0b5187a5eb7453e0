import {
    allSteps,
    displayName,
    stepTitles,
    type JourneyMapModel,
    type JourneyModel,
    type MetricModel,
    type MetricValueModel,
    type PersonaEmotionModel,
    type StageModel,
    type StepModel
} from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { formatDelta, statusWord } from '../metrics/metric-format.js';
import { elementWord, fieldWord, laneWord, quoted, valueText } from './change-words.js';
import {
    matchByKeyThenContent,
    matchByNameThenContent,
    matchTexts,
    positionsOf,
    reorderedPairs,
    type Matching
} from './match-elements.js';
import { comparedFields, ruleOf, type ElementKind } from './model-fields.js';
import { observedPathChanges } from './observed-path-changes.js';
import type { ObservedPathsModel } from '../model/observed-paths.js';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';

/** What a change is about; `diff/journey-diff.schema.json` lists the same names. */
export type ChangedElement = ElementKind;

/** One change in a reviewer's words, with the facts tools need. */
export interface Change {
    kind: ChangeKind;
    element: ChangedElement;
    /**
     * The field of the element that changed (as the JourneyModel names it); absent when the whole element was added,
     * removed, renamed or moved.
     */
    field?: string;
    journey?: string;
    /** Where, for a reader: `Journey › Stage › Step`, or a declaration's name. */
    path: string;
    before?: string | number;
    after?: string | number;
    /** The sentence shown in text and Markdown output. */
    summary: string;
}

/** The name of the step a change adds whole (not a field of it), or undefined. */
export function addedStepOf(change: Change): string | undefined {
    const whole = change.kind === 'added' && change.element === 'step' && !change.field;
    return whole && change.after !== undefined ? String(change.after) : undefined;
}

/**
 * Where a change is: the element, its path, and the name a reader knows it by (a step's title for its emotion and
 * metric values).
 */
interface Place {
    element: ElementKind;
    journey?: string;
    path: string;
    name: string;
    /** For a metric definition or value: the metric's name. */
    metric?: string;
    /** For one persona's emotion: the persona. */
    persona?: string;
}

/** How a sentence about an element starts: `Step 'Pays'`, `Emotion of 'Pays'`, `Metric nps of 'Pays'`. */
function subjectOf(place: Place): string {
    switch (place.element) {
        case 'emotion':
            return t("Emotion of '{name}'", { name: place.name });
        case 'persona-emotion':
            return t("Emotion of {persona} at '{name}'", { persona: place.persona ?? '', name: place.name });
        case 'metric-value':
            return t("Metric {metric} of '{name}'", { metric: place.metric ?? '', name: place.name });
        default:
            return t("{element} '{name}'", { element: elementWord(place.element), name: place.name });
    }
}

/** What the comparison has learnt so far: old names of renamed elements, and both models for metric status flips. */
interface DiffContext {
    before: JourneyModel;
    after: JourneyModel;
    /** New name by old name, per kind of element a field refers to. */
    renamed: {
        personas: Map<string, string>;
        channels: Map<string, string>;
        metrics: Map<string, string>;
        next: Map<string, string>;
    };
    /** Titles of the steps of the journey being compared, by name, to name `next` targets as their cards do. */
    stepTitles: { before: Map<string, string>; after: Map<string, string> };
}

/**
 * The semantic changes from one JourneyModel to another. Every field of the model is either
 * compared or classified as presentation or derived in `model-fields.ts`, and this walks that
 * table, so nothing the map says can change unseen. Elements are matched by name, then by
 * content (a rename is not a delete and an add); whitespace, comments and formatting never
 * show, because the models do not hold them.
 */
export function diffJourneyModels(before: JourneyModel, after: JourneyModel): Change[] {
    const context: DiffContext = {
        before, after,
        renamed: { personas: new Map(), channels: new Map(), metrics: new Map(), next: new Map() },
        stepTitles: { before: new Map(), after: new Map() }
    };
    const fileName = after.uri.split('/').pop() || before.uri.split('/').pop() || '';
    return fieldChanges(
        'file',
        before,
        after,
        { element: 'file', path: fileName, name: decodeURIComponent(fileName) },
        context
    );
}

/**
 * Two models narrowed to one journey each, for comparing one journey with another (an
 * as-is and a to-be map of one file): the old journey takes the new one's name, so the
 * two are matched with each other whatever they are called.
 */
export function journeyPairModels(
    before: JourneyModel,
    oldJourney: JourneyMapModel,
    after: JourneyModel,
    newJourney: JourneyMapModel
): [JourneyModel, JourneyModel] {
    return [
        { ...before, journeys: [{ ...oldJourney, name: newJourney.name }] },
        { ...after, journeys: [newJourney] }
    ];
}

/** Journeys of two versions, matched by name, then by title. */
export function matchJourneys(before: JourneyModel, after: JourneyModel): Matching<JourneyMapModel> {
    return matchByNameThenContent(before.journeys, after.journeys, journey => displayName(journey));
}

/** Steps of two versions of a journey, matched by name, then by what they say (so renames pair up). */
export function matchSteps(before: JourneyMapModel, after: JourneyMapModel): Matching<StepModel> {
    return matchByNameThenContent(allSteps(before), allSteps(after), stepFingerprint);
}

type Fields = Record<string, unknown>;

/** The changes of every compared field of one element, in the order of the field table. */
function fieldChanges(
    element: ElementKind,
    old: object,
    current: object,
    place: Place,
    context: DiffContext
): Change[] {
    const changes: Change[] = partChange(element, old as Fields, current as Fields, place);
    for (const field of comparedFields(element)) {
        const rule = ruleOf(element, field);
        const was = (old as Fields)[field];
        const now = (current as Fields)[field];
        if (rule.role === 'value') changes.push(...valueChange(field, was, now, place, context));
        // A list the model leaves out (an optional one, such as `starts`) is an empty list.
        else if (rule.role === 'texts')
            changes.push(...textChanges(field, (was ?? []) as string[], (now ?? []) as string[], place));
        else if (rule.role === 'names')
            changes.push(
                ...nameChanges(field, (was ?? []) as string[], (now ?? []) as string[], rule.ordered, place, context)
            );
        else if (rule.role === 'elements')
            changes.push(...nestedChanges[rule.element](was as never, now as never, place, context));
        else if (rule.role === 'part') continue;
        else if (rule.role === 'observed') {
            changes.push(
                ...observedPathChanges(
                    was as ObservedPathsModel | undefined,
                    now as ObservedPathsModel | undefined,
                    context.stepTitles
                ).map(change => changeAt(place, { kind: 'changed', field, ...change }))
            );
        }
    }
    return changes;
}

/** A view or story read as one whole: whatever parts of it changed, one change that names each. */
function partChange(element: ElementKind, old: Fields, current: Fields, place: Place): Change[] {
    // Compared as written: a slide's place in the file, and which file that is, are not part of what it says.
    const changed = comparedFields(element)
        .filter(field => ruleOf(element, field).role === 'part' && partText(old[field]) !== partText(current[field]));
    if (changed.length === 0) return [];
    const parts = changed.map(field =>
        t('{field} {old} → {new}', {
            field: fieldWord(field),
            old: partText(old[field]),
            new: partText(current[field])
        })
    );
    const summary = t('{subject} changed: {changes}', { subject: subjectOf(place), changes: parts.join('; ') });
    return [changeAt(place, {
        kind: 'changed', field: changed.length === 1 ? changed[0] : undefined,
        before: changed.map(field => partText(old[field])).join('; '),
        after: changed.map(field => partText(current[field])).join('; '), summary
    })];
}

/** A part of a view or story as written: names and lanes by commas, a slide as its step and note. */
function partText(value: unknown): string {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return '—';
    if (Array.isArray(value)) return value.map(partText).join(', ');
    if (typeof value === 'object' && value !== null && 'step' in value) {
        const slide = value as { step: string; note?: string };
        return slide.note === undefined ? slide.step : `${slide.step} ${quoted(slide.note)}`;
    }
    return String(value);
}

/** How a field holding nested elements is compared, for each kind of element it can hold. */
const nestedChanges: {
    [Kind in ElementKind]: (before: never, after: never, owner: Place, context: DiffContext) => Change[];
} = {
    file: () => [],
    import: (before: JourneyModel['imports'], after: JourneyModel['imports'], _owner, context) =>
        declarationChanges(
            'import',
            matchByKeyThenContent(before, after, entry => entry.path),
            entry => entry.path,
            context
        ),
    persona: (before: JourneyModel['personas'], after: JourneyModel['personas'], _owner, context) =>
        declarationChanges('persona', matchDeclarations(before, after), displayName, context, context.renamed.personas),
    channel: (before: JourneyModel['channels'], after: JourneyModel['channels'], _owner, context) =>
        declarationChanges('channel', matchDeclarations(before, after), displayName, context, context.renamed.channels),
    metric: (before: JourneyModel['metrics'], after: JourneyModel['metrics'], _owner, context) =>
        declarationChanges('metric', matchDeclarations(before, after), displayName, context, context.renamed.metrics),
    'data-source': (before: JourneyModel['dataSources'], after: JourneyModel['dataSources'], _owner, context) =>
        declarationChanges('data-source', matchDeclarations(before, after), source => source.name, context),
    opportunity: (before: JourneyModel['opportunities'], after: JourneyModel['opportunities'], _owner, context) =>
        declarationChanges('opportunity', matchDeclarations(before ?? [], after ?? []), displayName, context),
    journey: (before: JourneyMapModel[], after: JourneyMapModel[], _owner, context) =>
        journeyChanges(before, after, context),
    view: (before: JourneyModel['views'], after: JourneyModel['views'], _owner, context) =>
        declarationChanges('view', matchDeclarations(before ?? [], after ?? []), displayName, context),
    story: (before: JourneyModel['stories'], after: JourneyModel['stories'], _owner, context) =>
        declarationChanges('story', matchDeclarations(before ?? [], after ?? []), displayName, context),
    stage: (before: StageModel[], after: StageModel[], owner, context) =>
        stageAndStepChanges(before, after, owner.path, context),
    // Steps are matched across the whole journey (a step can move to another stage), by the stages above.
    step: () => [],
    emotion: (before: StepModel['emotion'], after: StepModel['emotion'], owner, context) =>
        emotionChanges(before, after, owner, context),
    'persona-emotion': (before: StepModel['personaEmotions'], after: StepModel['personaEmotions'], owner, context) =>
        personaEmotionChanges(before ?? [], after ?? [], owner, context),
    'metric-value': (before: MetricValueModel[], after: MetricValueModel[], owner, context) =>
        metricValueChanges(before, after, owner, context),
    claim: (before: StepModel['claims'], after: StepModel['claims'], owner, context) =>
        keyedChanges(
            'claim',
            before ?? [],
            after ?? [],
            claim => `${claim.kind}:${claim.text}`,
            claim => quoted(claim.text),
            owner,
            context
        ),
    'lane-action': (before: StepModel['blueprint'], after: StepModel['blueprint'], owner, context) =>
        keyedChanges(
            'lane-action',
            before ?? [],
            after ?? [],
            action => `${action.lane}:${action.text}`,
            action => `${laneWord(action.lane)} ${quoted(action.text)}`,
            owner,
            context
        )
};

/** Declarations matched by name, then by everything else they say. */
function matchDeclarations<T extends { name: string }>(before: T[], after: T[]): Matching<T> {
    return matchByNameThenContent(before, after, element =>
        JSON.stringify({ ...element, name: undefined, range: undefined })
    );
}

function declarationChanges<T extends object>(
    element: ElementKind,
    matching: Matching<T>,
    label: (value: T) => string,
    context: DiffContext,
    renames?: Map<string, string>
): Change[] {
    // What a declaration is matched and named by: its name, or for an import (which has none) its path.
    const keyOf = (value: T) => (value as { name?: string }).name ?? label(value);
    const placeOf = (value: T): Place => ({
        element,
        path: keyOf(value),
        name: keyOf(value),
        metric: element === 'metric' ? keyOf(value) : undefined
    });
    const changes = wholeChanges(element, matching, label, keyOf, placeOf);
    for (const [old, current] of matching.pairs) {
        if (renames && keyOf(old) !== keyOf(current)) renames.set(keyOf(old), keyOf(current));
        changes.push(...fieldChanges(element, old, current, placeOf(current), context));
    }
    return changes;
}

/** Added, removed and renamed elements of one matching. */
function wholeChanges<T>(
    element: ElementKind,
    matching: Matching<T>,
    label: (value: T) => string,
    keyOf: (value: T) => string,
    placeOf: (value: T) => Place
): Change[] {
    const at = (value: T) => {
        const { journey, path } = placeOf(value);
        return journey === undefined ? { path } : { journey, path };
    };
    return [
        ...matching.added.map(value => ({
            kind: 'added' as const,
            element,
            ...at(value),
            after: keyOf(value),
            summary: t("{element} '{name}' added", { element: elementWord(element), name: label(value) })
        })),
        ...matching.removed.map(value => ({
            kind: 'removed' as const,
            element,
            ...at(value),
            before: keyOf(value),
            summary: t("{element} '{name}' removed", { element: elementWord(element), name: label(value) })
        })),
        ...matching.pairs
            .filter(([old, current]) => keyOf(old) !== keyOf(current))
            .map(([old, current]) => ({
                kind: 'renamed' as const,
                element,
                ...at(current),
                before: keyOf(old),
                after: keyOf(current),
                summary: t("{element} '{old}' renamed to '{name}'", {
                    element: elementWord(element),
                    old: keyOf(old),
                    name: keyOf(current)
                })
            }))
    ];
}

function changeAt(place: Place, change: Omit<Change, 'element' | 'path' | 'journey'>): Change {
    return {
        kind: change.kind,
        element: place.element,
        field: change.field,
        ...(place.journey === undefined ? {} : { journey: place.journey }),
        path: place.path,
        before: change.before,
        after: change.after,
        summary: change.summary
    };
}

function sameValue(a: unknown, b: unknown): boolean {
    return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A field holding one value: set, removed or changed, in the words that field needs. */
function valueChange(field: string, was: unknown, now: unknown, place: Place, context: DiffContext): Change[] {
    if (sameValue(was, now)) return [];
    const metric = metricOf(place, context);
    const before = valueText(field, was, metric.before);
    const after = valueText(field, now, metric.after);
    const words = { subject: subjectOf(place), field: fieldWord(field), old: before ?? '', new: after ?? '' };
    // JSON keeps numbers and texts as they are; values with parts (a target, a scale) as the text shown.
    const raw = (value: unknown, text: string | number | undefined) =>
        typeof value === 'number' || typeof value === 'string' ? value : text;
    let summary = before === undefined ? t('{subject}: {field} set to {new}', words)
        : after === undefined ? t('{subject}: {field} {old} removed', words)
            : t('{subject}: {field} {old} → {new}', words);
    if (
        (place.element === 'emotion' || place.element === 'persona-emotion') &&
        field === 'score' &&
        typeof was === 'number' &&
        typeof now === 'number'
    ) {
        summary =
            now > was ? t('{subject} rose from {old} to {new}', words) : t('{subject} fell from {old} to {new}', words);
    } else if (place.element === 'step' && field === 'exit') {
        summary = now
            ? t("'{name}' is now an exit", { name: place.name })
            : t("'{name}' is no longer an exit", { name: place.name });
        return [
            changeAt(place, {
                kind: 'changed',
                field,
                before: String(Boolean(was)),
                after: String(Boolean(now)),
                summary
            })
        ];
    } else if (place.element === 'metric' && (field === 'target' || field === 'warn')) {
        summary += targetFlips(place.path, context);
    }
    return [changeAt(place, { kind: 'changed', field, before: raw(was, before), after: raw(now, after), summary })];
}

/** The definitions of the metric a metric value or definition is about, in both versions. */
function metricOf(place: Place, context: DiffContext): { before?: MetricModel; after?: MetricModel } {
    const name = place.metric;
    if (name === undefined) return {};
    const oldName = [...context.renamed.metrics].find(([, now]) => now === name)?.[0] ?? name;
    return {
        before: context.before.metrics.find(metric => metric.name === oldName),
        after: context.after.metrics.find(metric => metric.name === name)
    };
}

/**
 * Values of a metric whose status flipped although the value stayed: a moved target (or
 * warning band) is the cause, so the target's change says so: `61 at 'Compare' stays, now met`.
 */
function targetFlips(metric: string, context: DiffContext): string {
    const oldValues = new Map(metricValues(context.before, metric).map(entry => [entry.key, entry.value]));
    const flips = metricValues(context.after, metric).flatMap(({ key, step, value }) => {
        const old = oldValues.get(key);
        if (!old || old.value !== value.value || old.status === value.status || value.value === undefined) return [];
        const definition = context.after.metrics.find(candidate => candidate.name === metric);
        return [
            t("{value} at '{step}' stays, now {status} because the target moved", {
                value: String(valueText('value', value.value, definition)),
                step,
                status: statusWord(value.status)
            })
        ];
    });
    return flips.length > 0 ? `; ${flips.join('; ')}` : '';
}

function metricValues(
    model: JourneyModel,
    metric: string
): Array<{ key: string; step: string; value: MetricValueModel }> {
    return model.journeys.flatMap(journey =>
        allSteps(journey).flatMap(step =>
            step.metrics
                .filter(value => value.metric === metric)
                .map(value => ({ key: `${journey.name}\u0000${step.name}`, step: displayName(step), value }))
        )
    );
}

/** Free texts (pains, goals…): an edited text is one change with both versions. */
function textChanges(field: string, before: string[], after: string[], place: Place): Change[] {
    const matching = matchTexts(before, after);
    // One text gone and one come on the same element: the writer replaced it, which is an edit.
    if (matching.removed.length === 1 && matching.added.length === 1) {
        matching.pairs.push([matching.removed.pop()!, matching.added.pop()!]);
    }
    const words = (item: string) => ({ subject: subjectOf(place), field: fieldWord(field), item: quoted(item) });
    return [
        ...matching.pairs
            .filter(([old, current]) => old !== current)
            .map(([old, current]) =>
                changeAt(place, {
                    kind: 'changed',
                    field,
                    before: old,
                    after: current,
                    summary: t('{subject}: {field} {old} → {new}', {
                        subject: subjectOf(place),
                        field: fieldWord(field),
                        old: quoted(old),
                        new: quoted(current)
                    })
                })
            ),
        ...matching.added.map(item =>
            changeAt(place, {
                kind: 'added',
                field,
                after: item,
                summary: t('{subject}: {field} added: {item}', words(item))
            })
        ),
        ...matching.removed.map(item =>
            changeAt(place, {
                kind: 'removed',
                field,
                before: item,
                summary: t('{subject}: {field} removed: {item}', words(item))
            })
        )
    ];
}

/** References to other elements (personas, channels, `next` steps), through renames of what they refer to. */
function nameChanges(
    field: string,
    before: string[],
    after: string[],
    ordered: boolean,
    place: Place,
    context: DiffContext
): Change[] {
    const stepNames = field === 'next' || field === 'starts';
    const renames = stepNames
        ? context.renamed.next
        : (context.renamed[field as keyof DiffContext['renamed']] ?? new Map<string, string>());
    const old = before.map(name => renames.get(name) ?? name);
    // Steps and declared opportunities are named as the map names them: by their titles.
    const opportunityTitle = (name: string, side: 'before' | 'after') =>
        context[side].opportunities?.find(opportunity => opportunity.name === name)?.title ?? name;
    const label = (name: string, side: 'before' | 'after') =>
        stepNames
            ? (context.stepTitles[side].get(name) ?? name)
            : field === 'opportunityRefs'
              ? opportunityTitle(name, side)
              : name;
    const words = (item: string) => ({ subject: subjectOf(place), field: fieldWord(field), item: quoted(item) });
    const oldSet = new Set(old);
    const newSet = new Set(after);
    const changes = [
        ...after
            .filter(name => !oldSet.has(name))
            .map(name =>
                changeAt(place, {
                    kind: 'added',
                    field,
                    after: name,
                    summary: t('{subject}: {field} added: {item}', words(label(name, 'after')))
                })
            ),
        ...before
            .filter((_, index) => !newSet.has(old[index]))
            .map(name =>
                changeAt(place, {
                    kind: 'removed',
                    field,
                    before: name,
                    summary: t('{subject}: {field} removed: {item}', words(label(name, 'before')))
                })
            )
    ];
    const kept = old.filter(name => newSet.has(name));
    const stillThere = after.filter(name => oldSet.has(name));
    if (ordered && changes.length === 0 && kept.join('\u0000') !== stillThere.join('\u0000')) {
        const list = (names: string[], side: 'before' | 'after') => names.map(name => label(name, side)).join(', ');
        changes.push(
            changeAt(place, {
                kind: 'changed',
                field,
                before: kept.join(', '),
                after: stillThere.join(', '),
                summary: t('{subject}: order of {field} {old} → {new}', {
                    subject: subjectOf(place),
                    field: fieldWord(field),
                    old: list(before, 'before'),
                    new: list(after, 'after')
                })
            })
        );
    }
    return changes;
}

function journeyChanges(before: JourneyMapModel[], after: JourneyMapModel[], context: DiffContext): Change[] {
    const matching = matchByNameThenContent(before, after, journey => displayName(journey));
    const placeOf = (journey: JourneyMapModel): Place => ({
        element: 'journey',
        journey: journey.name,
        path: journey.name,
        name: displayName(journey)
    });
    const changes = wholeChanges('journey', matching, displayName, journey => journey.name, placeOf);
    for (const [old, current] of matching.pairs) {
        context.stepTitles = { before: stepTitles(old), after: stepTitles(current) };
        changes.push(...fieldChanges('journey', old, current, placeOf(current), context));
    }
    return changes;
}

/** Stages and their steps: added, removed, renamed, reordered; steps moved to another stage; every field of each. */
function stageAndStepChanges(
    oldStages: StageModel[],
    newStages: StageModel[],
    journey: string,
    context: DiffContext
): Change[] {
    const stages = matchByNameThenContent(
        oldStages,
        newStages,
        stage => displayName(stage) + ' ' + stage.steps.map(step => step.name).join(' ')
    );
    const stagePlace = (stage: StageModel): Place => ({
        element: 'stage',
        journey,
        path: `${journey} › ${stage.name}`,
        name: displayName(stage)
    });
    const changes = wholeChanges('stage', stages, displayName, stage => stage.name, stagePlace);
    changes.push(...reorderChanges('stage', stages.pairs, oldStages, newStages, stagePlace));
    for (const [old, current] of stages.pairs)
        changes.push(...fieldChanges('stage', old, current, stagePlace(current), context));

    const stageOf = new Map<StepModel, StageModel>();
    for (const stage of [...oldStages, ...newStages]) for (const step of stage.steps) stageOf.set(step, stage);
    const steps = matchByNameThenContent(
        oldStages.flatMap(stage => stage.steps),
        newStages.flatMap(stage => stage.steps),
        stepFingerprint
    );
    context.renamed.next = new Map(
        steps.pairs
            .filter(([old, current]) => old.name !== current.name)
            .map(([old, current]) => [old.name, current.name])
    );
    const stepPlace = (step: StepModel): Place => ({
        element: 'step',
        journey,
        path: `${journey} › ${stageOf.get(step)!.name} › ${step.name}`,
        name: displayName(step)
    });
    changes.push(...wholeChanges('step', steps, displayName, step => step.name, stepPlace));
    const stageNow = new Map(stages.pairs);
    for (const [old, current] of steps.pairs) {
        const oldStage = stageOf.get(old)!;
        const newStage = stageOf.get(current)!;
        if (stageNow.get(oldStage) !== newStage) {
            changes.push({
                kind: 'moved',
                element: 'step',
                journey,
                path: stepPlace(current).path,
                before: oldStage.name,
                after: newStage.name,
                summary: t("Step '{name}' moved from {from} to {to}", {
                    name: displayName(current),
                    from: displayName(oldStage),
                    to: displayName(newStage)
                })
            });
        }
        changes.push(...fieldChanges('step', old, current, stepPlace(current), context));
    }
    const pairedSteps = new Map(steps.pairs);
    for (const [oldStage, newStage] of stages.pairs) {
        const inNewStage = new Set(newStage.steps);
        const stayed = oldStage.steps
            .filter(step => inNewStage.has(pairedSteps.get(step)!))
            .map(step => [step, pairedSteps.get(step)!] as [StepModel, StepModel]);
        changes.push(...reorderChanges('step', stayed, oldStage.steps, newStage.steps, stepPlace));
    }
    return changes;
}

/** Elements that stayed but changed places among their siblings: `moved` from one position to another. */
function reorderChanges<T extends { name: string; title?: string }>(
    element: ElementKind,
    pairs: Array<[T, T]>,
    before: T[],
    after: T[],
    placeOf: (value: T) => Place
): Change[] {
    const oldPosition = positionsOf(before);
    const newPosition = positionsOf(after);
    return reorderedPairs(pairs, before, after).map(([old, current]) => {
        const from = oldPosition.get(old)! + 1;
        const to = newPosition.get(current)! + 1;
        const neighbour = to === 1 ? t('now first') : t("now after '{name}'", { name: displayName(after[to - 2]) });
        const summary = t("{element} '{name}' moved from position {from} to {to} ({neighbour})", {
            element: elementWord(element),
            name: displayName(current),
            from,
            to,
            neighbour
        });
        const { journey, path } = placeOf(current);
        return { kind: 'moved' as const, element, journey, path, before: from, after: to, summary };
    });
}

function stepFingerprint(step: StepModel): string {
    return [displayName(step), ...step.touchpoints, ...step.pains, ...step.opportunities, ...step.momentsOfTruth].join(
        ' '
    );
}

/** A step's emotion: set, removed, or its score, feeling and note changed. */
function emotionChanges(
    before: StepModel['emotion'],
    after: StepModel['emotion'],
    step: Place,
    context: DiffContext
): Change[] {
    const place: Place = { ...step, element: 'emotion' };
    const text = (emotion: NonNullable<StepModel['emotion']>) =>
        [emotion.score, emotion.feeling, emotion.note && quoted(emotion.note)]
            .filter(part => part !== undefined)
            .join(' ');
    if (before && after) return fieldChanges('emotion', before, after, place, context);
    if (after)
        return [
            changeAt(place, {
                kind: 'added',
                after: text(after),
                summary: t('{subject} set to {new}', { subject: subjectOf(place), new: text(after) })
            })
        ];
    if (before)
        return [
            changeAt(place, {
                kind: 'removed',
                before: text(before),
                summary: t('{subject} removed (was {old})', { subject: subjectOf(place), old: text(before) })
            })
        ];
    return [];
}

/** The emotions of single personas at a step, matched by persona (through renames of the persona). */
function personaEmotionChanges(
    before: PersonaEmotionModel[],
    after: PersonaEmotionModel[],
    step: Place,
    context: DiffContext
): Change[] {
    const matching = matchByKeyThenContent(
        before,
        after,
        emotion => context.renamed.personas.get(emotion.persona) ?? emotion.persona
    );
    const placeOf = (emotion: PersonaEmotionModel): Place => ({
        ...step,
        element: 'persona-emotion',
        persona: emotion.persona
    });
    const text = (emotion: PersonaEmotionModel) =>
        [emotion.score, emotion.feeling, emotion.note && quoted(emotion.note)]
            .filter(part => part !== undefined)
            .join(' ');
    return [
        ...matching.added.map(emotion =>
            changeAt(placeOf(emotion), {
                kind: 'added',
                after: text(emotion),
                summary: t('{subject} set to {new}', { subject: subjectOf(placeOf(emotion)), new: text(emotion) })
            })
        ),
        ...matching.removed.map(emotion =>
            changeAt(placeOf(emotion), {
                kind: 'removed',
                before: text(emotion),
                summary: t('{subject} removed (was {old})', {
                    subject: subjectOf(placeOf(emotion)),
                    old: text(emotion)
                })
            })
        ),
        ...matching.pairs.flatMap(([old, current]) =>
            fieldChanges('persona-emotion', old, current, placeOf(current), context)
        )
    ];
}

/**
 * Elements of a step known by a key (a claim by its text, a blueprint action by its lane and text): added, removed, or
 * changed field by field.
 */
function keyedChanges<T extends object>(
    element: ElementKind,
    before: T[],
    after: T[],
    keyOf: (value: T) => string,
    label: (value: T) => string,
    step: Place,
    context: DiffContext
): Change[] {
    const matching = matchByKeyThenContent(before, after, keyOf);
    const placeOf = (): Place => ({ ...step, element });
    const subject = (value: T) =>
        t("{element} {label} of '{name}'", { element: elementWord(element), label: label(value), name: step.name });
    return [
        ...matching.added.map(value =>
            changeAt(placeOf(), {
                kind: 'added',
                after: label(value),
                summary: t('{subject} added', { subject: subject(value) })
            })
        ),
        ...matching.removed.map(value =>
            changeAt(placeOf(), {
                kind: 'removed',
                before: label(value),
                summary: t('{subject} removed', { subject: subject(value) })
            })
        ),
        ...matching.pairs.flatMap(([old, current]) =>
            fieldChanges(element, old, current, { ...placeOf(), name: step.name }, context)
        )
    ];
}

/** A step's metric values, matched by metric (through renames of the metric). */
function metricValueChanges(
    before: MetricValueModel[],
    after: MetricValueModel[],
    step: Place,
    context: DiffContext
): Change[] {
    const matching = matchByKeyThenContent(
        before,
        after,
        value => context.renamed.metrics.get(value.metric) ?? value.metric
    );
    const placeOf = (value: MetricValueModel): Place => ({ ...step, element: 'metric-value', metric: value.metric });
    const shown = (value: MetricValueModel, side: 'before' | 'after') =>
        valueText(
            'value',
            value.value,
            context[side].metrics.find(metric => metric.name === value.metric)
        ) ?? t('no data');
    const changes: Change[] = [
        ...matching.added.map(value =>
            changeAt(placeOf(value), {
                kind: 'added',
                after: value.value ?? shown(value, 'after'),
                summary: t("Metric {metric} added to '{name}' ({value}, {status})", {
                    metric: value.metric,
                    name: step.name,
                    value: shown(value, 'after'),
                    status: statusWord(value.status)
                })
            })
        ),
        ...matching.removed.map(value =>
            changeAt(placeOf(value), {
                kind: 'removed',
                before: value.value ?? shown(value, 'before'),
                summary: t("Metric {metric} removed from '{name}'", { metric: value.metric, name: step.name })
            })
        )
    ];
    for (const [old, current] of matching.pairs) {
        const definition = context.after.metrics.find(metric => metric.name === current.metric);
        const notes = [
            // A percentage changes by percentage points: 10% → 12% is +2 pp, not +2%.
            ...(definition?.unit === 'percent' &&
            old.value !== undefined &&
            current.value !== undefined &&
            old.value !== current.value
                ? [formatDelta(current.value - old.value, definition)]
                : []),
            ...(old.status !== current.status ? [`${statusWord(old.status)} → ${statusWord(current.status)}`] : [])
        ];
        const flip = notes.length > 0 ? ` (${notes.join('; ')})` : '';
        const found = fieldChanges('metric-value', old, current, placeOf(current), context);
        const linkChange = found.find(change => change.field === 'link');
        const valueChange = found.find(change => change.field === 'value');
        if (linkChange && valueChange) {
            // A new link reads another value: one change, the link, that tells the value it now reads.
            const value = t('value {old} → {new}', { old: shown(old, 'before'), new: shown(current, 'after') });
            changes.push({ ...linkChange, summary: `${linkChange.summary}; ${value}${flip}` });
        } else {
            changes.push(
                ...found.map(change =>
                    change.field === 'value' ? { ...change, summary: change.summary + flip } : change
                )
            );
        }
    }
    return changes;
}
