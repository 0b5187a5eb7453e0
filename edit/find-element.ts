import { t } from '../model/localisation.js';
import type {
    EditOutline,
    OutlineBlock,
    OutlineLine,
    OutlineOpportunity,
    OutlineStage,
    OutlineStep
} from './edit-outline.js';
import { EditRefused } from './edit-refused.js';

/** The kinds of a step's lines that are elements of their own on the map: `Journey.Step/pain/0`. */
export const stepLineKinds = ['pain', 'touchpoint', 'opportunity'] as const;
export type StepLineKind = (typeof stepLineKinds)[number];

/** A step's line named `Journey.Step/kind/index`. */
export interface StepLineElement {
    step: OutlineStep;
    kind: StepLineKind;
    line: OutlineLine;
}

export function stepOf(outline: EditOutline, id: string): OutlineStep {
    return outline.steps.get(id) ?? refuseUnknown(id, t('step'));
}

export function stageOf(outline: EditOutline, id: string): OutlineStage {
    return outline.stages.get(id) ?? refuseUnknown(id, t('stage'));
}

export function personaOf(outline: EditOutline, id: string): OutlineBlock {
    return outline.personas.get(id) ?? refuseUnknown(id, t('persona'));
}

export function opportunityOf(outline: EditOutline, id: string): OutlineOpportunity {
    return outline.opportunities.get(id) ?? refuseUnknown(id, t('opportunity'));
}

const stepLineId = /^(.+)\/(pain|touchpoint|opportunity)\/(\d+)$/;

/** `Journey.Step/pain/0`, when `id` has that shape; refused when the step or the line is not there. */
export function stepLineOf(outline: EditOutline, id: string): StepLineElement | undefined {
    const parts = stepLineId.exec(id);
    if (!parts) return undefined;
    const step = stepOf(outline, parts[1]);
    const kind = parts[2] as StepLineKind;
    const line = step.lines.filter(each => each.keyword === kind)[Number(parts[3])];
    return line ? { step, kind, line } : refuseUnknown(id, kind);
}

/** Any named element: a step, stage, journey, persona or opportunity. */
export function blockOf(outline: EditOutline, id: string): OutlineBlock {
    return findBlock(outline, id) ?? refuseUnknown(id, t('element'));
}

/** The block `id` names, or for a step's line (`Journey.Step/pain/0`) its step; none when this file has none. */
export function findBlock(outline: EditOutline, id: string): OutlineBlock | undefined {
    const owner = stepLineId.exec(id)?.[1] ?? id;
    return (
        outline.steps.get(owner) ??
        outline.stages.get(owner) ??
        outline.journeys.get(owner) ??
        outline.personas.get(owner) ??
        outline.opportunities.get(owner)
    );
}

function refuseUnknown(id: string, what: string): never {
    throw new EditRefused(t("There is no {what} '{id}' in this file.", { what, id }));
}

/** Where a step's flow lines (`next`, `exit`) start: new lines go before them, as writers keep them last. */
export function flowLinesStart(step: OutlineStep): number | undefined {
    return step.lines.find(line => line.keyword === 'next' || line.keyword === 'exit')?.span[0];
}
