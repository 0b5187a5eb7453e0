import { t } from '../model/localisation.js';
import { opportunityStatusLabel } from '../model/opportunity-status-label.js';
import { opportunityStatuses } from '../model/journey-model.js';
import type { MapTheme } from './map-theme.js';
import type { BacklogRow } from '../analysis/opportunity-backlog.js';
import { element, escapeXml, text, textLines } from './svg.js';
import { svgDocument } from './svg-document.js';
import { wrapText } from './text-wrap.js';

const portfolioLayout = {
    pad: 24, cell: 110, axis: 44, title: 40, dot: 7, rowHeight: 18, listWidth: 760, legendWidth: 180
};

/**
 * The opportunities on value × effort: value up, effort to the right, so the top left is the
 * most worth doing. One dot per opportunity, coloured by status; several in one cell are
 * spread around its centre. Below the chart every opportunity is listed, so that a portfolio
 * of hundreds stays readable; each dot and each row name the steps it addresses.
 */
export function renderPortfolioSvg(
    rows: BacklogRow[],
    options: { theme?: MapTheme; idPrefix?: string; title?: string } = {}
): string {
    const { pad, cell, axis, title, dot, rowHeight, listWidth, legendWidth } = portfolioLayout;
    const id = `${options.idPrefix ?? 'portfolio'}-svg`;
    const heading = options.title ?? t('Opportunities by value and effort');
    const chartSize = cell * 5;
    // The legend of the status colours beside the chart, in the room the list below leaves there.
    const width = Math.max(pad * 2 + axis + chartSize + legendWidth, pad * 2 + listWidth);
    const top = pad + title;
    const parts: string[] = [text(heading, { x: pad, y: pad + 16, class: 'title' })];
    parts.push(...grid(pad + axis, top, cell), ...quadrants(pad + axis, top, cell));
    parts.push(...statusLegend(pad + axis + chartSize + 24, top));
    const placed = rows.filter(row => isScore(row.value) && isScore(row.effort));
    const byCell = new Map<string, BacklogRow[]>();
    for (const row of placed) {
        const key = `${row.value}:${row.effort}`;
        byCell.set(key, [...(byCell.get(key) ?? []), row]);
    }
    for (const [key, together] of byCell) {
        const [value, effort] = key.split(':').map(Number);
        const centreX = pad + axis + (effort - 0.5) * cell;
        const centreY = top + (5 - value + 0.5) * cell;
        together.forEach((row, index) => {
            const angle = (index / together.length) * Math.PI * 2;
            const spread = together.length === 1 ? 0 : Math.min(cell / 2 - dot * 2, 8 + together.length * 2);
            const x = centreX + Math.cos(angle) * spread;
            const y = centreY + Math.sin(angle) * spread;
            parts.push(
                element('g', { class: 'opportunity-dot', 'data-opportunity': row.id, ...stepLink(row) }, [
                    element('title', {}, escapeXml(`${row.title} — ${stepsOf(row)}`)),
                    element('circle', { class: `status-${row.status ?? 'idea'}`, cx: x, cy: y, r: dot }),
                    together.length <= 4 ? text(row.id, { x: x + dot + 3, y: y + 4, class: 'small' }) : ''
                ])
            );
        });
    }
    let y = top + chartSize + axis;
    parts.push(text(t('Every opportunity'), { x: pad, y, class: 'lane-label' }));
    y += rowHeight;
    for (const row of rows) {
        const facts = [
            row.status ? opportunityStatusLabel(row.status) : '',
            t('value {score}', { score: row.value ?? '–' }),
            t('effort {score}', { score: row.effort ?? '–' }),
            row.owner ?? ''
        ]
            .filter(Boolean)
            .join(' · ');
        const lines = wrapText(`${row.id} — ${row.title} (${facts}): ${stepsOf(row)}`, listWidth, 12);
        parts.push(
            element('g', { class: 'opportunity-row', 'data-opportunity': row.id, ...stepLink(row) }, [
                element('circle', { class: `status-${row.status ?? 'idea'}`, cx: pad + 5, cy: y - 4, r: 5 }),
                textLines(lines, pad + 16, y, rowHeight - 2, { class: 'body' })
            ])
        );
        y += lines.length * (rowHeight - 2) + 4;
    }
    if (rows.length === 0) {
        parts.push(text(t('No opportunities in these maps.'), { x: pad, y, class: 'body muted' }));
        y += rowHeight;
    }
    const description = t('{count} opportunities placed by value and effort', { count: rows.length });
    return svgDocument(width, y + pad, id, heading, description, options.theme ?? 'auto', parts.join(''));
}

/** The 5 × 5 grid with its axes: value 1..5 upwards, effort 1..5 to the right. */
function grid(left: number, top: number, cell: number): string[] {
    const parts: string[] = [];
    for (let index = 0; index <= 5; index++) {
        parts.push(
            element('line', {
                class: 'grid',
                x1: left,
                y1: top + index * cell,
                x2: left + 5 * cell,
                y2: top + index * cell
            })
        );
        parts.push(
            element('line', {
                class: 'grid',
                x1: left + index * cell,
                y1: top,
                x2: left + index * cell,
                y2: top + 5 * cell
            })
        );
    }
    for (let score = 1; score <= 5; score++) {
        parts.push(
            text(String(score), {
                x: left - 12,
                y: top + (5 - score + 0.5) * cell + 4,
                class: 'small muted',
                'text-anchor': 'middle'
            })
        );
        parts.push(
            text(String(score), {
                x: left + (score - 0.5) * cell,
                y: top + 5 * cell + 16,
                class: 'small muted',
                'text-anchor': 'middle'
            })
        );
    }
    parts.push(text(t('value ↑'), { x: left - 36, y: top - 8, class: 'lane-label' }));
    parts.push(
        text(t('effort →'), { x: left + 5 * cell, y: top + 5 * cell + 34, class: 'lane-label', 'text-anchor': 'end' })
    );
    return parts;
}

/**
 * The four quadrants of value × effort, split at the middle score: quick wins (high value, low
 * effort), big bets (high value, high effort), fill-ins (low value, low effort), money pits.
 */
function quadrants(left: number, top: number, cell: number): string[] {
    const middle = 2.5 * cell;
    const corner = (label: string, x: number, y: number, anchor: 'start' | 'end') =>
        text(label, { x, y, class: 'quadrant-label', 'text-anchor': anchor });
    return [
        element('line', { class: 'quadrant-line', x1: left + middle, y1: top, x2: left + middle, y2: top + 5 * cell }),
        element('line', { class: 'quadrant-line', x1: left, y1: top + middle, x2: left + 5 * cell, y2: top + middle }),
        corner(t('Quick wins'), left + 6, top + 16, 'start'),
        corner(t('Big bets'), left + 5 * cell - 6, top + 16, 'end'),
        corner(t('Fill-ins'), left + 6, top + 5 * cell - 8, 'start'),
        corner(t('Money pits'), left + 5 * cell - 6, top + 5 * cell - 8, 'end')
    ];
}

/** What each colour of a dot means: the statuses in the order an opportunity goes through them. */
function statusLegend(x: number, top: number): string[] {
    return [
        text(t('Status'), { x, y: top + 12, class: 'lane-label' }),
        ...opportunityStatuses.map((status, index) => element('g', { class: 'legend-entry' }, [
            element('circle', { class: `status-${status}`, cx: x + 6, cy: top + 32 + index * 22, r: 6 }),
            text(opportunityStatusLabel(status), { x: x + 18, y: top + 36 + index * 22, class: 'body' })
        ]))
    ];
}

/** Where the first step an opportunity addresses is written: a click in the preview opens it there. */
function stepLink(row: BacklogRow): Record<string, string | number | undefined> {
    const range = row.steps.find(step => step.range)?.range;
    return range
        ? {
              'data-step-uri': range.uri,
              'data-step-line': range.start.line,
              'data-step-character': range.start.character
          }
        : {};
}

function isScore(score: number | undefined): score is number {
    return score !== undefined && Number.isInteger(score) && score >= 1 && score <= 5;
}

function stepsOf(row: BacklogRow): string {
    return row.steps.map(step => `${step.journey} › ${step.step}`).join(', ') || t('no step');
}
