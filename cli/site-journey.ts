import type { JourneyMapModel, JourneyModel } from '../model/journey-model.js';
import { funnelsOf } from '../metrics/funnel.js';
import { renderJourneyView, renderMermaidFlowchart, renderMermaidJourney, renderPortfolioSvg } from '../render/index.js';
import { journeyHealth } from '../render/journey-health.js';
import type { BacklogRow } from '../render/opportunity-backlog.js';
import { journeyPage, type SiteJourney } from '../render/site-pages.js';
import { displayName } from '../model/journey-model.js';
import { builtInViewLabel } from '../model/view-registry.js';
import type { SiteWriter } from './site-writer.js';

/** Everything one journey's files are made from: plain data, so a worker thread can make them. */
export interface JourneyTask {
    entry: SiteJourney;
    backlog: BacklogRow[];
    source: string;
}

/** Where a journey's page and pictures go, and which views it has: decided before anything is drawn. */
export function planJourney(model: JourneyModel, journey: JourneyMapModel, file: string, lastChange: string | undefined, backlog: BacklogRow[]): SiteJourney {
    const slug = `${slugOf(file)}--${slugOf(journey.name)}`;
    const steps = journey.stages.flatMap(stage => stage.steps);
    const views: SiteJourney['views'] = [{ id: 'map', image: `j/${slug}.map.svg` }];
    if (steps.some(step => (step.blueprint ?? []).length > 0 || (step.failPoints ?? []).length > 0)) views.push({ id: 'blueprint', image: `j/${slug}.blueprint.svg` });
    if (funnelsOf(journey, model.metrics).length > 0) views.push({ id: 'funnel', image: `j/${slug}.funnel.svg` });
    if (backlog.length > 0) views.push({ id: 'portfolio', image: `j/${slug}.portfolio.svg` });
    return {
        page: `j/${slug}.html`, folder: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.', file, journey, model,
        health: journeyHealth(model, journey), views, modelFile: `j/${slug}.json`, lastChange
    };
}

/** Draws a journey's views and writes them, its model and its page; how many files that is. */
export async function writeJourneyFiles({ entry, backlog, source }: JourneyTask, writer: SiteWriter): Promise<number> {
    const { model, journey } = entry;
    for (const view of entry.views) {
        const svg = view.id === 'portfolio' ? renderPortfolioSvg(backlog, { title: displayName(journey) })
            : renderJourneyView(model, journey.name, { id: view.id, label: builtInViewLabel(view.id), builtIn: view.id }, { width: 1400 });
        await writer.write(view.image, svg);
    }
    await writer.write(entry.modelFile, JSON.stringify(model));
    await writer.write(entry.page, journeyPage(entry, { mermaid: renderMermaidJourney(journey, model.personas), paths: renderMermaidFlowchart(journey), source }));
    return entry.views.length + 2;
}

/** A file name for a path or a name: letters of any script kept, path separators and characters file systems refuse replaced. */
export function slugOf(text: string): string {
    return text.replace(/\.journey$/, '').replace(/[\\/:*?"<>|\s#%&{}$!'@+`=]+/g, '_').replace(/^\.+/, '_');
}
