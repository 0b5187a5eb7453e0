import type { StepModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { layout } from './map-layout.js';
import { textLines } from './svg.js';
import { wrapText } from './text-wrap.js';

/** A lane's cell: its height, and how it is drawn at (x, y). */
export interface LaneCell {
    height: number;
    draw: (x: number, y: number) => string;
}

/** The service blueprint as a lane of the map (`lanes … blueprint`): what each lane does, where it can fail. */
export function blueprintCell(step: StepModel, width: number): LaneCell | undefined {
    const lines = [
        ...(step.blueprint ?? []).flatMap(action => wrapText(`${laneInitial(action.lane)} ${action.text}`, width, 11)),
        ...(step.failPoints ?? []).flatMap(point => wrapText(`✗ ${point}`, width, 11))
    ];
    if (lines.length === 0) return undefined;
    return {
        height: lines.length * layout.smallLine,
        draw: (x, y) => textLines(lines, x + layout.cellPad, y + 11, layout.smallLine, { class: 'small' })
    };
}

function laneInitial(lane: 'frontstage' | 'backstage' | 'support'): string {
    switch (lane) {
        case 'frontstage': return t('Front:');
        case 'backstage': return t('Back:');
        case 'support': return t('Support:');
    }
}

/** `detail Repair` on a step card: the journey that tells it in detail (a link in the preview). */
export function detailBadge(step: StepModel): string | undefined {
    if (!step.detail) return undefined;
    return `↳ ${t('In detail: {journey}', { journey: step.detailSummary?.title ?? step.detail })}`;
}

/** Where a step writes no pains but its detail journey has some: their count, marked as rolled up. */
export function rolledUpPainNote(step: StepModel): { text: string; details: string[] } | undefined {
    const count = step.detailSummary?.rolledUpPains ?? 0;
    if (step.pains.length > 0 || count === 0) return undefined;
    const journey = step.detailSummary?.title ?? step.detail ?? '';
    const text = t('{count} pains in {journey}', { count, journey });
    return { text, details: [t('rolled up from the detail journey')] };
}
