import { identifierFromTitle, isIdentifier } from '../model/journey-names.js';
import { t } from '../model/localisation.js';
import { quote } from '../model/string-literals.js';
import type { JourneyEdit } from '../protocol/edit-request.js';
import type { EditOutline, OutlineStep } from './edit-outline.js';
import { EditRefused } from './edit-refused.js';
import { stageOf, stepOf } from './find-element.js';
import {
    dedented,
    indentOfLine,
    insertIntoBlock,
    isAloneOnItsLines,
    isMultiLine,
    leadingCommentsStart,
    lineEndOf,
    lineStartOf,
    reindent,
    removeSpan,
    type OffsetEdit
} from './text-layout.js';

type Placement = { before?: string; after?: string; stage?: string };

/** A step cut from where it is and put before or after another step, or last in a stage; its `next` goes with it. */
export function moveStep(outline: EditOutline, edit: Extract<JourneyEdit, { kind: 'moveStep' }>): OffsetEdit[] {
    const moving = stepOf(outline, edit.step);
    const target = placement(outline, edit, moving.journey);
    if (target.step?.id === moving.id) throw new EditRefused(t('A step cannot be placed next to itself.'));
    if (alreadyThere(outline, moving, edit)) return [];
    const { text } = outline;
    if (!isAloneOnItsLines(text, moving.span)) {
        return [removeSpan(text, moving.span), placed(outline, text.slice(moving.span[0], moving.span[1]), target)];
    }
    // The comment lines right above the step go with it.
    const span = [leadingCommentsStart(text, moving.span[0]), moving.span[1]] as const;
    const indent = indentOfLine(text, moving.span[0]);
    const written = dedented(text, [lineStartOf(text, span[0]) + indent.length, span[1]]);
    return [removeSpan(text, span), placed(outline, written, target)];
}

/**
 * A new, empty step with a title, after another step or last in a stage; its name is made from
 * the title unless given.
 */
export function addStep(outline: EditOutline, edit: Extract<JourneyEdit, { kind: 'addStep' }>): OffsetEdit[] {
    if (edit.title.trim() === '') throw new EditRefused(t('A new step needs a title.'));
    const journey = edit.after ? stepOf(outline, edit.after).journey : stageOf(outline, edit.stage ?? '').journey;
    const taken = new Set([...outline.steps.values()].filter(step => step.journey === journey).map(step => step.name));
    const name = edit.id ?? freeName(identifierFromTitle(edit.title, 'Step'), taken);
    if (!isIdentifier(name))
        throw new EditRefused(t("`{name}` cannot be a step's name: use letters, digits and _.", { name }));
    if (taken.has(name)) throw new EditRefused(t('Journey {journey} has a step {name} already.', { journey, name }));
    const target = placement(outline, edit, journey);
    return [placed(outline, `step ${name} ${quote(edit.title)} {\n}`, target)];
}

function freeName(wanted: string, taken: ReadonlySet<string>): string {
    let name = wanted;
    for (let number = 2; taken.has(name); number++) name = `${wanted}${number}`;
    return name;
}

interface Target {
    step?: OutlineStep;
    where: 'before' | 'after' | 'last';
    stage: string;
}

function placement(outline: EditOutline, edit: Placement, journey: string): Target {
    const named = edit.before ?? edit.after;
    const target: Target = named
        ? { step: stepOf(outline, named), where: edit.before ? 'before' : 'after', stage: '' }
        : { where: 'last', stage: stageOf(outline, edit.stage ?? '').id };
    if (target.step) target.stage = `${target.step.journey}.${target.step.stage}`;
    const targetJourney = target.step?.journey ?? outline.stages.get(target.stage)!.journey;
    if (targetJourney !== journey) {
        throw new EditRefused(t('A step stays in its journey ({journey}): its `next` names steps of it.', { journey }));
    }
    return target;
}

function alreadyThere(outline: EditOutline, moving: OutlineStep, edit: Placement): boolean {
    const stage = outline.stages.get(`${moving.journey}.${moving.stage}`)!;
    const index = stage.steps.indexOf(moving.id);
    if (edit.before) return stage.steps[index + 1] === edit.before;
    if (edit.after) return stage.steps[index - 1] === edit.after;
    return stage.id === edit.stage && index === stage.steps.length - 1;
}

/** The insertion of a step's text (its first line unindented) at the target, in the target's layout. */
function placed(outline: EditOutline, written: string, target: Target): OffsetEdit {
    const { text } = outline;
    const oneLine = written.replace(/\n\s*/g, ' ');
    if (target.where === 'last') {
        const { body } = outline.stages.get(target.stage)!;
        return insertIntoBlock(text, body!, isMultiLine(text, body!) ? written : oneLine);
    }
    const step = target.step!;
    if (!isAloneOnItsLines(text, step.span)) {
        return target.where === 'before'
            ? { start: step.span[0], end: step.span[0], newText: `${oneLine} ` }
            : { start: step.span[1], end: step.span[1], newText: ` ${oneLine}` };
    }
    const indent = indentOfLine(text, step.span[0]);
    const at = target.where === 'before' ? leadingCommentsStart(text, step.span[0]) : lineEndOf(text, step.span[1]) + 1;
    return { start: at, end: at, newText: `${reindent(written, indent)}\n` };
}
