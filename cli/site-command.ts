import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { JourneyModel } from '../model/journey-model.js';
import { opportunityBacklog, type BacklogRow } from '../render/opportunity-backlog.js';
import { errorPage, personasPage, searchRecords, siteIndexPage, type SiteEntry } from '../render/site-pages.js';
import { siteStyle } from '../render/site-style.js';
import { t } from '../model/localisation.js';
import { ExitCode } from './check-command.js';
import { chooseCliLanguage, languageOfMaps, useCliLanguage, type CliLanguage } from './cli-language.js';
import { findJourneyFiles } from './journey-files.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';
import { planJourney, slugOf, writeJourneyFiles, type JourneyTask } from './site-journey.js';
import { SiteWorkerPool } from './site-worker-pool.js';
import { SiteWriter } from './site-writer.js';

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
    // Workers start while the maps are read, and draw each journey as soon as its model is built.
    const drawer = new JourneyDrawer(files.length, output, options.root, err);
    const loaded = await loadWorkspace(files, { root: options.root, maxFileBytes: defaultMaxFileBytes });
    const lastChanges = await lastChangeDates(options.root);
    const writer = new SiteWriter(output, options.root);
    const entries: SiteEntry[] = [];
    const models = new Map<string, JourneyModel>();
    // Each file's model once: the maps asked for as they are drawn, then the rest for the backlog.
    const modelOf = async (document: LangiumDocument): Promise<JourneyModel> => {
        const key = document.uri.toString();
        let model = models.get(key);
        if (!model) models.set(key, model = await loaded.services.journey.ModelBuilder.build(document));
        return model;
    };
    const waiting: CheckedMap[] = [];
    for (const document of loaded.documents) {
        const file = relative(options.root, document.uri.fsPath).split('\\').join('/');
        const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
        if (errors.length > 0) {
            const error = { page: `j/${slugOf(file)}.html`, file, errors: errors.slice(0, 10).map(diagnostic => ({ line: diagnostic.range.start.line + 1, message: diagnostic.message })) };
            await writer.write(error.page, errorPage(error, document.textDocument.getText()));
            entries.push({ kind: 'error', error });
            continue;
        }
        const model = await modelOf(document);
        const map = { document, model, file, lastChange: lastChanges.get(file) };
        // A map with opportunities has a portfolio, which needs every map's steps: it is drawn last.
        if ((model.opportunities ?? []).length > 0) waiting.push(map);
        else entries.push(...drawJourneysOf(map, [], drawer, options.lang));
    }
    const backlog = opportunityBacklog(await Promise.all(loaded.services.shared.workspace.LangiumDocuments.all.toArray().map(modelOf)));
    for (const map of waiting) entries.push(...drawJourneysOf(map, backlog.filter(row => row.uri === map.model.uri), drawer, options.lang));
    writer.count += await drawer.finish(writer);
    useCliLanguage(chooseCliLanguage(options.lang, process.env));
    const journeys = entries.flatMap(entry => entry.journey ?? []);
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

/** A map that checks, with its model, its path in the repository and its last change. */
interface CheckedMap {
    document: LangiumDocument;
    model: JourneyModel;
    file: string;
    lastChange?: string;
}

/** Plans a map's journeys (in the map's language, unless `--lang` says otherwise) and hands them to the drawer. */
function drawJourneysOf(map: CheckedMap, backlog: BacklogRow[], drawer: JourneyDrawer, explicitLanguage: string | undefined): SiteEntry[] {
    const language = languageOfMaps([map.model], explicitLanguage) ?? chooseCliLanguage(explicitLanguage, process.env);
    return map.model.journeys.map(journey => {
        const entry = planJourney(map.model, journey, map.file, map.lastChange, backlog);
        drawer.add({ entry, backlog, source: map.document.textDocument.getText() }, language);
        return { kind: 'journey', journey: entry };
    });
}

/**
 * Draws and writes journeys' files: in worker threads, one per processor, for a large site
 * (each journey as soon as it is planned); here, after planning, for a few journeys, where
 * starting workers would take longer than the drawing.
 */
class JourneyDrawer {
    private readonly pool?: SiteWorkerPool;
    private readonly drawing: Array<Promise<number>> = [];
    private readonly later: Array<{ task: JourneyTask; language: CliLanguage }> = [];
    private done = 0;
    private failure?: Error;

    constructor(maps: number, output: string, repository: string, private readonly err: (text: string) => void) {
        const workerPath = join(__dirname, 'site-worker.js');
        if (maps >= 20 && existsSync(workerPath)) this.pool = new SiteWorkerPool(workerPath, { output, repository });
    }

    add(task: JourneyTask, language: CliLanguage): void {
        if (!this.pool) {
            this.later.push({ task, language });
            return;
        }
        // Caught at once (a rejection nobody awaits yet would end the process), reported by finish().
        this.drawing.push(this.pool.run(task, language).then(files => {
            if (++this.done % 200 === 0) this.err(t('Drew {index} journeys…', { index: this.done }));
            return files;
        }, (error: unknown) => {
            this.failure ??= error instanceof Error ? error : new Error(String(error));
            return 0;
        }));
    }

    /** Waits for every journey; how many files the workers wrote (the writer counts its own). */
    async finish(writer: SiteWriter): Promise<number> {
        for (const { task, language } of this.later) {
            useCliLanguage(language);
            await writeJourneyFiles(task, writer);
        }
        const files = (await Promise.all(this.drawing)).reduce((sum, count) => sum + count, 0);
        // Every file written before the site says it is done, also when a journey failed.
        await this.pool?.close();
        if (this.failure) throw this.failure;
        return files;
    }
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
