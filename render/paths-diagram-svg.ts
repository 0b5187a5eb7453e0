import { allSteps, displayName, type JourneyModel, type StepModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { shareOf } from '../model/observed-paths.js';
import type { MapTheme } from './map-theme.js';
import { svgDocument } from './svg-document.js';
import { element, num, text, textLines } from './svg.js';
import { wrapText } from './text-wrap.js';

const box = { width: 132, height: 58, gap: 36, pad: 24 };

/**
 * The paths of a journey as a picture a page can show without Mermaid: its steps in a row (in
 * the map's order), the `next` links as arcs above, and where customers actually went (the
 * paths snapshot) as arcs below, as wide as their share, dashed where the map has no `next`.
 */
export function renderPathsDiagramSvg(
    model: JourneyModel, journeyName: string | undefined, options: { theme?: MapTheme; idPrefix?: string } = {}
): string {
    const journey = model.journeys.find(candidate => candidate.name === journeyName) ?? model.journeys[0];
    const id = options.idPrefix ?? 'paths';
    const steps = journey ? allSteps(journey) : [];
    const index = new Map(steps.map((step, at) => [step.name, at]));
    const declared = steps.flatMap(step => step.next.filter(next => index.has(next))
        .map(next => ({ from: step.name, to: next })));
    // A step with no `next` and no `exit` leads on to the step written after it.
    const implied = steps.flatMap((step, at) => (step.next.length === 0 && !step.exit && at + 1 < steps.length
        ? [at] : []));
    const observed = journey?.observedPaths?.paths;
    const flows = (observed?.transitions ?? []).filter(flow => index.has(flow.from) && index.has(flow.to));
    const span = (from: string, to: string) => Math.abs(index.get(to)! - index.get(from)!);
    const above = 30 + Math.max(0, ...declared.map(link => span(link.from, link.to))) * 22;
    const below = flows.length > 0 ? 40 + Math.max(...flows.map(flow => span(flow.from, flow.to))) * 22 : 24;
    const top = box.pad + above;
    const width = box.pad * 2 + Math.max(1, steps.length) * (box.width + box.gap) - box.gap;
    const height = top + box.height + below + box.pad;
    const centre = (name: string) => box.pad + index.get(name)! * (box.width + box.gap) + box.width / 2;
    const arc = (from: string, to: string, y: number, lift: number) => {
        const [a, b] = [num(centre(from)), num(centre(to))];
        return `M${a} ${num(y)}C${a} ${num(y + lift)} ${b} ${num(y + lift)} ${b} ${num(y)}`;
    };
    const lift = (from: string, to: string) => 16 + span(from, to) * 22;
    const parts = [
        ...declared.map(link => element('path',
            { class: 'flow-declared', d: arc(link.from, link.to, top, -lift(link.from, link.to)) })),
        ...implied.map(at => {
            const x = box.pad + at * (box.width + box.gap) + box.width;
            const y = top + box.height / 2;
            const arrow = `M${num(x + 4)} ${num(y)}h${num(box.gap - 12)}m-6 -4l6 4l-6 4`;
            return element('path', { class: 'flow-implied', d: arrow });
        }),
        ...flows.map(flow => element('path', {
            class: flow.declared ? 'flow-observed' : 'flow-observed undocumented',
            'stroke-width': num(1 + 9 * shareOf(flow.count, observed!.cases)),
            d: arc(flow.from, flow.to, top + box.height, lift(flow.from, flow.to))
        }, element('title', {}, `${flow.count}`))),
        ...steps.map((step, at) => stepBox(step, box.pad + at * (box.width + box.gap), top))
    ];
    const title = journey ? displayName(journey) : '';
    const description = t('Paths of {title}: {steps} steps, {links} links of the map, {flows} observed moves.',
        { title, steps: steps.length, links: declared.length, flows: flows.length });
    const heading = journey ? t('Paths of {title}', { title }) : t('No journey');
    return svgDocument(width, height, id, heading, description, options.theme ?? 'auto', parts.join(''));
}

function stepBox(step: StepModel, x: number, y: number): string {
    const lines = wrapText(displayName(step), box.width - 12, 12).slice(0, 3);
    return element('g', { class: 'cell', 'data-step': step.name }, [
        element('rect', { class: 'card', x, y, width: box.width, height: box.height, rx: 8 }),
        textLines(lines, x + 6, y + 18, 15, { class: 'body' }),
        step.exit ? text('⏏', { x: x + box.width - 14, y: y + box.height - 6, class: 'small muted' }) : ''
    ]);
}
