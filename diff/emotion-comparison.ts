import { allSteps, displayName, type JourneyMapModel, type JourneyModel, type Scale } from '../language/journey-model.js';
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
    return matchJourneys(before, after).pairs
        .map(([old, current]) => ({ journey: current.name, title: displayName(current), scale: current.emotionScale, points: comparedPoints(old, current) }))
        .filter(comparison => comparison.points.some(point => point.before !== point.after));
}

function comparedPoints(old: JourneyMapModel, current: JourneyMapModel): ComparedEmotion[] {
    const steps = matchSteps(old, current);
    const oldOf = new Map(steps.pairs.map(([was, now]) => [now, was]));
    const points: ComparedEmotion[] = allSteps(current).map(step => ({ step: step.name, label: displayName(step), before: oldOf.get(step)?.emotion?.score, after: step.emotion?.score }));
    const oldSteps = allSteps(old);
    for (const removed of steps.removed) {
        const predecessor = oldSteps[oldSteps.indexOf(removed) - 1];
        const successorOfPredecessor = predecessor ? steps.pairs.find(([was]) => was === predecessor)?.[1].name : undefined;
        const at = successorOfPredecessor ? points.findIndex(point => point.step === successorOfPredecessor) + 1 : 0;
        points.splice(at, 0, { step: removed.name, label: displayName(removed), before: removed.emotion?.score });
    }
    return points;
}
