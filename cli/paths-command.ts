import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import { allSteps, type JourneyMapModel, type JourneyModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import type { ObservedPaths } from '../model/observed-paths.js';
import { analysePaths, type CountedPaths } from '../paths/step-path-analysis.js';
import { splitByGroup } from '../paths/path-split.js';
import type { JourneyServices } from '../language/journey-module.js';
import { ExitCode } from './check-command.js';
import type { FitnessGate, pathsFormats } from './command-options.js';
import { inLanguageOfMaps } from './cli-language.js';
import { countStepPaths } from './event-log-engine.js';
import { releaseWarmDuckDb, warmDuckDb } from './duckdb-runner.js';
import { pathsJourneys, type PathsJourney } from './event-log-sources.js';
import { loadCheckedWorkspace } from './load-checked-models.js';
import { formatPathsMarkdown, formatPathsText } from './paths-report.js';

export interface PathsOptions {
    format: typeof pathsFormats[number];
    journey?: string;
    split?: string;
    goal?: string;
    /** `fitness<0.8`: exit 1 when a journey's fitness is below. */
    failOn?: FitnessGate;
    root: string;
    lang?: string;
    postgresUrl?: string;
}

/** How paths are mined: which split and goal, where PostgreSQL is, how many variants to keep. */
type MiningOptions = Pick<PathsOptions, 'split' | 'goal' | 'postgresUrl'> & { variantLimit?: number };

/** A journey's observed paths, with the map model it was held against. */
export interface MinedJourney {
    uri: string;
    model: JourneyMapModel;
    paths: ObservedPaths;
}

/**
 * `journeymap paths FILE…`: the paths customers actually take through each journey that reads an
 * event log (`paths from NAME`), counted where the log is (DuckDB, or PostgreSQL). Exit codes:
 * 0 done, 1 a map has errors or a journey's fitness is below `--fail-on`, 2 bad input or log.
 */
export async function runPaths(
    paths: string[], options: PathsOptions, out: (text: string) => void, err: (text: string) => void
): Promise<number> {
    // DuckDB's library loads in a worker while the maps are read and checked.
    warmDuckDb();
    try {
        return await reportPaths(paths, options, out, err);
    } finally {
        await releaseWarmDuckDb();
    }
}

async function reportPaths(
    paths: string[], options: PathsOptions, out: (text: string) => void, err: (text: string) => void
): Promise<number> {
    const loaded = await loadCheckedWorkspace(paths, options.root, err);
    if (typeof loaded === 'number') return loaded;
    const asked = loaded.documents.filter(document => loaded.asked.has(document.uri.toString()));
    const models = await Promise.all(asked.map(document => loaded.services.journey.ModelBuilder.build(document)));
    const mined = await mineJourneys(loaded.services, asked, { ...options, models }, err);
    if (typeof mined === 'number') return mined;
    const text = await inLanguageOfMaps(models, options.lang, () => formatMined(mined, options.format));
    out(text);
    const failing = options.failOn ? mined.filter(entry => entry.paths.fitness < options.failOn!.below) : [];
    for (const entry of failing) {
        err(t('{journey}: {share} of customers follow the map, below {threshold}.', {
            journey: entry.model.title ?? entry.model.name, share: `${Math.round(entry.paths.fitness * 1000) / 10} %`,
            threshold: `${Math.round(options.failOn!.below * 1000) / 10} %`
        }));
    }
    return failing.length > 0 ? ExitCode.Errors : ExitCode.Clean;
}

function formatMined(mined: MinedJourney[], format: PathsOptions['format']): string {
    if (format === 'json') return JSON.stringify({ journeys: mined.map(entry => entry.paths) }, null, 2);
    const shown = mined.map(entry => ({ ...entry, file: relative(process.cwd(), fileURLToPath(entry.uri)) }));
    return format === 'md' ? formatPathsMarkdown(shown) : formatPathsText(shown);
}

/**
 * Counts the paths of every journey with `paths from` in these documents: each log is read once,
 * for all the journeys that read it. The number is an exit code after saying what went wrong.
 */
export async function mineJourneys(
    services: JourneyServices, documents: readonly LangiumDocument[],
    options: MiningOptions & { journey?: string; models?: JourneyModel[] },
    err: (text: string) => void
): Promise<MinedJourney[] | number> {
    const found = pathsJourneys(services, documents);
    for (const problem of found.problems) err(problem);
    if (found.problems.length > 0) return ExitCode.UsageOrInput;
    const chosen = found.journeys.filter(journey => [undefined, journey.journey].includes(options.journey));
    if (chosen.length === 0) {
        err(
            options.journey === undefined
                ? t(
                      'No journey in these maps reads an event log: add `paths from NAME` to a journey, with `data NAME "events.csv" events case … activity … time …`.'
                  )
                : t("No journey '{journey}' with `paths from` in these maps.", { journey: options.journey })
        );
        return ExitCode.UsageOrInput;
    }
    const models = new Map<string, JourneyMapModel>();
    for (const document of documents) {
        const built = options.models?.find(model => model.uri === document.uri.toString());
        const model = built ?? await services.journey.ModelBuilder.build(document);
        for (const journey of model.journeys) models.set(`${document.uri.toString()}\u0000${journey.name}`, journey);
    }
    const mined: MinedJourney[] = [];
    for (const group of byLog(chosen)) {
        const result = await mineLog(group, models, options, err);
        if (typeof result === 'number') return result;
        mined.push(...result);
    }
    return mined;
}

function byLog(journeys: PathsJourney[]): PathsJourney[][] {
    const groups = new Map<string, PathsJourney[]>();
    for (const journey of journeys) groups.set(journey.log.key, [...(groups.get(journey.log.key) ?? []), journey]);
    return [...groups.values()];
}

async function mineLog(
    journeys: PathsJourney[], models: Map<string, JourneyMapModel>,
    options: MiningOptions, err: (text: string) => void
): Promise<MinedJourney[] | number> {
    const { log } = journeys[0];
    const split = options.split ?? log.columns.variant;
    for (const journey of journeys) {
        const goal = options.goal ?? journey.goal;
        const model = models.get(`${journey.uri}\u0000${journey.journey}`)!;
        if (options.split !== undefined && goal === undefined) {
            err(t('--split needs a goal: pass --goal STEP, or write `paths from {log} goal STEP` in journey {journey}.',
                { log: log.name, journey: journey.journey }));
            return ExitCode.UsageOrInput;
        }
        if (goal !== undefined && !allSteps(model).some(step => step.name === goal)) {
            err(t("Journey {journey} has no step '{goal}' to use as the goal.", { journey: journey.journey, goal }));
            return ExitCode.UsageOrInput;
        }
    }
    err(t('Counting paths in {log} ({file})…', { log: log.name, file: log.shown }));
    let counted: CountedPaths[];
    try {
        const relation = await log.relation(options.postgresUrl);
        counted = await countStepPaths(relation, log.columns, journeys.map(journey => journey.events), split);
    } catch (error) {
        // A log that cannot be read, a server out of reach, a query file missing: each one line naming the log.
        err(`${log.shown}: ${error instanceof Error ? error.message : String(error)}`);
        return ExitCode.UsageOrInput;
    }
    return journeys.map((journey, index) => {
        const model = models.get(`${journey.uri}\u0000${journey.journey}`)!;
        const counts = counted[index];
        const paths = analysePaths(model, log.name, counts, { variantLimit: options.variantLimit });
        const goal = options.goal ?? journey.goal;
        if (split !== undefined && goal !== undefined) paths.split = splitByGroup(counts.variants, split, goal);
        return { uri: journey.uri, model, paths };
    });
}
