import { displayName, type JourneyMapModel, type JourneyModel, type ViewModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { renderJourneyMapSvg, type MapRenderOptions } from './journey-map-svg.js';
import { modelForPersona } from './persona-view.js';
import { svgDocument } from './svg-document.js';

/**
 * The model as a named view shows it: only its journeys (in its order), only its stages, and
 * one persona's curve and cards. A journey left with no stage of the view is left out.
 */
export function modelOfView(model: JourneyModel, view: ViewModel): JourneyModel {
    const chosen = view.journeys.length > 0
        ? view.journeys.flatMap(name => model.journeys.filter(journey => journey.name === name))
        : model.journeys;
    const staged = view.stages.length === 0 ? chosen : chosen
        .map(journey => ({ ...journey, stages: journey.stages.filter(stage => view.stages.includes(stage.name)) }))
        .filter(journey => journey.stages.length > 0);
    const narrowed = { ...model, journeys: staged };
    return view.persona ? modelForPersona(narrowed, view.persona) : narrowed;
}

/** A named view's options for the map renderer: its lanes. */
export function viewMapOptions(view: ViewModel, options: MapRenderOptions = {}): MapRenderOptions {
    return view.lanes.length > 0 ? { ...options, lanes: view.lanes } : options;
}

/** How a named view is drawn: as a map, and optionally only one of its journeys. */
export type NamedViewOptions = MapRenderOptions & { journey?: string };

/**
 * A named view as one picture: the map of each of its journeys (or of `journey` alone), one
 * under the other, each in the view's lanes. Pure, as every renderer.
 */
export function renderNamedViewSvg(model: JourneyModel, view: ViewModel, options: NamedViewOptions = {}): string {
    const shown = modelOfView(model, view);
    const journeys = options.journey
        ? shown.journeys.filter(journey => journey.name === options.journey) : shown.journeys;
    const id = options.idPrefix ?? 'view';
    if (journeys.length < 2) {
        // None left: the map renderer's picture of no journey.
        const drawing = viewMapOptions(view, { ...options, idPrefix: id });
        return renderJourneyMapSvg(shown, journeys[0]?.name ?? '\u0000', drawing);
    }
    return stackedMaps(shown, view, journeys, { ...options, idPrefix: id });
}

/** Several journeys' maps in one SVG: each a nested picture of its own, the view's title and description outside. */
function stackedMaps(
    model: JourneyModel, view: ViewModel, journeys: JourneyMapModel[], options: MapRenderOptions & { idPrefix: string }
): string {
    const gap = 32;
    let y = 0;
    let width = 0;
    const nested = journeys.map((journey, index) => {
        const drawing = viewMapOptions(view, { ...options, idPrefix: `${options.idPrefix}-${index}` });
        const svg = renderJourneyMapSvg(model, journey.name, drawing);
        const size = sizeOf(svg);
        const placed = svg.trimEnd().replace('<svg ', `<svg x="0" y="${y}" `);
        y += size.height + gap;
        width = Math.max(width, size.width);
        return placed;
    });
    const description = t('View {view}: {journeys}.',
        { view: displayName(view), journeys: journeys.map(displayName).join(', ') });
    const height = Math.max(0, y - gap);
    const theme = options.theme ?? 'auto';
    return svgDocument(width, height, options.idPrefix, displayName(view), description, theme, nested.join(''));
}

/** The width and height a renderer wrote on its picture's root. */
function sizeOf(svg: string): { width: number; height: number } {
    const root = /^<svg [^>]*?width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
    return { width: Number(root?.[1] ?? 0), height: Number(root?.[2] ?? 0) };
}
