import { displayName, type JourneyMapModel, type StepModel } from '../language/journey-model.js';
import { t } from '../language/localisation.js';

/** Sizes of the layout, in SVG units (pixels at 100 %). */
export const layout = {
    pad: 24, labelWidth: 120, column: 200, gap: 12, cellPad: 10,
    line: 16, titleLine: 17, smallLine: 15, personaWidth: 340, emotionLane: 180
} as const;

/** A step's place in the grid. Stages without steps still get a column, so they show. */
export interface Column {
    index: number;
    x: number;
    stageIndex: number;
    step?: StepModel;
}

export function columnsOf(journey: JourneyMapModel): Column[] {
    const columns: Column[] = [];
    journey.stages.forEach((stage, stageIndex) => {
        const steps: Array<StepModel | undefined> = stage.steps.length > 0 ? stage.steps : [undefined];
        for (const step of steps) {
            const index = columns.length;
            columns.push({ index, x: layout.pad + layout.labelWidth + index * (layout.column + layout.gap), stageIndex, step });
        }
    });
    return columns;
}

export function stepLabel(step: StepModel): string {
    const parts = [t('Step: {name}', { name: displayName(step) })];
    if (step.emotion) parts.push(t('emotion {score}', { score: step.emotion.score }) + (step.emotion.feeling ? ` (${step.emotion.feeling})` : ''));
    if (step.momentsOfTruth.length > 0) parts.push(t('moment of truth'));
    return parts.join(', ');
}
