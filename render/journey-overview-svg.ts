import {
    allSteps,
    displayName,
    shareOfScale,
    type JourneyMapModel,
    type JourneyModel
} from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { formatNumber } from '../metrics/metric-format.js';
import type { MapTheme } from './map-theme.js';
import { windowsOf, type MapWindow } from './map-window.js';
import { svgDocument } from './svg-document.js';
import { element, num, text } from './svg.js';
import { wrapText } from './text-wrap.js';

const overview = { pad: 24, width: 1060, row: 52, gap: 8, label: 300, curve: 320, curveHeight: 30 } as const;

/**
 * A large journey at a glance: one row per window of consecutive steps, with the stages it
 * spans, its emotion curve and what it holds; a row (`data-window`) opens that window's
 * map. Drawing every step of tens of thousands at once would freeze any viewer.
 */
export function renderJourneyOverviewSvg(
    model: JourneyModel,
    journeyName: string | undefined,
    options: { theme?: MapTheme; idPrefix?: string } = {}
): string {
    const journey = model.journeys.find(candidate => candidate.name === journeyName) ?? model.journeys[0];
    const id = `${options.idPrefix ?? 'overview'}-svg`;
    if (!journey)
        return svgDocument(
            480,
            80,
            id,
            t('No journey'),
            t('This file declares no journey yet.'),
            options.theme ?? 'auto',
            ''
        );
    const windows = windowsOf(journey);
    const steps = allSteps(journey).length;
    const top = overview.pad + 64;
    const rows = windows.map(window => drawWindow(window, journey, top + window.index * (overview.row + overview.gap)));
    const height = top + windows.length * (overview.row + overview.gap) + overview.pad;
    const subtitle = t('{steps} steps in {stages} stages, too many for one picture: choose a part to see its map.', {
        steps: formatNumber(steps),
        stages: formatNumber(journey.stages.length)
    });
    const header =
        text(displayName(journey), { x: overview.pad, y: overview.pad + 22, class: 'title' }) +
        text(subtitle, { x: overview.pad, y: overview.pad + 44, class: 'subtitle muted' });
    const description = t('Overview of {title}: {steps} steps in {parts} parts.', {
        title: displayName(journey),
        steps: formatNumber(steps),
        parts: windows.length
    });
    return svgDocument(
        overview.width,
        height,
        id,
        displayName(journey),
        description,
        options.theme ?? 'auto',
        header + rows.join('')
    );
}

function drawWindow(window: MapWindow, journey: JourneyMapModel, y: number): string {
    const x = overview.pad;
    const label = t('Steps {from}–{to}', { from: formatNumber(window.from + 1), to: formatNumber(window.to) });
    const stages =
        window.firstStage === window.lastStage ? window.firstStage : `${window.firstStage} → ${window.lastStage}`;
    const counts = t('{pains} pain points · {opportunities} opportunities · {moments} moments of truth', {
        pains: window.steps.reduce((sum, step) => sum + step.pains.length, 0),
        opportunities: window.steps.reduce((sum, step) => sum + step.opportunities.length, 0),
        moments: window.steps.reduce((sum, step) => sum + step.momentsOfTruth.length, 0)
    });
    const curveX = x + overview.label;
    const countsX = curveX + overview.curve + 24;
    return element(
        'g',
        { class: 'overview-window', 'data-window': window.index, role: 'button', 'aria-label': `${label}: ${stages}` },
        [
            element('rect', {
                class: 'card',
                x,
                y,
                width: overview.width - 2 * overview.pad,
                height: overview.row,
                rx: 8
            }),
            text(label, { x: x + 12, y: y + 21, class: 'step-title' }),
            text(wrapText(stages, overview.label - 24, 11)[0] ?? '', { x: x + 12, y: y + 39, class: 'small muted' }),
            emotionLine(window, journey, curveX, y + (overview.row - overview.curveHeight) / 2),
            text(counts, { x: countsX, y: y + 31, class: 'small muted' })
        ]
    );
}

/** The window's emotions as one line: its shape, not each score. */
function emotionLine(window: MapWindow, journey: JourneyMapModel, x: number, y: number): string {
    const scored = window.steps
        .map((step, index) => ({ index, score: step.emotion?.score }))
        .filter((entry): entry is { index: number; score: number } => entry.score !== undefined);
    if (scored.length < 2) return '';
    const step = overview.curve / Math.max(1, window.steps.length - 1);
    const points = scored.map(
        entry =>
            `${num(x + entry.index * step)},${num(y + overview.curveHeight - shareOfScale(entry.score, journey.emotionScale) * overview.curveHeight)}`
    );
    return element('polyline', { class: 'spark', points: points.join(' '), 'aria-hidden': 'true' });
}
