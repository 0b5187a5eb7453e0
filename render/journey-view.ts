import type { JourneyModel } from '../model/journey-model.js';
import { findView, viewsOf, type ViewEntry, type ViewSurface } from '../model/view-registry.js';
import { t } from '../model/localisation.js';
import { renderBlueprintSvg } from './blueprint-svg.js';
import { renderFunnelSvg } from './funnel-svg.js';
import { renderJourneyMapSvg, type MapRenderOptions } from './journey-map-svg.js';
import { renderNamedViewSvg } from './named-view.js';

/** The views a page outside the editor draws as one picture of a journey: a Markdown fence, `<journey-map>`. */
const pictureViews = new Set(['map', 'blueprint', 'funnel']);

/** The view an id names for a surface, or a message listing the views there are. */
export function resolveView(
    model: JourneyModel, surface: ViewSurface, id: string
): { view: ViewEntry } | { error: string } {
    const drawable = (entry: ViewEntry) => Boolean(entry.named) || pictureViews.has(entry.id) || surface !== 'fence';
    const view = findView(model, surface, id);
    if (view && drawable(view)) return { view };
    const views = viewsOf(model, surface).filter(drawable).map(entry => entry.id).join(', ');
    return { error: t('No view "{view}": the views here are {views}.', { view: id, views }) };
}

/**
 * One journey's picture in a view of the registry: the map, the blueprint, the funnel, or a named
 * view (its journeys, lanes, stages and persona). `width` wraps a map into rows.
 */
export function renderJourneyView(
    model: JourneyModel, journeyName: string | undefined, view: ViewEntry, options: MapRenderOptions = {}
): string {
    if (view.named) return renderNamedViewSvg(model, view.named, { ...options, journey: journeyName });
    switch (view.builtIn) {
        case 'blueprint': return renderBlueprintSvg(model, journeyName, { theme: options.theme });
        case 'funnel': return renderFunnelSvg(model, journeyName, { theme: options.theme });
        default: return renderJourneyMapSvg(model, journeyName, options);
    }
}

/** An SVG as the `src` of an image: how a page shows a picture with no inline style or script reaching it. */
export function svgDataUrl(svg: string): string {
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
