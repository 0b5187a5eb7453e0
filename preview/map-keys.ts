/**
 * The map from the keyboard (docs/editor.md). On a focused card: ← → move the step, Enter edits
 * its title, + adds a step after it, Delete deletes it; on a face of the curve: ↑ ↓ change the
 * score; on a pain, touchpoint or opportunity: Enter edits it, Delete deletes it. A key that edits
 * waits for the map drawn from the edited text before the next key is read (so that ↑ pressed
 * three times is three points), and the element it was pressed on has the focus again after.
 */
import type { JourneyEdit } from '../protocol/edit-request.js';
import { t } from '../model/localisation.js';
import { editInPlace } from './edit-overlay.js';
import { editableTextAt, type EditableJourney } from './editable-texts.js';
import { curveFaceSelector, stepCardSelector, stepLineSelector } from './map-elements.js';

/** What the map's gestures and keys work with, given by the preview's page. */
export interface MapEditingHost {
    canvas: HTMLElement;
    /** The journey drawn, whose steps the gestures name; none in views that are not of one journey. */
    journey(): EditableJourney | undefined;
    /** Whether the map drawn is the live map of the text (not another view, a comparison or a slide). */
    editable(): boolean;
    send(edit: JourneyEdit): void;
}

/** How long a key's edit may go undrawn (refused, or changing nothing) before the next key is read anyway. */
const drawWaitMs = 1000;

const faceSelector = (step: string) => `[data-score][data-step="${CSS.escape(step)}"]`;
const cardSelector = (step: string) => `.cell[data-step="${CSS.escape(step)}"]:has(> .step)`;
const lineSelector = (step: string, line: string) => `[data-step="${CSS.escape(step)}"] [data-line="${line}"]`;

/** The focusable element a key was pressed on, by a selector that finds it again in the next drawing. */
function keyTarget(target: Element): { element: Element; selector: string } | undefined {
    const face = target.closest<SVGElement>(curveFaceSelector);
    if (face) return { element: face, selector: faceSelector(face.dataset.step!) };
    const line = target.closest<SVGElement>(stepLineSelector);
    const step = target.closest<SVGElement>('[data-step]')?.dataset.step;
    if (line && step) return { element: line, selector: lineSelector(step, line.dataset.line!) };
    const card = target.closest<SVGElement>(stepCardSelector);
    return card ? { element: card, selector: cardSelector(card.dataset.step!) } : undefined;
}

export function installMapKeys(host: MapEditingHost): { afterDraw(): void } {
    /** Set while a key's edit waits to be drawn; the keys pressed meanwhile wait in `queued`. */
    let waiting: number | undefined;
    let refocus: string | undefined;
    const queued: Array<{ selector: string; key: string }> = [];

    host.canvas.addEventListener('keydown', event => {
        if (!host.editable() || !(event.target instanceof Element)) return;
        const target = keyTarget(event.target);
        if (!target || !handles(target.element, event.key)) return;
        event.preventDefault();
        if (waiting !== undefined) queued.push({ selector: target.selector, key: event.key });
        else press(target.element, target.selector, event.key);
    });

    function handles(element: Element, key: string): boolean {
        if (element.matches('[data-score]')) return key === 'ArrowUp' || key === 'ArrowDown';
        const deletes = key === 'Delete' || key === 'Backspace';
        if (element.matches('[data-line]')) return key === 'Enter' || deletes;
        return ['ArrowLeft', 'ArrowRight', 'Enter', '+'].includes(key) || deletes;
    }

    function sendAndWait(edit: JourneyEdit, selector: string): void {
        refocus = selector;
        waiting = window.setTimeout(drawn, drawWaitMs);
        host.send(edit);
    }

    function press(element: Element, selector: string, key: string): void {
        const journey = host.journey();
        const step = element.closest<SVGElement>('[data-step]')?.dataset.step;
        if (!journey || !step) return;
        const id = (name: string) => `${journey.name}.${name}`;
        if (key === 'Enter') {
            const text = editableTextAt(element.querySelector('.step-title') ?? element, journey);
            if (text) editInPlace(text.anchor, text.current, typed => sendAndWait(text.editOf(typed), selector));
            return;
        }
        if (key === '+') {
            const ask = t('Title of the new step');
            editInPlace(element, '', title => sendAndWait({ kind: 'addStep', after: id(step), title }, selector), ask);
            return;
        }
        const edit = keyEdit(element, key, journey, step, id);
        if (edit) sendAndWait(edit, selector);
    }

    /** A face's score, a card's place, or a delete: computed from the map as drawn now. */
    function keyEdit(
        element: Element,
        key: string,
        journey: EditableJourney,
        step: string,
        id: (name: string) => string
    ): JourneyEdit | undefined {
        if (key === 'Delete' || key === 'Backspace') {
            const line = (element as SVGElement).dataset.line;
            return { kind: 'delete', element: line ? `${id(step)}/${line}` : id(step) };
        }
        const face = element as SVGElement;
        if (face.dataset.score !== undefined) {
            const [min, max] = face.dataset.scale!.split('..').map(Number);
            const was = Number(face.dataset.score);
            const score = Math.min(max, Math.max(min, was + (key === 'ArrowUp' ? 1 : -1)));
            return score === was ? undefined : { kind: 'setEmotion', step: id(step), score };
        }
        const order = journey.steps.map(each => each.name);
        const index = order.indexOf(step);
        if (key === 'ArrowLeft' && index > 0) return { kind: 'moveStep', step: id(step), before: id(order[index - 1]) };
        if (key === 'ArrowRight' && index >= 0 && index < order.length - 1)
            return { kind: 'moveStep', step: id(step), after: id(order[index + 1]) };
        return undefined;
    }

    /** The map is drawn (or the wait is over): the focus goes back, and the next key waiting is read. */
    function drawn(): void {
        window.clearTimeout(waiting);
        waiting = undefined;
        if (refocus) host.canvas.querySelector<SVGElement>(refocus)?.focus();
        refocus = undefined;
        while (waiting === undefined && queued.length > 0) {
            const { selector, key } = queued.shift()!;
            const element = host.canvas.querySelector(selector);
            if (element) press(element, selector, key);
        }
    }

    return { afterDraw: drawn };
}
