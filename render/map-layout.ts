import { displayName, type JourneyMapModel, type StepModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';

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
            columns.push({
                index,
                x: layout.pad + layout.labelWidth + index * (layout.column + layout.gap),
                stageIndex,
                step
            });
        }
    });
    return columns;
}

/** The narrowest map that still holds a persona card and one step column beside the lane labels. */
export const narrowestMap = layout.pad * 2 + Math.max(layout.personaWidth, layout.labelWidth + layout.column);

/**
 * The columns in rows of a map `width` wide: a stage stays in one row where it fits (it starts
 * a new row when it does not fit the rest of the current one), and a stage wider than a row
 * wraps its steps over several. Each row's columns get their x in that row.
 */
export function rowsOf(columns: Column[], width: number): Column[][] {
    const perRow = Math.max(
        1,
        Math.floor((width - 2 * layout.pad - layout.labelWidth + layout.gap) / (layout.column + layout.gap))
    );
    const rows: Column[][] = [[]];
    const stages = [...new Set(columns.map(column => column.stageIndex))];
    for (const stageIndex of stages) {
        const own = columns.filter(column => column.stageIndex === stageIndex);
        const current = rows.at(-1)!;
        if (current.length > 0 && current.length + own.length > perRow) rows.push([]);
        for (const column of own) {
            if (rows.at(-1)!.length === perRow) rows.push([]);
            rows.at(-1)!.push(column);
        }
    }
    return rows
        .filter(row => row.length > 0)
        .map(row =>
            row.map((column, index) => ({
                ...column,
                x: layout.pad + layout.labelWidth + index * (layout.column + layout.gap)
            }))
        );
}

export function stepLabel(step: StepModel): string {
    const parts = [t('Step: {name}', { name: displayName(step) })];
    if (step.emotion)
        parts.push(
            t('emotion {score}', { score: step.emotion.score }) +
                (step.emotion.feeling ? ` (${step.emotion.feeling})` : '')
        );
    if (step.momentsOfTruth.length > 0) parts.push(t('moment of truth'));
    return parts.join(', ');
}
