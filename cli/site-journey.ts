import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JourneyMapModel, JourneyModel } from '../model/journey-model.js';
import { funnelsOf } from '../metrics/funnel.js';
import {
    renderJourneyView,
    renderMermaidFlowchart,
    renderMermaidJourney,
    renderPortfolioSvg
} from '../render/index.js';
import { journeyHealth } from '../analysis/journey-health.js';
import type { BacklogRow } from '../analysis/opportunity-backlog.js';
import { journeyPage, slugOf, type SiteEntry, type SiteJourney } from '../render/site-pages.js';
import { displayName } from '../model/journey-model.js';
import { builtInViewLabel } from '../model/view-registry.js';
import { renderPathsDiagramSvg } from '../render/paths-diagram-svg.js';
import { renderNamedViewSvg } from '../render/named-view.js';
import { storySlides } from '../render/story-deck.js';
import { storySitePage, viewPage } from '../render/site-library-pages.js';
import type { SiteWriter } from './site-writer.js';

/** Everything one journey's files are made from: plain data, so a worker thread can make them. */
export interface JourneyTask {
    entry: SiteJourney;
    backlog: BacklogRow[];
    source: string;
}

/** The page of a journey of the site: by its map's path (relative to the repository) and its name. */
export function journeyPagePath(file: string, journey: string): string {
    return `j/${slugOf(file)}--${slugOf(journey)}.html`;
}

/** Where a journey's page and pictures go, and which views it has: decided before anything is drawn. */
export function planJourney(
    model: JourneyModel, journey: JourneyMapModel, file: string, lastChange: string | undefined,
    backlog: BacklogRow[], root?: string
): SiteJourney {
    const slug = `${slugOf(file)}--${slugOf(journey.name)}`;
    const steps = journey.stages.flatMap(stage => stage.steps);
    const views: SiteJourney['views'] = [{ id: 'map', image: `j/${slug}.map.svg` }];
    const blueprint = steps.some(step => (step.blueprint ?? []).length > 0 || (step.failPoints ?? []).length > 0);
    if (blueprint) views.push({ id: 'blueprint', image: `j/${slug}.blueprint.svg` });
    if (funnelsOf(journey, model.metrics).length > 0) views.push({ id: 'funnel', image: `j/${slug}.funnel.svg` });
    if (backlog.length > 0) views.push({ id: 'portfolio', image: `j/${slug}.portfolio.svg` });
    // A journey whose steps simply follow one another has no paths beyond the map's order: no diagram.
    const branches = steps.some(step => step.next.length > 0) || journey.observedPaths?.paths !== undefined;
    const details = steps.flatMap(step => (step.detail ? [{
        step: displayName(step), journey: step.detailSummary?.title ?? step.detail,
        page: detailPage(step.detailSummary?.uri, step.detail, file, root)
    }] : []));
    return {
        page: journeyPagePath(file, journey.name),
        folder: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.',
        file, journey, model, health: journeyHealth(model, journey), views, modelFile: `j/${slug}.json`, lastChange,
        pathsImage: branches ? `j/${slug}.paths.svg` : undefined, details: details.length > 0 ? details : undefined
    };
}

/** The page of a detail journey: in this map, or in the map at `uri` when the site knows where that is. */
function detailPage(uri: string | undefined, journey: string, file: string, root?: string): string | undefined {
    if (!uri) return journeyPagePath(file, journey);
    if (!root || !uri.startsWith('file:')) return undefined;
    return journeyPagePath(relative(root, fileURLToPath(uri)).split('\\').join('/'), journey);
}

/** Draws a journey's views and writes them, its model and its page; how many files that is. */
export async function writeJourneyFiles({ entry, backlog, source }: JourneyTask, writer: SiteWriter): Promise<number> {
    const { model, journey } = entry;
    for (const view of entry.views) {
        const registered = { id: view.id, label: builtInViewLabel(view.id), builtIn: view.id };
        // The map is one strip the page scrolls sideways: rows would break its curve.
        const svg = view.id === 'portfolio' ? renderPortfolioSvg(backlog, { title: displayName(journey) })
            : renderJourneyView(model, journey.name, registered, view.id === 'map' ? {} : { width: 1400 });
        await writer.write(view.image, svg);
    }
    if (entry.pathsImage) await writer.write(entry.pathsImage, renderPathsDiagramSvg(model, journey.name));
    await writer.write(entry.modelFile, JSON.stringify(model));
    const mermaid = renderMermaidJourney(journey, model.personas);
    const texts = { mermaid, paths: renderMermaidFlowchart(journey), source };
    await writer.write(entry.page, journeyPage(entry, texts));
    return entry.views.length + (entry.pathsImage ? 3 : 2);
}

/** The pages of a map's named views and stories; the entries the index lists them by. */
export async function writeLibraryFiles(model: JourneyModel, file: string, writer: SiteWriter): Promise<SiteEntry[]> {
    const entries: SiteEntry[] = [];
    for (const view of model.views ?? []) {
        const base = `v/${slugOf(file)}--${slugOf(view.name)}`;
        await writer.write(`${base}.svg`, renderNamedViewSvg(model, view));
        await writer.write(`${base}.html`, viewPage(`${base}.html`, file, view, `${base}.svg`, model));
        entries.push({ kind: 'view', library: { page: `${base}.html`, title: displayName(view), file } });
    }
    for (const story of model.stories ?? []) {
        const page = `s/${slugOf(file)}--${slugOf(story.name)}.html`;
        await writer.write(page, storySitePage(page, story, storySlides(model, story), model.language));
        entries.push({ kind: 'story', library: { page, title: displayName(story), file } });
    }
    return entries;
}
