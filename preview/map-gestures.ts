/**
 * Editing on the map (docs/editor.md): each gesture is sent as a `journey/edit` and the map is
 * drawn again from the edited text (a dragged face follows the pointer only until it is let go).
 * The "+" buttons are in add-buttons.ts, the portfolio's statuses in portfolio-status-menu.ts. Mouse:
 * drag a curve's face up or down; drag a step card onto another (before it, or after it on its
 * right half), or with Alt held to connect it to the other (`next`) or take that `next` away;
 * double-click a title, a feeling, an emotion's note, a pain, a touchpoint or an opportunity to
 * edit it. Keyboard, on a focused card or face: ← → move the step, ↑ ↓ change the score, Enter
 * edits the title, + adds a step after it, Delete deletes it; on a focused pain, touchpoint or
 * opportunity: Enter edits it, Delete deletes it.
 */
import type { EditedTextField, JourneyEdit } from '../protocol/edit-request.js';
import type { OpportunityModel, StepModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { editInPlace } from './edit-overlay.js';
import { addButtons } from './add-buttons.js';

/** What the gestures read of a step: the texts they edit in place, its order and its flow. */
export type EditableStep = Pick<
    StepModel,
    'name' | 'title' | 'emotion' | 'pains' | 'touchpoints' | 'opportunities' | 'next'
>;

export interface GestureHost {
    canvas: HTMLElement;
    /** The journey drawn, whose steps the gestures name; none in views that are not of one journey. */
    journey(): { name: string; steps: EditableStep[]; opportunities: OpportunityModel[] } | undefined;
    /** Whether the map drawn is the live map of the text (not another view, a comparison or a slide). */
    editable(): boolean;
    send(edit: JourneyEdit): void;
}

/** How far the pointer moves before a press on a card becomes a drag. */
const dragThreshold = 6;

export function installMapGestures(host: GestureHost): {
    editsOnDoubleClick(target: EventTarget | null): boolean;
    afterDraw(): void;
} {
    let focusedStep: string | undefined;
    const id = (step: string) => `${host.journey()!.name}.${step}`;
    const cardOf = (target: EventTarget | null) =>
        target instanceof Element ? target.closest<SVGGElement>('.cell[data-step]:has(> .step)') : null;
    const faceOf = (target: EventTarget | null) =>
        target instanceof Element ? target.closest<SVGGElement>('[data-score][data-step]') : null;
    /** A step's pain, touchpoint or opportunity line on the map: `data-line="pain/0"`. */
    const stepLineOf = (target: EventTarget | null) =>
        target instanceof Element ? target.closest<SVGElement>('[data-step] [data-line]') : null;

    host.canvas.addEventListener('pointerdown', event => {
        if (!host.editable() || event.button !== 0) return;
        const face = faceOf(event.target);
        if (face) {
            dragFace(face, event);
            return;
        }
        const card = cardOf(event.target);
        if (card) dragCard(card, event);
    });

    /** The edit a card dropped on another makes: a move, or with Alt a `next` added or taken away. */
    function dropEdit(step: string, target: SVGGElement, drop: PointerEvent): JourneyEdit {
        const other = target.dataset.step!;
        if (drop.altKey) {
            const linked = host.journey()?.steps.find(each => each.name === step)?.next.includes(other);
            return { kind: linked ? 'disconnect' : 'connect', from: id(step), to: id(other) };
        }
        const box = target.getBoundingClientRect();
        const side = drop.clientX < box.left + box.width / 2 ? 'before' : 'after';
        return { kind: 'moveStep', step: id(step), [side]: id(other) };
    }

    function dragFace(face: SVGGElement, down: PointerEvent): void {
        const score = Number(face.dataset.score);
        const [min, max] = face.dataset.scale!.split('..').map(Number);
        const unit = Number(face.dataset.unit) * (face.ownerSVGElement?.getScreenCTM()?.d ?? 1);
        let chosen = score;
        face.setPointerCapture(down.pointerId);
        face.classList.add('dragging');
        const move = (event: PointerEvent) => {
            chosen = Math.min(max, Math.max(min, Math.round(score - (event.clientY - down.clientY) / unit)));
            face.setAttribute('transform', `translate(0 ${(score - chosen) * Number(face.dataset.unit)})`);
        };
        const up = () => {
            face.removeEventListener('pointermove', move);
            face.classList.remove('dragging');
            face.removeAttribute('transform');
            if (chosen !== score) host.send({ kind: 'setEmotion', step: id(face.dataset.step!), score: chosen });
        };
        face.addEventListener('pointermove', move);
        face.addEventListener('pointerup', up, { once: true });
        face.addEventListener(
            'pointercancel',
            () => {
                chosen = score;
                up();
            },
            { once: true }
        );
    }

    function dragCard(card: SVGGElement, down: PointerEvent): void {
        let dragging = false;
        const move = (event: PointerEvent) => {
            dragging ||= Math.hypot(event.clientX - down.clientX, event.clientY - down.clientY) > dragThreshold;
            if (dragging) card.classList.add('dragging');
        };
        const up = (event: PointerEvent) => {
            window.removeEventListener('pointermove', move);
            window.removeEventListener('pointercancel', cancel);
            card.classList.remove('dragging');
            if (!dragging) return;
            const target = cardOf(document.elementFromPoint(event.clientX, event.clientY));
            const step = card.dataset.step!;
            if (target && target.dataset.step !== step) host.send(dropEdit(step, target, event));
        };
        // A native drag the browser starts (of selected text) cancels the pointer: the gesture ends with no edit.
        const cancel = () => {
            window.removeEventListener('pointermove', move);
            window.removeEventListener('pointerup', up);
            card.classList.remove('dragging');
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up, { once: true });
        window.addEventListener('pointercancel', cancel, { once: true });
    }

    host.canvas.addEventListener('dblclick', event => {
        if (!host.editable() || !(event.target instanceof Element)) return;
        const journey = host.journey();
        const stepName = event.target.closest('[data-step]')?.getAttribute('data-step');
        const step = journey?.steps.find(each => each.name === stepName);
        if (!journey || !step) return;
        const line = stepLineOf(event.target);
        const declared = event.target.closest<SVGElement>('[data-opportunity]')?.dataset.opportunity;
        if (line) editStepLine(line, step);
        else if (declared) {
            const title = journey.opportunities.find(each => each.name === declared)?.title ?? declared;
            editInPlace(event.target, title, text =>
                host.send({ kind: 'setText', element: declared, field: 'title', text })
            );
        } else if (event.target.closest('.step-title')) {
            editText(event.target.closest('.step-title')!, step.name, 'title', step.title ?? step.name);
        } else if (event.target.closest('[data-score] text')) {
            editText(event.target.closest('[data-score] text')!, step.name, 'feeling', step.emotion?.feeling ?? '');
        } else if (event.target.closest('.emotion-note')) {
            editText(event.target.closest('.emotion-note')!, step.name, 'note', step.emotion?.note ?? '');
        }
    });

    function editText(anchor: Element, step: string, field: EditedTextField, current: string): void {
        editInPlace(anchor, current, text => host.send({ kind: 'setText', element: id(step), field, text }));
    }

    /** A pain, touchpoint or opportunity written on the step, in place: its line's text, as written. */
    function editStepLine(line: SVGElement, step: EditableStep): void {
        const [kind, index] = line.dataset.line!.split('/');
        const texts = { pain: step.pains, touchpoint: step.touchpoints, opportunity: step.opportunities };
        const current = texts[kind as keyof typeof texts]?.[Number(index)] ?? '';
        editInPlace(line, current, text =>
            host.send({ kind: 'setText', element: `${id(step.name)}/${line.dataset.line}`, field: 'title', text })
        );
    }

    host.canvas.addEventListener('keydown', event => {
        if (!host.editable() || !(event.target instanceof Element)) return;
        const face = faceOf(event.target);
        if (face && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
            const [min, max] = face.dataset.scale!.split('..').map(Number);
            const score = Math.min(max, Math.max(min, Number(face.dataset.score) + (event.key === 'ArrowUp' ? 1 : -1)));
            event.preventDefault();
            if (score !== Number(face.dataset.score))
                host.send({ kind: 'setEmotion', step: id(face.dataset.step!), score });
            return;
        }
        const line = stepLineOf(event.target);
        if (line) {
            onStepLineKey(line, event);
            return;
        }
        const card = cardOf(event.target);
        if (card) onCardKey(card, event);
    });

    function onStepLineKey(line: SVGElement, event: KeyboardEvent): void {
        const step = host.journey()?.steps.find(each => each.name === line.closest('[data-step]')?.getAttribute('data-step'));
        if (!step) return;
        if (event.key === 'Enter') {
            event.preventDefault();
            editStepLine(line, step);
        } else if (event.key === 'Delete' || event.key === 'Backspace') {
            event.preventDefault();
            host.send({ kind: 'delete', element: `${id(step.name)}/${line.dataset.line}` });
        }
    }

    function onCardKey(card: SVGGElement, event: KeyboardEvent): void {
        const journey = host.journey();
        const step = card.dataset.step!;
        const order = journey?.steps.map(each => each.name) ?? [];
        const index = order.indexOf(step);
        const act = (edit: JourneyEdit) => {
            event.preventDefault();
            focusedStep = step;
            host.send(edit);
        };
        if (event.key === 'ArrowLeft' && index > 0)
            act({ kind: 'moveStep', step: id(step), before: id(order[index - 1]) });
        else if (event.key === 'ArrowRight' && index >= 0 && index < order.length - 1)
            act({ kind: 'moveStep', step: id(step), after: id(order[index + 1]) });
        else if (event.key === 'Delete' || event.key === 'Backspace') act({ kind: 'delete', element: id(step) });
        else if (event.key === 'Enter') {
            event.preventDefault();
            const title = card.querySelector('.step-title') ?? card;
            editText(title, step, 'title', journey?.steps[index]?.title ?? step);
        } else if (event.key === '+') {
            event.preventDefault();
            editInPlace(
                card,
                '',
                text => host.send({ kind: 'addStep', after: id(step), title: text }),
                t('Title of the new step')
            );
        }
    }

    return {
        /** Whether a double-click on `target` edits it: only then does a click wait to tell the two apart. */
        editsOnDoubleClick(target: EventTarget | null): boolean {
            const editable = '.step-title, [data-score] text, .emotion-note, [data-line], [data-opportunity]';
            return host.editable() && target instanceof Element && target.closest(editable) !== null;
        },
        /** Cards and faces can be reached with Tab; the card that had focus before a repaint has it again. */
        afterDraw(): void {
            if (!host.editable()) return;
            host.canvas
                .querySelectorAll<SVGElement>('.cell[data-step]:has(> .step), [data-score][data-step], [data-step] [data-line]')
                .forEach(element => {
                    element.setAttribute('tabindex', '0');
                    element.setAttribute('focusable', 'true');
                });
            addButtons(
                host.canvas,
                step => id(step),
                edit => host.send(edit)
            );
            if (focusedStep) {
                host.canvas.querySelector<SVGGElement>(`.cell[data-step="${CSS.escape(focusedStep)}"]`)?.focus();
                focusedStep = undefined;
            }
        }
    };
}
