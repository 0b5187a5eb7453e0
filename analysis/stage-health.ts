import { displayName, shareOfScale, type JourneyMapModel } from '../model/journey-model.js';

/** How one stage of a journey is doing: a cell of the site's heatmap of journeys × stages. */
export interface StageHealth {
    stage: string;
    title: string;
    /** The lowest emotion of its steps (written, else measured, else rolled up from a detail journey). */
    lowest?: number;
    /** Where that lies on the journey's scale, 0 (lowest) to 1. */
    share?: number;
    /** Metric values of its steps that miss their targets. */
    missed: number;
    pains: number;
}

function sum(values: number[]): number {
    return values.reduce((total, value) => total + value, 0);
}

export function stageHealth(journey: JourneyMapModel): StageHealth[] {
    return journey.stages.map(stage => {
        const scores = stage.steps.flatMap(step => {
            const score = step.emotion?.score ?? step.measuredEmotion?.score ?? step.detailSummary?.rolledUpEmotion;
            return score === undefined ? [] : [score];
        });
        const lowest = scores.length > 0 ? Math.min(...scores) : undefined;
        return {
            stage: stage.name, title: displayName(stage), lowest,
            share: lowest === undefined ? undefined : shareOfScale(lowest, journey.emotionScale),
            missed: sum(stage.steps.map(step => step.metrics.filter(value => value.status === 'missed').length)),
            pains: sum(stage.steps.map(step => step.pains.length || (step.detailSummary?.rolledUpPains ?? 0)))
        };
    });
}
