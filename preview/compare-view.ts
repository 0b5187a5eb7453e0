/**
 * Compare mode of the preview: the changes in words, the two emotion curves on one axis,
 * and the older and newer maps side by side with changed steps and stages marked. Text
 * from the files reaches the page only through `textContent` and the escaping renderers.
 */
import { changeMarks, type ChangeMark } from '../diff/change-marks.js';
import { renderEmotionComparisonSvg } from '../diff/emotion-comparison-svg.js';
import { renderJourneyMapSvg, renderNamedViewSvg } from '../render/index.js';
import { touchedSteps } from '../diff/touched-steps.js';
import type { ViewModel } from '../model/journey-model.js';
import type { CompareRequestResult } from '../protocol/compare-request.js';
import { t } from '../model/localisation.js';

export function drawComparison(
    result: CompareRequestResult, journey: string | undefined, baseLabel: string, view?: ViewModel
): HTMLElement {
    const container = element('div', 'compare');
    const changes = result.changes.filter(change => change.journey === undefined || change.journey === journey);
    const heading = element('h2');
    heading.textContent =
        changes.length === 0
            ? t('No changes since {base}', { base: baseLabel })
            : changes.length === 1
              ? t('1 change since {base}', { base: baseLabel })
              : t('{count} changes since {base}', { count: changes.length, base: baseLabel });
    const list = element('ul', 'compare-changes');
    list.replaceChildren(...changes.map(change => {
        const item = element('li');
        item.dataset.kind = change.kind;
        item.textContent = change.summary;
        return item;
    }));
    container.append(heading, list);
    const emotions = result.emotions.find(candidate => candidate.journey === journey);
    if (emotions)
        container.append(svgHolder('compare-curves', renderEmotionComparisonSvg(emotions, { idPrefix: 'compare' })));
    const marks = journey ? changeMarks(result.changes, journey) : undefined;
    const maps = element('div', 'compare-maps');
    maps.append(
        mapFigure(
            'compare-before',
            t('Before · {base}', { base: baseLabel }),
            renderJourneyMapSvg(result.before!, journey, { idPrefix: 'before' }),
            marks?.before
        ),
        mapFigure(
            'compare-after',
            t('After · working copy'),
            renderJourneyMapSvg(result.after!, journey, { idPrefix: 'after' }),
            marks?.after
        )
    );
    container.append(maps);
    // A named view chosen in the preview: its picture with the steps the changes touched in front.
    const touched = touchedSteps(result.changes);
    if (view && result.after) {
        const focus = [...touched.values()].flatMap(steps => [...steps]);
        const svg = renderNamedViewSvg(result.after, view, { idPrefix: 'compare-view', focus });
        const caption = t('View {view}: the steps the changes touched', { view: view.title ?? view.name });
        container.append(mapFigure('compare-view', caption, svg, undefined));
    }
    return container;
}

function mapFigure(
    className: string,
    caption: string,
    svg: string,
    marks: { steps: Map<string, ChangeMark>; stages: Map<string, ChangeMark> } | undefined
): HTMLElement {
    const figure = element('figure', className);
    const label = element('figcaption');
    label.textContent = caption;
    const holder = svgHolder('compare-map', svg);
    for (const [attribute, marked] of [
        ['data-step', marks?.steps],
        ['data-stage', marks?.stages]
    ] as const) {
        for (const [name, mark] of marked ?? []) {
            holder.querySelectorAll(`[${attribute}="${CSS.escape(name)}"]`).forEach(node => {
                node.classList.add(`change-${mark}`);
                node.setAttribute('aria-description', mark);
            });
        }
    }
    figure.append(label, holder);
    return figure;
}

/** Our renderers escape every string they draw, so their SVG can be parsed as markup. */
function svgHolder(className: string, svg: string): HTMLElement {
    const holder = element('div', className);
    holder.innerHTML = svg;
    return holder;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    return node;
}
