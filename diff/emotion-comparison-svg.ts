import type { ComparedEmotion, EmotionComparison } from './emotion-comparison.js';
import { shareOfScale } from '../model/journey-model.js';
import { scaleTicks } from '../render/emotion-curve.js';
import type { MapTheme } from '../render/map-theme.js';
import { element, text } from '../render/svg.js';
import { svgDocument } from '../render/svg-document.js';
import { textWidth } from '../render/text-wrap.js';
import { t } from '../model/localisation.js';

const chart = { pad: 40, column: 96, top: 56, height: 160, labelLine: 15, labelWidth: 88 };

/**
 * The before and after emotion curves of one journey on one axis: before dashed with open
 * points, after solid with filled points (told apart by line and point shape, and named
 * in the legend, not by colour alone). A step missing on one side breaks that side's line.
 */
export function renderEmotionComparisonSvg(
    comparison: EmotionComparison,
    options: { theme?: MapTheme; idPrefix?: string } = {}
): string {
    const width = chart.pad * 2 + Math.max(4, comparison.points.length) * chart.column;
    const bottom = chart.top + chart.height;
    const height = bottom + chart.labelLine * 2 + chart.pad;
    const xOf = (index: number) => chart.pad + chart.column * (index + 0.5);
    const yOf = (score: number) => bottom - shareOfScale(score, comparison.scale) * chart.height;
    const grid = scaleTicks(comparison.scale).map(
        tick =>
            element('line', { class: 'grid', x1: chart.pad, x2: width - chart.pad, y1: yOf(tick), y2: yOf(tick) }) +
            text(String(tick), { x: chart.pad - 8, y: yOf(tick) + 4, class: 'small muted', 'text-anchor': 'end' })
    );
    const labels = comparison.points.map((point, index) =>
        text(shorten(point.label), { x: xOf(index), y: bottom + 20, class: 'small', 'text-anchor': 'middle' })
    );
    const body = [
        text(t('Emotion curve: {title}', { title: comparison.title }), { x: chart.pad, y: 24, class: 'stage-title' }),
        legend(width),
        ...grid,
        ...curve(comparison.points, 'before', xOf, yOf),
        ...curve(comparison.points, 'after', xOf, yOf),
        ...labels
    ];
    const description = comparison.points
        .map(point => `${point.label}: ${point.before ?? '–'} → ${point.after ?? '–'}`)
        .join('; ');
    return svgDocument(
        width,
        height,
        `${options.idPrefix ?? 'compare'}-curves`,
        t('Emotion curve of {title}, before and after', { title: comparison.title }),
        description,
        options.theme ?? 'auto',
        body.join('')
    );
}

/** One side's polyline(s), broken where a step has no score on that side, and its points. */
function curve(
    points: ComparedEmotion[],
    side: 'before' | 'after',
    xOf: (index: number) => number,
    yOf: (score: number) => number
): string[] {
    const runs: string[][] = [[]];
    const dots: string[] = [];
    points.forEach((point, index) => {
        const score = point[side];
        if (score === undefined) {
            runs.push([]);
            return;
        }
        runs.at(-1)!.push(`${xOf(index)},${yOf(score)}`);
        dots.push(
            element('circle', {
                class: `point-${side}`,
                cx: xOf(index),
                cy: yOf(score),
                r: side === 'after' ? 5 : 6,
                'data-step': point.step
            })
        );
    });
    const lines = runs
        .filter(run => run.length > 1)
        .map(run => element('polyline', { class: `curve-${side}`, points: run.join(' ') }));
    return [...lines, ...dots];
}

function legend(width: number): string {
    const x = width - chart.pad - 230;
    return element('g', { class: 'legend' }, [
        element('line', { class: 'curve-before', x1: x, x2: x + 28, y1: 20, y2: 20 }),
        text(t('Before'), { x: x + 34, y: 24, class: 'small' }),
        element('line', { class: 'curve-after', x1: x + 110, x2: x + 138, y1: 20, y2: 20 }),
        text(t('After'), { x: x + 144, y: 24, class: 'small' })
    ]);
}

/** A label that fits its column, cut with an ellipsis (the description has it whole). */
function shorten(label: string): string {
    if (textWidth(label, 11) <= chart.labelWidth) return label;
    let cut = label;
    while (cut.length > 1 && textWidth(`${cut}…`, 11) > chart.labelWidth) cut = cut.slice(0, -1);
    return `${cut}…`;
}
