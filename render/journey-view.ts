import type { JourneyModel } from '../model/journey-model.js';
import { renderBlueprintSvg } from './blueprint-svg.js';
import { renderFunnelSvg } from './funnel-svg.js';
import { renderJourneyMapSvg } from './journey-map-svg.js';
import type { MapTheme } from './map-theme.js';

/** The pictures of one journey that a page outside the editor can show: a Markdown fence, `<journey-map>`, the site. */
export const journeyViews = ['map', 'blueprint', 'funnel'] as const;
export type JourneyView = typeof journeyViews[number];

export function isJourneyView(view: string | undefined | null): view is JourneyView {
    return (journeyViews as readonly string[]).includes(view ?? '');
}

/** One journey's view as SVG; `width` wraps the map into rows (the other views have their own width). */
export function renderJourneyView(model: JourneyModel, journeyName: string | undefined, view: JourneyView, options: { theme?: MapTheme; width?: number } = {}): string {
    switch (view) {
        case 'blueprint': return renderBlueprintSvg(model, journeyName, { theme: options.theme });
        case 'funnel': return renderFunnelSvg(model, journeyName, { theme: options.theme });
        case 'map': return renderJourneyMapSvg(model, journeyName, options);
    }
}

/** An SVG as the `src` of an image: how a page shows a picture with no inline style or script reaching it. */
export function svgDataUrl(svg: string): string {
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
