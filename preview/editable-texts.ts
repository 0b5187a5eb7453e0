/**
 * The texts of the map a writer edits in place (a double-click, or Enter on a focused element):
 * which element of the drawn map shows which text, and the `setText` edit that changes it.
 */
import type { OpportunityModel, StepModel } from '../model/journey-model.js';
import type { JourneyEdit } from '../protocol/edit-request.js';

/** What the gestures read of a step: the texts they edit in place, its order and its flow. */
export type EditableStep = Pick<
    StepModel,
    'name' | 'title' | 'emotion' | 'pains' | 'touchpoints' | 'opportunities' | 'next'
>;

export interface EditableJourney {
    name: string;
    steps: EditableStep[];
    opportunities: OpportunityModel[];
}

/** The element to put the text box over, the text it starts with, and the edit for what is typed. */
export interface EditableText {
    anchor: Element;
    current: string;
    editOf(text: string): JourneyEdit;
}

/** What a double-click edits (render marks a step's lines `data-line`, declared opportunities `data-opportunity`). */
export const editableTextSelector = '.step-title, [data-score] text, .emotion-note, [data-line], [data-opportunity]';

export function editableTextAt(target: Element, journey: EditableJourney): EditableText | undefined {
    const stepName = target.closest('[data-step]')?.getAttribute('data-step');
    const step = journey.steps.find(each => each.name === stepName);
    if (!step) return undefined;
    const id = `${journey.name}.${step.name}`;
    const line = target.closest<SVGElement>('[data-line]');
    if (line) {
        const [kind, index] = line.dataset.line!.split('/');
        const texts = { pain: step.pains, touchpoint: step.touchpoints, opportunity: step.opportunities };
        const current = texts[kind as keyof typeof texts]?.[Number(index)] ?? '';
        const element = `${id}/${line.dataset.line}`;
        return { anchor: line, current, editOf: text => ({ kind: 'setText', element, field: 'title', text }) };
    }
    const opportunity = target.closest<SVGElement>('[data-opportunity]');
    if (opportunity) {
        const name = opportunity.dataset.opportunity!;
        const current = journey.opportunities.find(each => each.name === name)?.title ?? name;
        const editOf = (text: string): JourneyEdit => ({ kind: 'setText', element: name, field: 'title', text });
        return { anchor: opportunity, current, editOf };
    }
    const fields = [
        { selector: '.step-title', field: 'title', current: step.title ?? step.name },
        { selector: '[data-score] text', field: 'feeling', current: step.emotion?.feeling ?? '' },
        { selector: '.emotion-note', field: 'note', current: step.emotion?.note ?? '' }
    ] as const;
    for (const { selector, field, current } of fields) {
        const anchor = target.closest(selector);
        if (anchor) return { anchor, current, editOf: text => ({ kind: 'setText', element: id, field, text }) };
    }
    return undefined;
}
