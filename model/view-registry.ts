/**
 * The one list of views: the pictures every journey has (built in) and the views a file names
 * (`view Exec { … }`). The CLI, the preview's picker, the site, Markdown fences and
 * `<journey-map>` all ask this registry what they may draw, so a view is added in one place.
 */
import type { JourneyModel, ViewModel } from './journey-model.js';
import { t } from './localisation.js';

/** The lanes of the map, in the order the map draws them: the names a view's `lanes` line uses. */
export const mapLanes = [
    'stages', 'steps', 'touchpoints', 'emotion', 'notes', 'quotes', 'pains', 'opportunities', 'metrics',
    'blueprint', 'paths'
] as const;
export type MapLane = typeof mapLanes[number];

/** The lanes drawn when no view chooses: the service blueprint and the paths have pictures of their own. */
export const defaultMapLanes: readonly MapLane[] = mapLanes.filter(lane => lane !== 'blueprint' && lane !== 'paths');

export function isMapLane(name: string): name is MapLane {
    return (mapLanes as readonly string[]).includes(name);
}

/** Where a view can be drawn: the preview, `journeymap render`, the site, a Markdown fence or `<journey-map>`. */
export type ViewSurface = 'preview' | 'render' | 'site' | 'fence';

export const builtInViews = ['map', 'mermaid', 'paths', 'funnel', 'blueprint', 'portfolio'] as const;
export type BuiltInView = typeof builtInViews[number];

const surfacesOf: Record<BuiltInView, readonly ViewSurface[]> = {
    map: ['preview', 'render', 'site', 'fence'],
    mermaid: ['preview', 'site'],
    paths: ['preview', 'site'],
    funnel: ['preview', 'site', 'fence'],
    blueprint: ['preview', 'render', 'site', 'fence'],
    // The portfolio is the workspace's opportunities, not one journey's: a fence has no workspace.
    portfolio: ['preview', 'render', 'site']
};

/** A view as a picker lists it: its id (a built-in view's, or a named view's name), its label, and what it is. */
export interface ViewEntry {
    id: string;
    label: string;
    builtIn?: BuiltInView;
    /** A named view: a map of some journeys, stages, lanes and one persona. */
    named?: ViewModel;
}

export function isBuiltInView(id: string | undefined | null): id is BuiltInView {
    return (builtInViews as readonly string[]).includes(id ?? '');
}

/** A built-in view's label, in the language of the bundle in use. */
export function builtInViewLabel(view: BuiltInView): string {
    switch (view) {
        case 'map': return t('Map');
        case 'mermaid': return t('Mermaid journey');
        case 'paths': return t('Paths');
        case 'funnel': return t('Funnel');
        case 'blueprint': return t('Blueprint');
        case 'portfolio': return t('Portfolio');
    }
}

/** Every view drawable on a surface: the built-in ones, then the file's named views (maps, drawable everywhere). */
export function viewsOf(model: Pick<JourneyModel, 'views'> | undefined, surface: ViewSurface): ViewEntry[] {
    const builtIn = builtInViews.filter(view => surfacesOf[view].includes(surface))
        .map((view): ViewEntry => ({ id: view, label: builtInViewLabel(view), builtIn: view }));
    const named = (model?.views ?? [])
        .map((view): ViewEntry => ({ id: view.name, label: view.title ?? view.name, named: view }));
    return [...builtIn, ...named];
}

/** The view an id names on a surface, or undefined (the caller lists `viewsOf` in its message). */
export function findView(
    model: Pick<JourneyModel, 'views'> | undefined, surface: ViewSurface, id: string
): ViewEntry | undefined {
    return viewsOf(model, surface).find(view => view.id === id);
}
