import { displayName, type JourneyModel } from '../model/journey-model.js';
import { funnelsOf, type Funnel } from '../metrics/funnel.js';
import { formatNumber } from '../metrics/metric-format.js';
import type { MapTheme } from './map-theme.js';
import { element, text } from './svg.js';
import { svgDocument } from './svg-document.js';
import { t } from '../model/localisation.js';

const funnelLayout = { pad: 24, width: 640, bar: 34, gap: 30, label: 220, title: 40 };

/**
 * The journey's funnels: one bar per step that carries a count, as wide as its share of
 * the first, with the conversion and drop-off to the next step written between the bars.
 */
export function renderFunnelSvg(
    model: JourneyModel,
    journeyName: string | undefined,
    options: { theme?: MapTheme; idPrefix?: string } = {}
): string {
    const journey = model.journeys.find(candidate => candidate.name === journeyName) ?? model.journeys[0];
    const funnels = journey ? funnelsOf(journey, model.metrics) : [];
    const id = `${options.idPrefix ?? 'funnel'}-svg`;
    const width = funnelLayout.pad * 2 + funnelLayout.label + funnelLayout.width;
    if (funnels.length === 0) {
        const message = t('No funnel yet: give two or more steps a value of a count metric (metric visitors = …).');
        return svgDocument(
            width,
            80,
            id,
            t('Funnel'),
            message,
            options.theme ?? 'auto',
            text(message, { x: funnelLayout.pad, y: 44, class: 'body muted' })
        );
    }
    let y = funnelLayout.pad;
    const parts = funnels.map(funnel => {
        const drawn = drawFunnel(funnel, y);
        y += drawn.height + funnelLayout.pad;
        return drawn.svg;
    });
    const description = funnels
        .map(funnel => `${funnel.title}: ${funnel.steps.map(step => `${step.label} ${step.value}`).join(', ')}`)
        .join('; ');
    return svgDocument(
        width,
        y,
        id,
        t('Funnel of {title}', { title: displayName(journey!) }),
        description,
        options.theme ?? 'auto',
        parts.join('')
    );
}

function drawFunnel(funnel: Funnel, top: number): { svg: string; height: number } {
    const first = Math.max(...funnel.steps.map(step => step.value), 1);
    const left = funnelLayout.pad + funnelLayout.label;
    const parts = [text(funnel.title, { x: funnelLayout.pad, y: top + 18, class: 'stage-title' })];
    funnel.steps.forEach((step, index) => {
        const y = top + funnelLayout.title + index * (funnelLayout.bar + funnelLayout.gap);
        const barWidth = Math.max(2, (step.value / first) * funnelLayout.width);
        parts.push(
            element(
                'g',
                {
                    class: 'funnel-step',
                    'data-step': step.step,
                    role: 'img',
                    'aria-label': `${step.label}: ${formatNumber(step.value)}`
                },
                [
                    text(step.label, { x: funnelLayout.pad, y: y + 22, class: 'body' }),
                    element('rect', {
                        class: 'funnel-bar',
                        x: left + (funnelLayout.width - barWidth) / 2,
                        y,
                        width: barWidth,
                        height: funnelLayout.bar,
                        rx: 4
                    }),
                    valueLabel(step.value, left, barWidth, y)
                ]
            )
        );
        const next = funnel.transitions[index];
        if (next) {
            parts.push(
                text(`↓ ${next.conversion}% go on · ${next.dropOff}% drop off`, {
                    x: left + funnelLayout.width / 2,
                    y: y + funnelLayout.bar + 20,
                    class: 'small muted',
                    'text-anchor': 'middle'
                })
            );
        }
    });
    return {
        svg: element('g', { class: 'funnel', 'data-metric': funnel.metric }, parts),
        height: funnelLayout.title + funnel.steps.length * (funnelLayout.bar + funnelLayout.gap) - funnelLayout.gap
    };
}

/** The count inside its bar, or beside it when the bar is too narrow to hold it. */
function valueLabel(value: number, left: number, barWidth: number, y: number): string {
    const inside = barWidth >= 80;
    const x = inside ? left + funnelLayout.width / 2 : left + (funnelLayout.width + barWidth) / 2 + 8;
    return text(formatNumber(value), {
        x,
        y: y + 22,
        class: 'body funnel-value',
        'text-anchor': inside ? 'middle' : 'start'
    });
}
