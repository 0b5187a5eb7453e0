import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { personasPage, searchRecords, siteIndexPage, sitePersonas } from '../render/site-pages.js';
import { personaPage } from '../render/site-library-pages.js';
import { storyCss } from '../render/story-deck.js';
import { siteStyle } from '../render/site-style.js';
import { t } from '../model/localisation.js';
import { ExitCode } from './check-command.js';
import { chooseCliLanguage, inLanguageOfMaps, useCliLanguage } from './cli-language.js';
import { findJourneyFiles } from './journey-files.js';
import { buildSiteShard, type ShardResult, type SiteShard } from './site-shard.js';
import { defaultThreads, mapsWorthWorkers, ShardWorkers, shardsOf } from './shard-workers.js';
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
export async function runSite(
    paths: string[],
    options: SiteOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
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
    // Workers start loading while git is read; a few maps are built here, where starting workers would take longer.
    const workerPath = join(__dirname, 'site-worker.js');
    const workers =
        files.length >= mapsWorthWorkers && existsSync(workerPath)
            ? new ShardWorkers<SiteShard, ShardResult>(workerPath, defaultThreads(4))
            : undefined;
    const lastChanges = Object.fromEntries(await lastChangeDates(options.root));
    const shard = (part: string[]): SiteShard => ({
        files: part,
        root: options.root,
        output,
        lang: options.lang,
        lastChanges
    });
    let drawn = 0;
    const drew = () => {
        if (++drawn % 200 === 0) err(t('Drew {index} journeys…', { index: drawn }));
    };
    const built = workers
        ? await workers.run(shardsOf(files, workers.size).map(shard), drew)
        : [await buildSiteShard(shard(files), drew)];
    const entries = built.flatMap(result => result.entries);
    const writer = new SiteWriter(output, options.root);
    writer.count = built.reduce((sum, result) => sum + result.files, 0);
    useCliLanguage(chooseCliLanguage(options.lang, process.env));
    const journeys = entries.flatMap(entry => entry.journey ?? []);
    // The pages of the whole site speak the maps' language when they all declare the same one.
    await inLanguageOfMaps(
        journeys.map(journey => journey.model),
        options.lang,
        async () => {
            await writer.write('index.html', siteIndexPage(entries, options.title ?? t('Journey maps')));
            const personas = sitePersonas(journeys);
            await writer.write('personas.html', personasPage(journeys, personas));
            for (const persona of personas) await writer.write(persona.page, personaPage(persona));
            await writer.write(
                'assets/search-index.js',
                `window.journeySearchIndex = ${JSON.stringify(searchRecords(journeys))};\n`
            );
        }
    );
    await writer.write('assets/site.css', siteStyle);
    await writer.copy('assets/search.js', bundled('site-search.js'));
    await writer.copy('assets/journey-map.js', bundled('journey-map.js'));
    await writer.copy('assets/site-index.js', bundled('site-index.js'));
    await writer.copy('assets/story.js', bundled('story-player.js'));
    await writer.write('assets/story.css', storyCss);
    await writer.write(siteMarker, t('Written by journeymap site; it may write here again.') + '\n');
    const broken = entries.filter(entry => entry.kind === 'error').length;
    out(
        t('Wrote a site of {journeys} journeys to {folder} ({files} files); open index.html.', {
            journeys: journeys.length,
            folder: relative(process.cwd(), output) || '.',
            files: writer.count
        })
    );
    if (broken > 0) err(t('{count} maps have errors: each has an error page.', { count: broken }));
    return broken > 0 && !options.allowErrors ? ExitCode.Errors : ExitCode.Clean;
}

/** Refuses a folder that holds other files than a site written before, unless forced. */
async function outputRefusal(output: string, force: boolean): Promise<string | undefined> {
    const info = await stat(output).catch(() => undefined);
    if (!info) return undefined;
    if (!info.isDirectory()) return t('{path} exists and is not a folder.', { path: output });
    const entries = await readdir(output);
    if (entries.length === 0 || entries.includes(siteMarker) || force) return undefined;
    return t(
        '{path} is not empty and holds no site written before: give --force to write into it (files of the site are replaced, nothing is deleted).',
        { path: output }
    );
}

/** The last commit date of each file under the root, from one `git log` (none outside a repository). */
async function lastChangeDates(root: string): Promise<Map<string, string>> {
    const dates = new Map<string, string>();
    try {
        // -z: names as they are (`售后服务.journey`, not "\345\224…"); each commit is \x01 and its date.
        const { stdout } = await promisify(execFile)(
            'git',
            ['log', '-z', '--format=%x01%cs', '--name-only', '--relative', '--', '.'],
            { cwd: root, maxBuffer: 256 * 1024 * 1024 }
        );
        let date = '';
        for (const field of stdout.split('\0')) {
            if (field.startsWith('\x01')) date = field.slice(1);
            else {
                const name = field.replace(/^\n/, '');
                if (name && !dates.has(name)) dates.set(name, date);
            }
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
