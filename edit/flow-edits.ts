import { t } from '../model/localisation.js';
import type { EditOutline, NameListLine, OutlineStep } from './edit-outline.js';
import { EditRefused } from './edit-refused.js';
import { blockOf, flowLinesStart, stepLineOf, stepOf } from './find-element.js';
import { insertIntoBlock, removeSpan, type OffsetEdit } from './text-layout.js';

/** `next To` added to `from`: to the end of its last `next` line, or as a line of its own. */
export function connectSteps(outline: EditOutline, fromId: string, toId: string): OffsetEdit[] {
    const [from, to] = sameJourney(outline, fromId, toId);
    if (from.next.some(line => line.names.some(each => each.name === to.name))) return [];
    if (from.lines.some(line => line.keyword === 'exit')) {
        throw new EditRefused(t('{step} is an exit: remove its `exit` before it leads anywhere.', { step: from.id }));
    }
    const last = from.next.at(-1);
    if (last) {
        const end = last.names.at(-1)!.span[1];
        return [{ start: end, end, newText: `, ${to.name}` }];
    }
    return [insertIntoBlock(outline.text, from.body!, `next ${to.name}`, flowLinesStart(from))];
}

/** `To` taken out of `from`'s `next`; a line left with no name goes. */
export function disconnectSteps(outline: EditOutline, fromId: string, toId: string): OffsetEdit[] {
    const [from, to] = sameJourney(outline, fromId, toId);
    const line = from.next.find(each => each.names.some(name => name.name === to.name));
    if (!line) throw new EditRefused(t('{from} does not lead to {to}.', { from: from.id, to: to.id }));
    return [withoutNames(outline.text, line, new Set([to.name]), [])];
}

/**
 * A step, a stage with no steps, a step's pain, touchpoint or opportunity line, or an opportunity
 * or persona no one names.
 */
export function deleteElement(
    outline: EditOutline,
    id: string,
    namedElsewhere: (id: string) => string[]
): OffsetEdit[] {
    const line = stepLineOf(outline, id);
    if (line) return [removeSpan(outline.text, line.line.span)];
    const step = outline.steps.get(id);
    if (step) return deleteStep(outline, step, namedElsewhere(id));
    const stage = outline.stages.get(id);
    if (stage && stage.steps.length > 0) {
        throw new EditRefused(t('Stage {stage} still has steps: move or delete them first.', { stage: id }));
    }
    const block = blockOf(outline, id);
    if (outline.journeys.has(id)) throw new EditRefused(t('A whole journey is deleted in the text, not on the map.'));
    refuseIfNamed(id, namedElsewhere(id));
    return [removeSpan(outline.text, block.span)];
}

function refuseIfNamed(id: string, names: string[]): void {
    if (names.length > 0) {
        throw new EditRefused(
            t('{element} is still named by {names}: change those first.', { element: id, names: names.join(', ') })
        );
    }
}

/**
 * The step goes; the steps that led to it lead to where it led instead (`A → B → C`, B deleted:
 * `A → C`), and the journey starts at its successors if it started at it.
 */
function deleteStep(outline: EditOutline, step: OutlineStep, named: string[]): OffsetEdit[] {
    refuseIfNamed(step.id, named);
    const successors = [...new Set(step.next.flatMap(line => line.names.map(each => each.name)))].filter(
        name => name !== step.name
    );
    const edits = [removeSpan(outline.text, step.span)];
    for (const other of outline.steps.values()) {
        if (other.journey !== step.journey || other === step) continue;
        const kept = new Set(other.next.flatMap(line => line.names.map(each => each.name)));
        for (const line of other.next) {
            if (!line.names.some(each => each.name === step.name)) continue;
            const instead = successors.filter(name => name !== other.name && !kept.has(name));
            instead.forEach(name => kept.add(name));
            edits.push(withoutNames(outline.text, line, new Set([step.name]), instead));
        }
    }
    for (const line of outline.journeys.get(step.journey)!.starts) {
        if (line.names.some(each => each.name === step.name)) {
            const started = new Set(line.names.map(each => each.name));
            edits.push(
                withoutNames(
                    outline.text,
                    line,
                    new Set([step.name]),
                    successors.filter(name => !started.has(name))
                )
            );
        }
    }
    return edits;
}

/**
 * A name list line with `removed` taken out and `added` put where the first of them was; the
 * whole line when none is left.
 */
function withoutNames(text: string, line: NameListLine, removed: ReadonlySet<string>, added: string[]): OffsetEdit {
    const names = line.names.flatMap(each => (removed.has(each.name) ? added : [each.name]));
    if (names.length === 0) return removeSpan(text, line.span);
    const first = line.names[0].span[0];
    const last = line.names.at(-1)!.span[1];
    return { start: first, end: last, newText: names.join(', ') };
}

function sameJourney(outline: EditOutline, fromId: string, toId: string): [OutlineStep, OutlineStep] {
    const from = stepOf(outline, fromId);
    const to = stepOf(outline, toId);
    if (from.journey !== to.journey) {
        throw new EditRefused(
            t('`next` leads to steps of the same journey; {to} is in {journey}.', { to: to.id, journey: to.journey })
        );
    }
    return [from, to];
}
