import { allSteps, displayName, type JourneyMapModel, type JourneyModel, type Scale } from '../model/journey-model.js';
import { matchJourneys, matchSteps } from './journey-diff.js';

/** One step on the compared emotion curves; a side is missing where the step or its emotion is. */
export interface ComparedEmotion {
    step: string;
    label: string;
    before?: number;
    after?: number;
}

/** The before and after emotion curves of one journey, on one axis. */
export interface EmotionComparison {
    journey: string;
    title: string;
    scale: Scale;
    points: ComparedEmotion[];
}

/**
 * The emotion curves of each journey in both versions, step by step in the new order; a
 * removed step keeps its place after the step it followed. Journeys whose curve did not
 * change are left out.
 */
export function compareEmotions(before: JourneyModel, after: JourneyModel): EmotionComparison[] {
    return matchJourneys(before, after)
        .pairs.map(([old, current]) => ({
            journey: current.name,
            title: displayName(current),
            scale: current.emotionScale,
            points: comparedPoints(old, current)
        }))
        .filter(comparison => comparison.points.some(point => point.before !== point.after));
}

function comparedPoints(old: JourneyMapModel, current: JourneyMapModel): ComparedEmotion[] {
    const steps = matchSteps(old, current);
    const oldOf = new Map(steps.pairs.map(([was, now]) => [now, was]));
    const newOf = new Map(steps.pairs);
    const points: ComparedEmotion[] = allSteps(current).map(step => ({
        step: step.name,
        label: displayName(step),
        before: oldOf.get(step)?.emotion?.score,
        after: step.emotion?.score
    }));
    // A removed step goes after the new version of the step it followed (or first); several after one step keep their
    // order.
    const removedAfter = new Map<string | undefined, ComparedEmotion[]>();
    const removed = new Set(steps.removed);
    let predecessor: string | undefined;
    for (const step of allSteps(old)) {
        if (!removed.has(step)) {
            predecessor = newOf.get(step)?.name;
            continue;
        }
        const point = { step: step.name, label: displayName(step), before: step.emotion?.score };
        const list = removedAfter.get(predecessor);
        if (list) list.push(point);
        else removedAfter.set(predecessor, [point]);
    }
    return [
        ...(removedAfter.get(undefined) ?? []),
        ...points.flatMap(point => [point, ...(removedAfter.get(point.step) ?? [])])
    ];
}
