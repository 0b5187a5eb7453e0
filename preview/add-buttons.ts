/**
 * The map's "+" buttons: one on the right edge of each step card (a step after it), one at the
 * end of each stage's header (a step last in the stage), and one per step in the lanes of pains,
 * touchpoints and opportunities (a line of that kind on the step). They are the preview's own,
 * drawn over the map after each repaint, never part of an exported picture.
 */
import { t } from '../model/localisation.js';
import type { JourneyEdit } from '../protocol/edit-request.js';
import { editInPlace } from './edit-overlay.js';
import { stepCardSelector } from './map-elements.js';

const svgNs = 'http://www.w3.org/2000/svg';

/** What a "+" in a lane asks for and sends, by the kind of line the lane lists (render's `data-lists`). */
const laneAdds = {
    pain: {
        kind: 'addPain',
        label: (step: string) => t('Add a pain to {step}', { step }),
        placeholder: () => t('Text of the new pain')
    },
    touchpoint: {
        kind: 'addTouchpoint',
        label: (step: string) => t('Add a touchpoint to {step}', { step }),
        placeholder: () => t('Text of the new touchpoint')
    },
    opportunity: {
        kind: 'addOpportunity',
        label: (step: string) => t('Add an opportunity to {step}', { step }),
        placeholder: () => t('Text of the new opportunity')
    }
} as const;

export function addButtons(
    canvas: HTMLElement,
    qualified: (name: string) => string,
    send: (edit: JourneyEdit) => void
): void {
    const svg = canvas.querySelector('svg');
    if (!svg) return;
    const cards = [...canvas.querySelectorAll<SVGGElement>(stepCardSelector)].map(card => ({
        step: card.dataset.step!,
        box: card.getBBox()
    }));
    for (const { step, box } of cards) {
        const label = t('Add a step after {step}', { step });
        svg.append(
            plusButton(box.x + box.width, box.y + 16, label, t('Title of the new step'), title =>
                send({ kind: 'addStep', after: qualified(step), title })
            )
        );
    }
    for (const stage of canvas.querySelectorAll<SVGGElement>('g.stage[data-stage]')) {
        const name = stage.dataset.stage!;
        const box = stage.getBBox();
        const label = t('Add a step to stage {stage}', { stage: name });
        svg.append(
            plusButton(box.x + box.width - 14, box.y + 14, label, t('Title of the new step'), title =>
                send({ kind: 'addStep', stage: qualified(name), title })
            )
        );
    }
    for (const lane of canvas.querySelectorAll<SVGTextElement>('text[data-lists]')) {
        const adds = laneAdds[lane.dataset.lists as keyof typeof laneAdds];
        const top = lane.getBBox().y;
        // A wrapped map repeats its lanes under each row of cards: this lane's cards are the row just above it.
        const rowTop = Math.max(...cards.filter(card => card.box.y <= top).map(card => card.box.y));
        for (const { step, box } of cards.filter(card => card.box.y === rowTop)) {
            svg.append(
                plusButton(box.x + box.width, top + 6, adds.label(step), adds.placeholder(), text =>
                    send({ kind: adds.kind, step: qualified(step), text })
                )
            );
        }
    }
}

/** A round "+" at (x, y) that asks for a text in place, by mouse or by keyboard (Enter or space). */
function plusButton(
    x: number,
    y: number,
    label: string,
    placeholder: string,
    add: (text: string) => void
): SVGGElement {
    const button = document.createElementNS(svgNs, 'g');
    button.setAttribute('class', 'add-button');
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
            text => {
                if (text.trim() !== '') add(text);
            },
            placeholder
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
