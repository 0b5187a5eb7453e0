import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import {
    buildCheckReport,
    formatGithubReport,
    formatTextReport,
    type CheckedFile,
    type CheckReport
} from './diagnostic-report.js';
import { findJourneyFiles, type InputProblem } from './journey-files.js';
import { formatSarifReport } from './sarif-report.js';
import { t } from '../model/localisation.js';
import type { EvidenceKind } from '../language/evidence-requirement.js';
import { CheckCache } from './check-cache.js';
import { checkShard, type CheckedDocument, type CheckedShard, type CheckShard } from './check-shard.js';
import { chooseCliLanguage } from './cli-language.js';
import { defaultThreads, mapsWorthWorkers, ShardWorkers, shardsOf } from './shard-workers.js';
import { withoutHintsOfUsedNodes } from './unused-across-shards.js';

export interface CheckOptions {
    format: CheckFormat;
    root: string;
    maxFileSize: number;
    /** Characters in one line; a file with a longer line is not parsed. */
    maxLineLength?: number;
    hints: boolean;
    /** `--require-evidence pain,moment`: claims of these kinds without evidence are reported. */
    requireEvidence?: EvidenceKind[];
    /** With `--require-evidence`: as errors, not warnings. */
    strict?: boolean;
    /** `--lang`, when given: the messages' language for every map. */
    lang?: string;
    /** Threads to check on (`--jobs`); default: one per processor. */
    jobs?: number;
    /** `--cache`: the folder that keeps each file's diagnostics (`--cache-location`, default .journeymap-cache). */
    cache?: string;
}

export const checkFormats = ['text', 'json', 'github', 'sarif'] as const;
export type CheckFormat = (typeof checkFormats)[number];

export const ExitCode = { Clean: 0, Errors: 1, UsageOrInput: 2 } as const;

/** `journeymap check [paths…]`: prints diagnostics and returns the exit code. */
export async function runCheck(
    paths: string[],
    options: CheckOptions,
    out: (text: string) => void,
    progress: (text: string) => void,
    warn: (text: string) => void = progress
): Promise<number> {
    const { files, problems } = await findJourneyFiles(paths.length > 0 ? paths : ['.']);
    const cache = options.cache === undefined ? undefined : CheckCache.open(options.cache, cacheKey(options));
    const cached = files.map(file => cache?.lookup(file));
    const toCheck = files.filter((_, index) => cached[index] === undefined);
    if (cache && toCheck.length < files.length) {
        progress(
            t('{count} of {total} files are unchanged since the last check (--cache).', {
                count: files.length - toCheck.length,
                total: files.length
            })
        );
    }
    if (toCheck.length > 20) {
        progress(t('Checking {count} journey files…', { count: toCheck.length }));
    }
    const checked = await checkInShards(toCheck, options);
    const found = new Map<string, CheckedDocument>();
    for (const document of [...cached.flatMap(each => each ?? []), ...checked.flatMap(shard => shard.documents)]) {
        if (!found.has(document.path)) found.set(document.path, document);
    }
    if (cache) {
        for (const shard of checked) shard.documents.forEach(document => cache.remember(document));
        // A cache that cannot be written costs the next check its speed, not this check its result.
        await cache.save().catch((error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            warn(t('The check cache in {folder} could not be written: {reason}', { folder: options.cache!, reason }));
        });
    }
    const asked = new Set(files);
    const reported: CheckedFile[] = withoutHintsOfUsedNodes([...found.values()]).filter(file => asked.has(file.path));
    const inputProblems: InputProblem[] = [...problems, ...checked.flatMap(shard => shard.problems)];
    const report = buildCheckReport(reported, inputProblems, process.cwd());
    out(formatReport(report, options));
    if (report.problems.length > 0) {
        return ExitCode.UsageOrInput;
    }
    return report.counts.error > 0 ? ExitCode.Errors : ExitCode.Clean;
}

/**
 * The files checked in `--jobs` threads, each with what its files import: this thread checks the
 * first shard while worker threads (dist/check-worker.js) check the others.
 */
async function checkInShards(files: string[], options: CheckOptions): Promise<CheckedShard[]> {
    if (files.length === 0) return [];
    const shard = (part: string[]): CheckShard => ({
        files: part,
        root: options.root,
        maxFileBytes: options.maxFileSize * 1024 * 1024,
        maxLineLength: options.maxLineLength,
        requireEvidence: options.requireEvidence,
        strict: options.strict,
        lang: options.lang
    });
    const workerPath = join(__dirname, 'check-worker.js');
    // A few maps are checked here: starting a worker would take longer than checking them.
    const byDefault = files.length >= mapsWorthWorkers ? defaultThreads(Infinity) : 1;
    const threads = existsSync(workerPath) ? Math.min(options.jobs ?? byDefault, files.length) : 1;
    const [own, ...others] = shardsOf(files, threads).map(shard);
    if (others.length === 0) return [await checkShard(own)];
    const workers = new ShardWorkers<CheckShard, CheckedShard>(workerPath, others.length);
    const ownChecked = checkShard(own).catch(async (error: unknown) => {
        await workers.stop();
        throw error;
    });
    const [first, rest] = await Promise.all([ownChecked, workers.run(others, () => undefined)]);
    return [first, ...rest];
}

/** What the cached diagnostics were made with: this program and the options that change them. */
function cacheKey(options: CheckOptions): string {
    const program = createHash('sha256').update(readFileSync(__filename)).digest('hex');
    const language = options.lang ?? chooseCliLanguage(undefined, process.env);
    const { root, maxFileSize, maxLineLength, requireEvidence, strict } = options;
    return JSON.stringify({
        version: packageJson.version,
        program,
        root,
        maxFileSize,
        maxLineLength,
        requireEvidence,
        strict,
        language
    });
}

function formatReport(report: CheckReport, options: CheckOptions): string {
    switch (options.format) {
        case 'json':
            return JSON.stringify(report, null, 2);
        case 'github':
            return formatGithubReport(report);
        case 'sarif':
            return formatSarifReport(report, packageJson.version, options.hints);
        case 'text':
            return formatTextReport(report, options.hints);
    }
}
