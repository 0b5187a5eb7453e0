import { relative } from 'node:path';
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { JourneyModel } from '../model/journey-model.js';
import { opportunityBacklog, type BacklogRow } from '../analysis/opportunity-backlog.js';
import { errorPage, slugOf, type SiteEntry } from '../render/site-pages.js';
import { checkInLanguageOfMaps, chooseCliLanguage, languageOfMaps, useCliLanguage } from './cli-language.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';
import { planJourney, writeJourneyFiles, writeLibraryFiles } from './site-journey.js';
import { SiteWriter } from './site-writer.js';
import { diagnosticText } from '../protocol/diagnostic-text.js';

/** What a shard of the site gives: its index entries, and how many files it wrote. */
export type ShardResult = { entries: SiteEntry[]; files: number };

/** A part of the site's maps, built by one worker thread (or, for a small site, in the command's own thread). */
export interface SiteShard {
    /** The maps, absolute paths. */
    files: string[];
    /** The repository: imports and data stay inside it, and the site shows paths relative to it. */
    root: string;
    output: string;
    /** `--lang`: else each map's labels are in the map's language. */
    lang?: string;
    /** The last commit date of each file, by path relative to the root. */
    lastChanges: Record<string, string>;
}

/**
 * Checks a shard's maps with their imports (the check's own work), then draws and writes each
 * journey's files at once: an error page for a map with errors. The index of the site is
 * made from what this returns, once every shard is done.
 */
export async function buildSiteShard(shard: SiteShard, drew: () => void): Promise<ShardResult> {
    // In a worker thread too: its error pages say each map's problems in the map's language.
    checkInLanguageOfMaps(shard.lang);
    const loaded = await loadWorkspace(shard.files, { root: shard.root, maxFileBytes: defaultMaxFileBytes });
    const writer = new SiteWriter(shard.output, shard.root);
    const entries: SiteEntry[] = [];
    const models = new Map<string, JourneyModel>();
    // Each file's model once: the maps asked for as they are drawn, then the rest for the backlog.
    const modelOf = async (document: LangiumDocument): Promise<JourneyModel> => {
        const key = document.uri.toString();
        let model = models.get(key);
        if (!model) models.set(key, model = await loaded.services.journey.ModelBuilder.build(document));
        return model;
    };
    const withOpportunities: CheckedMap[] = [];
    for (const document of loaded.documents) {
        const file = relative(shard.root, document.uri.fsPath).split('\\').join('/');
        const errors = (document.diagnostics ?? []).filter(
            diagnostic => diagnostic.severity === DiagnosticSeverity.Error
        );
        if (errors.length > 0) {
            const error = {
                page: `j/${slugOf(file)}.html`,
                file,
                errors: errors
                    .slice(0, 10)
                    .map(diagnostic => ({ line: diagnostic.range.start.line + 1, message: diagnosticText(diagnostic) }))
            };
            await writer.write(error.page, errorPage(error, document.textDocument.getText()));
            entries.push({ kind: 'error', error });
            continue;
        }
        const map = { document, model: await modelOf(document), file, lastChange: shard.lastChanges[file] };
        // A map with opportunities has a portfolio, which needs the steps of the maps they address (imported, so loaded
        // here): drawn last.
        if ((map.model.opportunities ?? []).length > 0) withOpportunities.push(map);
        else entries.push(...(await drawJourneysOf(map, [], writer, shard, drew)));
    }
    if (withOpportunities.length > 0) {
        const backlog = opportunityBacklog(
            await Promise.all(loaded.services.shared.workspace.LangiumDocuments.all.toArray().map(modelOf))
        );
        for (const map of withOpportunities) {
            const own = backlog.filter(row => row.uri === map.model.uri);
            entries.push(...await drawJourneysOf(map, own, writer, shard, drew));
        }
    }
    return { entries, files: writer.count };
}

/** A map that checks, with its model, its path in the repository and its last change. */
interface CheckedMap {
    document: LangiumDocument;
    model: JourneyModel;
    file: string;
    lastChange?: string;
}

/** Draws and writes a map's journeys, views and stories, in the map's language unless `--lang` says otherwise. */
async function drawJourneysOf(
    map: CheckedMap, backlog: BacklogRow[], writer: SiteWriter, shard: SiteShard, drew: () => void
): Promise<SiteEntry[]> {
    useCliLanguage(languageOfMaps([map.model], shard.lang) ?? chooseCliLanguage(shard.lang, process.env));
    const entries: SiteEntry[] = await writeLibraryFiles(map.model, map.file, writer);
    for (const journey of map.model.journeys) {
        const entry = planJourney(map.model, journey, map.file, map.lastChange, backlog, shard.root);
        await writeJourneyFiles({ entry, backlog, source: map.document.textDocument.getText() }, writer);
        entries.push({ kind: 'journey', journey: entry });
        drew();
    }
    return entries;
}
