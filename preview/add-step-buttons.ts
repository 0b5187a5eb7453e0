/**
 * The map's "+" buttons: one on the right edge of each step card (a step after it) and one at
 * the end of each stage's header (a step last in the stage). They are the preview's own, drawn
 * over the map after each repaint, never part of an exported picture.
 */
import { t } from '../model/localisation.js';
import type { JourneyEdit } from '../protocol/edit-request.js';
import { editInPlace } from './edit-overlay.js';

const svgNs = 'http://www.w3.org/2000/svg';

export function addStepButtons(
    canvas: HTMLElement,
    qualified: (name: string) => string,
    send: (edit: JourneyEdit) => void
): void {
    const svg = canvas.querySelector('svg');
    if (!svg) return;
    for (const card of canvas.querySelectorAll<SVGGElement>('.cell[data-step]:has(> .step)')) {
        const step = card.dataset.step!;
        const box = card.getBBox();
        svg.append(
            plusButton(box.x + box.width, box.y + 16, t('Add a step after {step}', { step }), title =>
                send({ kind: 'addStep', after: qualified(step), title })
            )
        );
    }
    for (const stage of canvas.querySelectorAll<SVGGElement>('g.stage[data-stage]')) {
        const name = stage.dataset.stage!;
        const box = stage.getBBox();
        svg.append(
            plusButton(box.x + box.width - 14, box.y + 14, t('Add a step to stage {stage}', { stage: name }), title =>
                send({ kind: 'addStep', stage: qualified(name), title })
            )
        );
    }
}

/** A round "+" at (x, y) that asks for a title in place, by mouse or by keyboard (Enter or space). */
function plusButton(x: number, y: number, label: string, add: (title: string) => void): SVGGElement {
    const button = document.createElementNS(svgNs, 'g');
    button.setAttribute('class', 'add-step');
    button.setAttribute('role', 'button');
    button.setAttribute('tabindex', '0');
    button.setAttribute('aria-label', label);
    const circle = document.createElementNS(svgNs, 'circle');
    Object.entries({ cx: x, cy: y, r: 8 }).forEach(([name, value]) => circle.setAttribute(name, String(value)));
    const plus = document.createElementNS(svgNs, 'path');
    plus.setAttribute('d', `M${x - 4} ${y}h8M${x} ${y - 4}v8`);
    button.append(circle, plus);
    const ask = () =>
        editInPlace(
            button,
            '',
            title => {
                if (title.trim() !== '') add(title);
            },
            t('Title of the new step')
        );
    button.addEventListener('click', event => {
        event.stopPropagation();
        ask();
    });
    button.addEventListener('keydown', event => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        event.stopPropagation();
        ask();
    });
    return button;
}
