import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { displayName, type JourneyMapModel, type JourneyModel } from '../model/journey-model.js';
import { renderBlueprintSvg, renderFunnelSvg, renderJourneyMapSvg, renderMermaidFlowchart, renderMermaidJourney, renderPortfolioSvg } from '../render/index.js';
import { journeyHealth } from '../render/journey-health.js';
import { opportunityBacklog } from '../render/opportunity-backlog.js';
import { errorPage, journeyPage, personasPage, searchRecords, siteIndexPage, type SiteEntry, type SiteJourney } from '../render/site-pages.js';
import { funnelsOf } from '../metrics/funnel.js';
import { t } from '../model/localisation.js';
import { ExitCode } from './check-command.js';
import { inLanguageOfMaps } from './cli-language.js';
import { findJourneyFiles } from './journey-files.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';
import { siteStyle } from '../render/site-style.js';

export interface SiteOptions {
    output: string;
    root: string;
    /** Write into a folder that is not empty (only the site's own files are replaced; nothing is deleted). */
    force: boolean;
    /** Exit 0 even when maps have errors (they get error pages either way). */
    allowErrors: boolean;
    title?: string;
    lang?: string;
}

/** Marks a folder as one `journeymap site` wrote, so that it may write there again without --force. */
const siteMarker = '.journeymap-site';

/**
 * `journeymap site [paths…] -o <dir>`: a static site of every journey under the paths — an
 * index grouped by folder with each journey's health, a page per journey with its views, its
 * metrics and its text, a persona library and a search — that works from `file://` and any
 * static host. A map with errors gets an error page, and the build exits 1 unless
 * `--allow-errors`.
 */
export async function runSite(paths: string[], options: SiteOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
    const output = resolve(options.output);
    const refusal = await outputRefusal(output, options.force);
    if (refusal) {
        err(refusal);
        return ExitCode.UsageOrInput;
    }
    const { files, problems } = await findJourneyFiles(paths.length > 0 ? paths : ['.']);
    for (const problem of problems) err(`${problem.path}: ${problem.message}`);
    if (problems.length > 0) return ExitCode.UsageOrInput;
    err(t('Reading {count} maps…', { count: files.length }));
    const loaded = await loadWorkspace(files, { root: options.root, maxFileBytes: defaultMaxFileBytes });
    const lastChanges = await lastChangeDates(options.root);
    const writer = new SiteWriter(output, options.root);
    const entries: SiteEntry[] = [];
    const journeys: SiteJourney[] = [];
    const allModels = await Promise.all(loaded.services.shared.workspace.LangiumDocuments.all.toArray().map(document => loaded.services.journey.ModelBuilder.build(document)));
    const backlog = opportunityBacklog(allModels);
    for (const [index, document] of loaded.documents.entries()) {
        if (index > 0 && index % 200 === 0) err(t('Drawing map {index} of {count}…', { index, count: loaded.documents.length }));
        const file = relative(options.root, document.uri.fsPath).split('\\').join('/');
        const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
        if (errors.length > 0) {
            const error = { page: `j/${slugOf(file)}.html`, file, errors: errors.slice(0, 10).map(diagnostic => ({ line: diagnostic.range.start.line + 1, message: diagnostic.message })) };
            await writer.write(error.page, errorPage(error, document.textDocument.getText()));
            entries.push({ kind: 'error', error });
            continue;
        }
        const model = allModels.find(candidate => candidate.uri === document.uri.toString())!;
        for (const journey of model.journeys) {
            const entry = await inLanguageOfMaps([model], options.lang, () => writeJourney(writer, document, model, journey, file, lastChanges.get(file), backlog.filter(row => row.uri === model.uri)));
            entries.push({ kind: 'journey', journey: entry });
            journeys.push(entry);
        }
    }
    await writer.write('index.html', siteIndexPage(entries, options.title ?? t('Journey maps')));
    await writer.write('personas.html', personasPage(journeys));
    await writer.write('assets/search-index.js', `window.journeySearchIndex = ${JSON.stringify(searchRecords(journeys))};\n`);
    await writer.write('assets/site.css', siteStyle);
    await writer.copy('assets/search.js', bundled('site-search.js'));
    await writer.copy('assets/journey-map.js', bundled('journey-map.js'));
    await writer.write(siteMarker, t('Written by journeymap site; it may write here again.') + '\n');
    await writer.flush();
    const broken = entries.filter(entry => entry.kind === 'error').length;
    out(t('Wrote a site of {journeys} journeys to {folder} ({files} files); open index.html.', { journeys: journeys.length, folder: relative(process.cwd(), output) || '.', files: writer.count }));
    if (broken > 0) err(t('{count} maps have errors: each has an error page.', { count: broken }));
    return broken > 0 && !options.allowErrors ? ExitCode.Errors : ExitCode.Clean;
}

async function writeJourney(writer: SiteWriter, document: LangiumDocument, model: JourneyModel, journey: JourneyMapModel, file: string, lastChange: string | undefined, backlog: ReturnType<typeof opportunityBacklog>): Promise<SiteJourney> {
    const slug = `${slugOf(file)}--${slugOf(journey.name)}`;
    const views: SiteJourney['views'] = [{ id: 'map', image: `j/${slug}.map.svg` }];
    await writer.write(views[0].image, renderJourneyMapSvg(model, journey.name, { width: 1400 }));
    const steps = journey.stages.flatMap(stage => stage.steps);
    if (steps.some(step => (step.blueprint ?? []).length > 0 || (step.failPoints ?? []).length > 0)) {
        views.push({ id: 'blueprint', image: `j/${slug}.blueprint.svg` });
        await writer.write(views.at(-1)!.image, renderBlueprintSvg(model, journey.name));
    }
    if (funnelsOf(journey, model.metrics).length > 0) {
        views.push({ id: 'funnel', image: `j/${slug}.funnel.svg` });
        await writer.write(views.at(-1)!.image, renderFunnelSvg(model, journey.name));
    }
    if (backlog.length > 0) {
        views.push({ id: 'portfolio', image: `j/${slug}.portfolio.svg` });
        await writer.write(views.at(-1)!.image, renderPortfolioSvg(backlog, { title: displayName(journey) }));
    }
    const modelFile = `j/${slug}.json`;
    await writer.write(modelFile, JSON.stringify(model));
    const entry: SiteJourney = {
        page: `j/${slug}.html`, folder: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.', file, journey, model,
        health: journeyHealth(model, journey), views, modelFile,
        mermaid: renderMermaidJourney(journey, model.personas), paths: renderMermaidFlowchart(journey),
        source: document.textDocument.getText(), lastChange
    };
    await writer.write(entry.page, journeyPage(entry));
    return entry;
}

/** A file name for a path or a name: letters of any script kept, path separators and characters file systems refuse replaced. */
function slugOf(text: string): string {
    return text.replace(/\.journey$/, '').replace(/[\\/:*?"<>|\s#%&{}$!'@+`=]+/g, '_').replace(/^\.+/, '_');
}

/** Refuses a folder that holds other files than a site written before, unless forced. */
async function outputRefusal(output: string, force: boolean): Promise<string | undefined> {
    const info = await stat(output).catch(() => undefined);
    if (!info) return undefined;
    if (!info.isDirectory()) return t('{path} exists and is not a folder.', { path: output });
    const entries = await readdir(output);
    if (entries.length === 0 || entries.includes(siteMarker) || force) return undefined;
    return t('{path} is not empty and holds no site written before: give --force to write into it (files of the site are replaced, nothing is deleted).', { path: output });
}

/** The last commit date of each file under the root, from one `git log` (none outside a repository). */
async function lastChangeDates(root: string): Promise<Map<string, string>> {
    const dates = new Map<string, string>();
    try {
        const { stdout } = await promisify(execFile)('git', ['log', '--format=%x00%cs', '--name-only', '--relative', '--', '.'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
        let date = '';
        for (const line of stdout.split('\n')) {
            if (line.startsWith('\0')) date = line.slice(1);
            else if (line && !dates.has(line)) dates.set(line, date);
        }
    } catch {
        // not a git repository, or git missing: the site has no dates
    }
    return dates;
}

/** A browser script built next to the CLI (dist/), copied into the site. */
function bundled(name: string): string {
    return join(__dirname, name);
}

/**
 * Writes the site's files, creating folders, and counts them. File URIs inside the repository
 * (in models, and in pictures that link steps to their lines) become paths relative to it:
 * a published site shows no machine's folders.
 */
class SiteWriter {
    count = 0;
    private readonly folders = new Set<string>();
    private readonly pending: Array<Promise<void>> = [];
    private readonly repositoryUri: string;

    constructor(private readonly root: string, repository: string) {
        this.repositoryUri = `${URI.file(repository).toString()}/`;
    }

    /** Queues the file; a few dozen are written at once, so the disk is never waited on one file at a time. */
    async write(path: string, content: string): Promise<void> {
        const target = join(this.root, path);
        await this.folder(dirname(target));
        this.pending.push(writeFile(target, content.split(this.repositoryUri).join('')));
        this.count++;
        if (this.pending.length >= 64) await this.flush();
    }

    /** Waits for every queued file: a failure to write one is the build's error. */
    async flush(): Promise<void> {
        const writing = this.pending.splice(0);
        await Promise.all(writing);
    }

    async copy(path: string, from: string): Promise<void> {
        const target = join(this.root, path);
        await this.folder(dirname(target));
        await copyFile(from, target);
        this.count++;
    }

    private async folder(path: string): Promise<void> {
        if (this.folders.has(path)) return;
        await mkdir(path, { recursive: true });
        this.folders.add(path);
    }
}
