import { isIdentifier } from '../model/journey-names.js';
import { opportunityStatuses } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { quote } from '../model/string-literals.js';
import type { EditedTextField, JourneyEdit } from '../protocol/edit-request.js';
import type { EditOutline, OutlineBlock, OutlineLine, OutlineStep } from './edit-outline.js';
import { EditRefused } from './edit-refused.js';
import { blockOf, flowLinesStart, opportunityOf, personaOf, stepLineOf, stepOf } from './find-element.js';
import { connectSteps, deleteElement, disconnectSteps } from './flow-edits.js';
import { addStep, moveStep } from './step-placement.js';
import { insertIntoBlock, isMultiLine, removeSpan, type OffsetEdit } from './text-layout.js';

/**
 * The edit of the text that makes a gesture on the map: the fewest characters changed, in the
 * file's own layout. Throws EditRefused, with the reason, for a gesture that cannot be made.
 * `namedElsewhere` lists what else names an element (a step an opportunity addresses), which
 * a delete must not leave dangling.
 */
export function planJourneyEdit(
    outline: EditOutline,
    edit: JourneyEdit,
    namedElsewhere: (id: string) => string[] = () => []
): OffsetEdit[] {
    switch (edit.kind) {
        case 'setEmotion':
            return setEmotion(outline, stepOf(outline, edit.step), edit.score, edit.feeling);
        case 'setText':
            return setText(outline, edit.element, edit.field, edit.text);
        case 'moveStep':
            return moveStep(outline, edit);
        case 'addStep':
            return addStep(outline, edit);
        case 'addPain':
            return [addStepLine(outline, stepOf(outline, edit.step), 'pain', edit.text)];
        case 'addOpportunity':
            return [addStepLine(outline, stepOf(outline, edit.step), 'opportunity', edit.text)];
        case 'addTouchpoint':
            return [addStepLine(outline, stepOf(outline, edit.step), 'touchpoint', edit.text)];
        case 'setStatus':
            return setStatus(outline, edit.opportunity, edit.status);
        case 'delete':
            return deleteElement(outline, edit.element, namedElsewhere);
        case 'connect':
            return connectSteps(outline, edit.from, edit.to);
        case 'disconnect':
            return disconnectSteps(outline, edit.from, edit.to);
        default:
            throw new EditRefused(t('Unknown edit kind: {kind}.', { kind: String((edit as { kind: unknown }).kind) }));
    }
}

function replace(span: readonly [number, number], newText: string): OffsetEdit {
    return { start: span[0], end: span[1], newText };
}

function setEmotion(outline: EditOutline, step: OutlineStep, score: number, feeling?: string): OffsetEdit[] {
    const { scale } = outline.journeys.get(step.journey)!;
    if (!Number.isFinite(score) || score < scale.min || score > scale.max) {
        throw new EditRefused(
            t('An emotion of {step} must be on the scale {min}..{max}; {score} is not.', {
                step: step.id,
                min: scale.min,
                max: scale.max,
                score: String(score)
            })
        );
    }
    if (feeling !== undefined && feeling !== '') checkedFeeling(feeling);
    const written = String(score);
    const emotion = step.emotion;
    if (!emotion) {
        const line = `emotion ${written}${feeling ? ` ${feeling}` : ''}`;
        return [insertIntoBlock(outline.text, step.body!, line, flowLinesStart(step))];
    }
    const edits = [replace(emotion.score, written)];
    if (feeling !== undefined) edits.push(...setFeeling(emotion, feeling));
    return edits;
}

function checkedFeeling(feeling: string): string {
    if (!isIdentifier(feeling)) {
        throw new EditRefused(
            t('A feeling is one word (letters, digits, _), not a keyword: `{feeling}` is not one.', { feeling })
        );
    }
    return feeling;
}

function setFeeling(emotion: NonNullable<OutlineStep['emotion']>, feeling: string): OffsetEdit[] {
    if (emotion.feeling) {
        return feeling === ''
            ? [{ start: emotion.score[1], end: emotion.feeling[1], newText: '' }]
            : [replace(emotion.feeling, feeling)];
    }
    return feeling === '' ? [] : [{ start: emotion.score[1], end: emotion.score[1], newText: ` ${feeling}` }];
}

function setText(outline: EditOutline, element: string, field: EditedTextField, text: string): OffsetEdit[] {
    const line = stepLineOf(outline, element);
    if (line) {
        if (field !== 'title') throw new EditRefused(t('A {kind} has only its text to edit.', { kind: line.kind }));
        if (text.trim() === '')
            throw new EditRefused(t('A {kind} needs a text: delete it instead.', { kind: line.kind }));
        return [replace(line.line.text!, quote(text))];
    }
    const block = blockOf(outline, element);
    switch (field) {
        case 'title':
            return setTitle(block, text);
        case 'feeling':
            return setFeeling(emotionOf(outline, element), text === '' ? '' : checkedFeeling(text));
        case 'note':
            return setNote(emotionOf(outline, element), text);
        case 'goal':
            return setGoal(outline, element, text);
    }
}

function setTitle(block: OutlineBlock, text: string): OffsetEdit[] {
    if (block.title)
        return text === ''
            ? [{ start: block.nameSpan[1], end: block.title[1], newText: '' }]
            : [replace(block.title, quote(text))];
    return text === '' ? [] : [{ start: block.nameSpan[1], end: block.nameSpan[1], newText: ` ${quote(text)}` }];
}

function emotionOf(outline: EditOutline, id: string): NonNullable<OutlineStep['emotion']> {
    const emotion = stepOf(outline, id).emotion;
    if (!emotion) throw new EditRefused(t('{step} has no emotion yet: set its score first.', { step: id }));
    return emotion;
}

function setNote(emotion: NonNullable<OutlineStep['emotion']>, text: string): OffsetEdit[] {
    if (emotion.note)
        return text === ''
            ? [{ start: (emotion.feeling ?? emotion.score)[1], end: emotion.note[1], newText: '' }]
            : [replace(emotion.note, quote(text))];
    const end = (emotion.feeling ?? emotion.score)[1];
    return text === '' ? [] : [{ start: end, end, newText: ` ${quote(text)}` }];
}

function setGoal(outline: EditOutline, id: string, text: string): OffsetEdit[] {
    const persona = personaOf(outline, id);
    const goal = persona.lines.find(line => line.keyword === 'goal');
    if (goal && text !== '') return [replace(goal.text!, quote(text))];
    if (goal) return [removeLine(outline, persona, goal)];
    if (text === '') return [];
    return [addLine(outline, persona, `goal ${quote(text)}`)];
}

/** A block's line taken out; a one-line block left empty goes with it (the inverse of addLine). */
function removeLine(outline: EditOutline, block: OutlineBlock, line: OutlineLine): OffsetEdit {
    const body = block.body!;
    if (block.lines.length > 1 || isMultiLine(outline.text, body)) return removeSpan(outline.text, line.span);
    const end = (block.title ?? block.nameSpan)[1];
    return { start: end, end: body.close + 1, newText: '' };
}

/** A line added last to a block, or a block made for it (`persona Ana` → `persona Ana { goal "…" }`). */
function addLine(outline: EditOutline, block: OutlineBlock, line: string): OffsetEdit {
    if (block.body) return insertIntoBlock(outline.text, block.body, line);
    const end = block.span[1];
    return { start: end, end, newText: ` { ${line} }` };
}

/** `pain "…"` after the step's last line of its kind, else before its flow lines, else last. */
function addStepLine(
    outline: EditOutline,
    step: OutlineStep,
    keyword: 'pain' | 'opportunity' | 'touchpoint',
    text: string
): OffsetEdit {
    if (text.trim() === '') throw new EditRefused(t('A {kind} needs a text.', { kind: keyword }));
    const line = `${keyword} ${quote(text)}`;
    const sameKind = step.lines.filter(each => each.keyword === keyword).at(-1);
    const next = sameKind && step.lines[step.lines.indexOf(sameKind) + 1];
    const before = sameKind ? (next?.span[0] ?? undefined) : flowLinesStart(step);
    if (sameKind && !next && isMultiLine(outline.text, step.body!))
        return insertIntoBlock(outline.text, step.body!, line);
    return insertIntoBlock(outline.text, step.body!, line, before);
}

function setStatus(outline: EditOutline, id: string, status: string): OffsetEdit[] {
    const opportunity = opportunityOf(outline, id);
    if (!(opportunityStatuses as readonly string[]).includes(status)) {
        throw new EditRefused(
            t('A status is one of {statuses}; `{status}` is not.', { statuses: opportunityStatuses.join(', '), status })
        );
    }
    if (opportunity.status) return [replace(opportunity.status, status)];
    return [addLine(outline, opportunity, `status ${status}`)];
}
