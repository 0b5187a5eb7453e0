/**
 * Editing on the map with the mouse (docs/editor.md): each gesture is sent as a `journey/edit` and
 * the map is drawn again from the edited text (a dragged face follows the pointer only until it
 * is let go). Drag a curve's face up or down; drag a step card onto another (before it, or after
 * it on its right half) or onto a stage's band (last in that stage), or with Alt held onto another
 * card to connect it to the other (`next`) or take that `next` away; double-click a text
 * (editable-texts.ts) to edit it. The keys are in map-keys.ts, the "+"
 * buttons in add-buttons.ts, the portfolio's statuses in portfolio-status-menu.ts.
 */
import type { JourneyEdit } from '../protocol/edit-request.js';
import { editInPlace } from './edit-overlay.js';
import { addButtons } from './add-buttons.js';
import { editableTextAt, editableTextSelector } from './editable-texts.js';
import { installMapKeys, type MapEditingHost } from './map-keys.js';
import { curveFaceSelector, stepCardSelector, stepLineSelector } from './map-elements.js';

/** How far the pointer moves before a press on a card becomes a drag. */
const dragThreshold = 6;

export function installMapGestures(host: MapEditingHost): {
    editsOnDoubleClick(target: EventTarget | null): boolean;
    afterDraw(): void;
} {
    const keys = installMapKeys(host);
    const id = (step: string) => `${host.journey()!.name}.${step}`;
    const cardOf = (target: EventTarget | null) =>
        target instanceof Element ? target.closest<SVGGElement>(stepCardSelector) : null;
    const faceOf = (target: EventTarget | null) =>
        target instanceof Element ? target.closest<SVGGElement>(curveFaceSelector) : null;

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
            const linked = host
                .journey()
                ?.steps.find(each => each.name === step)
                ?.next.includes(other);
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
            const dropped = document.elementFromPoint(event.clientX, event.clientY);
            const target = cardOf(dropped);
            const stage = dropped?.closest<SVGGElement>('g.stage[data-stage]')?.dataset.stage;
            const step = card.dataset.step!;
            if (target && target.dataset.step !== step) host.send(dropEdit(step, target, event));
            else if (stage && !event.altKey) host.send({ kind: 'moveStep', step: id(step), stage: id(stage) });
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
        const journey = host.journey();
        if (!host.editable() || !(event.target instanceof Element) || !journey) return;
        const text = editableTextAt(event.target, journey);
        if (text) editInPlace(text.anchor, text.current, typed => host.send(text.editOf(typed)));
    });

    return {
        /** Whether a double-click on `target` edits it: only then does a click wait to tell the two apart. */
        editsOnDoubleClick(target: EventTarget | null): boolean {
            return host.editable() && target instanceof Element && target.closest(editableTextSelector) !== null;
        },
        /** Cards, faces and a step's lines can be reached with Tab; the keys go on after a repaint. */
        afterDraw(): void {
            if (!host.editable()) return;
            host.canvas
                .querySelectorAll<SVGElement>(`${stepCardSelector}, ${curveFaceSelector}, ${stepLineSelector}`)
                .forEach(element => {
                    element.setAttribute('tabindex', '0');
                    element.setAttribute('focusable', 'true');
                });
            addButtons(
                host.canvas,
                step => id(step),
                edit => host.send(edit)
            );
            keys.afterDraw();
        }
    };
}
