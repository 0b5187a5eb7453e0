import {
    allSteps,
    displayName,
    type BlueprintLane,
    type JourneyMapModel,
    type JourneyModel,
    type StepModel
} from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import type { MapTheme } from './map-theme.js';
import { element, text, textLines } from './svg.js';
import { svgDocument } from './svg-document.js';
import { wrapText } from './text-wrap.js';

const blueprintLayout = {
    pad: 24,
    label: 150,
    column: 190,
    gap: 10,
    lineHeight: 15,
    title: 48,
    cellPad: 8,
    minLane: 44
};

/** The lanes from top to bottom, and the line drawn under each (interaction, visibility, internal interaction). */
const lanes: Array<{ lane: 'customer' | BlueprintLane; line?: () => string }> = [
    { lane: 'customer', line: () => t('line of interaction') },
    { lane: 'frontstage', line: () => t('line of visibility') },
    { lane: 'backstage', line: () => t('line of internal interaction') },
    { lane: 'support' }
];

function laneTitle(lane: 'customer' | BlueprintLane): string {
    switch (lane) {
        case 'customer': return t('Customer actions');
        case 'frontstage': return t('Frontstage');
        case 'backstage': return t('Backstage');
        default: return t('Support processes');
    }
}

/** A cell's lines: wrapped texts, each followed by its owner, muted. */
interface CellLine {
    text: string;
    className: string;
}

function cellLines(step: StepModel, lane: 'customer' | BlueprintLane): CellLine[] {
    const width = blueprintLayout.column - blueprintLayout.cellPad * 2;
    const wrap = (value: string, className: string, size: number) =>
        wrapText(value, width, size).map(line => ({ text: line, className }));
    if (lane === 'customer') {
        return [
            ...wrap(displayName(step), 'body strong', 13),
            ...(step.owners ?? []).flatMap(owner => wrap(t('Owner: {owner}', { owner }), 'small muted', 11)),
            ...(step.failPoints ?? []).flatMap(point => wrap(`✗ ${point}`, 'small fail-point', 11))
        ];
    }
    return (step.blueprint ?? []).filter(action => action.lane === lane).flatMap(action => [
        ...wrap(action.text, 'body', 12),
        ...(action.owner ? wrap(t('Owner: {owner}', { owner: action.owner }), 'small muted', 11) : [])
    ]);
}

/**
 * The service blueprint of a journey: its steps as columns, and under each what the customer
 * does, what frontstage staff do (seen by the customer), what backstage processes and support
 * systems do, with the lines of interaction, visibility and internal interaction between the
 * lanes, fail points and owners.
 */
export function renderBlueprintSvg(
    model: JourneyModel,
    journeyName: string | undefined,
    options: { theme?: MapTheme; idPrefix?: string } = {}
): string {
    const journey = model.journeys.find(candidate => candidate.name === journeyName) ?? model.journeys[0];
    const id = `${options.idPrefix ?? 'blueprint'}-svg`;
    if (!journey) {
        return svgDocument(
            480,
            80,
            id,
            t('No journey'),
            t('This file declares no journey.'),
            options.theme ?? 'auto',
            ''
        );
    }
    const { svg, width, height } = drawBlueprint(journey);
    const description = t('Service blueprint of {title}: {count} steps', {
        title: displayName(journey),
        count: allSteps(journey).length
    });
    return svgDocument(
        width,
        height,
        id,
        t('Service blueprint of {title}', { title: displayName(journey) }),
        description,
        options.theme ?? 'auto',
        svg
    );
}

function drawBlueprint(journey: JourneyMapModel): { svg: string; width: number; height: number } {
    const { pad, label, column, gap, lineHeight, title, cellPad, minLane } = blueprintLayout;
    const steps = allSteps(journey);
    const width = pad * 2 + label + Math.max(1, steps.length) * (column + gap);
    const parts: string[] = [text(displayName(journey), { x: pad, y: pad + 16, class: 'title' })];
    let y = pad + title;
    for (const { lane, line } of lanes) {
        const cells = steps.map(step => cellLines(step, lane));
        const laneHeight = Math.max(minLane, ...cells.map(lines => lines.length * lineHeight + cellPad * 2));
        parts.push(text(laneTitle(lane), { x: pad, y: y + 18, class: 'lane-label' }));
        steps.forEach((step, index) => {
            const x = pad + label + index * (column + gap);
            const lines = cells[index];
            const hasFailPoint = lane === 'customer' && (step.failPoints ?? []).length > 0;
            parts.push(
                element('g', { class: `blueprint-cell lane-${lane}`, 'data-step': step.name }, [
                    element('rect', {
                        class: hasFailPoint ? 'card fail' : 'card',
                        x,
                        y,
                        width: column,
                        height: laneHeight,
                        rx: 6
                    }),
                    ...groupByClass(lines).map(group =>
                        textLines(group.lines, x + cellPad, y + cellPad + 12 + group.first * lineHeight, lineHeight, {
                            class: group.className
                        })
                    )
                ])
            );
        });
        y += laneHeight + gap;
        if (line) {
            // The line between two lanes, named under it at the right, clear of the cards.
            parts.push(element('line', { class: 'rule blueprint-line', x1: pad, y1: y, x2: width - pad, y2: y }));
            parts.push(text(line(), { x: width - pad, y: y + 13, class: 'small muted', 'text-anchor': 'end' }));
            y += 18 + gap;
        }
    }
    return { svg: parts.join(''), width, height: y + pad };
}

/** Consecutive lines of one class, drawn as one text element each. */
function groupByClass(lines: CellLine[]): Array<{ className: string; first: number; lines: string[] }> {
    const groups: Array<{ className: string; first: number; lines: string[] }> = [];
    lines.forEach((line, index) => {
        const last = groups.at(-1);
        if (last && last.className === line.className) last.lines.push(line.text);
        else groups.push({ className: line.className, first: index, lines: [line.text] });
    });
    return groups;
}

