/**
 * `journeymap`: the Journey language in a terminal or CI. Exit codes: 0 clean,
 * 1 the maps have errors, 2 usage or input error.
 */
import { defaultTextLimits } from '../language/journey-text-guard.js';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { checkFormats, ExitCode, runCheck, type CheckFormat } from './check-command.js';
import { checkInLanguageOfMaps, chooseCliLanguage, cliLanguages, useCliLanguage } from './cli-language.js';
import type { MetricsOptions } from './metrics-command.js';
import { defaultMaxFileBytes } from './load-workspace.js';
import { evidenceKinds, type EvidenceKind } from '../language/evidence-requirement.js';
import {
    metricsFormats,
    opportunitiesFormats,
    ownersFormats,
    parseFitnessGate,
    pathsFormats,
    renderFormats,
    type FitnessGate
} from './command-options.js';
import type { RenderOptions } from './render-command.js';
import type { OpportunitiesOptions } from './opportunities-command.js';
import type { OwnersOptions } from './owners-command.js';
import { releaseWarmDuckDb } from './duckdb-runner.js';
import type { PathsOptions } from './paths-command.js';
import { endQuietlyWhenOutputCloses } from './closed-pipe.js';
import type { MapTheme } from '../render/index.js';

/** What commander hands the actions of `journeymap story`, `diff` and `render`. */
type StoryCommandOptions = { output?: string; theme: MapTheme; root: string };
type DiffCommandOptions = {
    format: 'text' | 'md' | 'json';
    exitCode: boolean;
    root: string;
    git?: string;
    view?: string;
};
type RenderCommandOptions = Omit<RenderOptions, 'lang' | 'more'> & { allowErrors: boolean; view: string };

function positiveNumber(value: string): number {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) {
        throw new InvalidArgumentError('expected a positive number');
    }
    return parsed;
}

function positiveInteger(value: string): number {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) {
        throw new InvalidArgumentError('expected a whole number above 0');
    }
    return parsed;
}

/** `pain,moment` → the kinds, refusing others. */
function evidenceKindList(value: string): EvidenceKind[] {
    const kinds = value.split(',').map(kind => kind.trim()).filter(Boolean);
    const unknown = kinds.filter(kind => !(evidenceKinds as readonly string[]).includes(kind));
    if (unknown.length > 0 || kinds.length === 0)
        throw new InvalidArgumentError(`use pain, moment or pain,moment (not ${unknown.join(', ') || 'nothing'})`);
    return kinds as EvidenceKind[];
}

function fitnessGate(value: string): FitnessGate {
    const gate = parseFitnessGate(value);
    if (!gate) throw new InvalidArgumentError('write it as fitness<0.8 (or fitness<80%)');
    return gate;
}

/** A line to standard output, and to standard error. */
const print = (text: string) => process.stdout.write(text + '\n');
const printError = (text: string) => process.stderr.write(text + '\n');

/** `--root`, the same for every command that reads maps. */
function rootOption(): Option {
    return new Option('--root <folder>', 'workspace folder that imports and data files must stay inside').default('.');
}

/** The global `--lang`, as a command sees it. */
function languageOf(command: Command): string | undefined {
    return command.optsWithGlobals<{ lang?: string }>().lang;
}

type CheckCommandOptions = {
    format: CheckFormat; root: string; maxFileSize: number; maxLineLength: number; hints: boolean;
    requireEvidence?: EvidenceKind[]; strict: boolean; jobs?: number; cache: boolean; cacheLocation: string;
};

function buildProgram(): Command {
    const program = new Command('journeymap')
        .description('Check and render customer journey maps written in the Journey language (.journey files).')
        .version(packageJson.version)
        .showHelpAfterError()
        .exitOverride()
        .addOption(
            new Option(
                '--lang <language>',
                'language of messages and map labels (default: from LC_ALL / LC_MESSAGES / LANG)'
            ).choices([...cliLanguages])
        )
        .hook('preAction', command => {
            const lang = command.opts<{ lang?: string }>().lang;
            useCliLanguage(chooseCliLanguage(lang, process.env));
            checkInLanguageOfMaps(lang);
        });

    program
        .command('check')
        .description('Validate .journey files and folders (recursively); exit 1 when any has errors.')
        .argument('[paths...]', 'files or folders to check (default: the current folder)')
        .addOption(
            new Option(
                '-f, --format <format>',
                'output format (github: annotations in GitHub Actions; sarif: SARIF 2.1.0 for code scanning)'
            )
                .choices([...checkFormats])
                .default('text')
        )
        .addOption(rootOption())
        .option(
            '--max-file-size <MB>',
            'skip files larger than this',
            positiveNumber,
            defaultMaxFileBytes / 1024 / 1024
        )
        .option(
            '--max-line-length <characters>',
            'do not parse a file with a longer line',
            positiveNumber,
            defaultTextLimits.maxLineLength
        )
        .option('--hints', 'also print hints (unused personas, channels, metrics)', false)
        .option(
            '--require-evidence <kinds>',
            'report pain points and moments of truth without evidence (pain, moment, or pain,moment)',
            evidenceKindList
        )
        .option('--strict', 'with --require-evidence: report them as errors (exit 1)', false)
        .option('-j, --jobs <threads>', 'check on this many threads (default: one per processor)', positiveInteger)
        .option(
            '--cache',
            "keep each file's diagnostics, and check again only files whose content, imports or data changed",
            false
        )
        .option('--cache-location <folder>', 'where --cache keeps them', '.journeymap-cache')
        .action(async (paths: string[], options: CheckCommandOptions, command: Command) => {
            const { cache, cacheLocation, ...rest } = options;
            const settings = {
                ...rest,
                root: resolve(options.root),
                lang: languageOf(command),
                cache: cache ? resolve(cacheLocation) : undefined
            };
            process.exitCode = await runCheck(
                paths,
                settings,
                print,
                text => {
                    if (process.stderr.isTTY) process.stderr.write(text + '\n');
                },
                printError
            );
        });

    program
        .command('fmt')
        .description(
            'Format .journey files and folders in place; with --check, only list the files that need it (exit 1).'
        )
        .argument('[paths...]', 'files or folders to format (default: the current folder)')
        .option('--check', 'write nothing; exit 1 when a file is not formatted', false)
        .option('--indent <spaces>', 'spaces per indentation level', positiveNumber, 2)
        .addOption(rootOption())
        .action(async (paths: string[], options: { check: boolean; indent: number; root: string }) => {
            // Each command but check loads its module when it runs: the others' code never slows its start.
            const { runFmt } = await import('./fmt-command.js');
            process.exitCode = await runFmt(paths, { ...options, root: resolve(options.root) }, print);
        });

    program
        .command('diff')
        .description(
            'Show what changed between two versions of a journey map: steps added, moved or renamed, emotions, pains, metrics…'
        )
        .argument(
            '[files...]',
            '<old> <new> .journey files (file#Journey compares two journeys), or with --git the paths to compare'
        )
        .option('--git <revisions>', 'compare git revisions: <rev> (against the working tree) or <a>..<b>')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
        .option('--view <view>', 'with -f md: a view the map names, the steps the changes touched in front')
        .option('--exit-code', 'exit 1 when there are changes, like git diff --exit-code', false)
        .addOption(rootOption())
        .action(async (files: string[], options: DiffCommandOptions, command: Command) => {
            const diffOptions = { ...options, root: resolve(options.root), colour: Boolean(process.stdout.isTTY) };
            if (options.git) {
                const { runGitDiff } = await import('./diff-command.js');
                process.exitCode = await runGitDiff(options.git, files, diffOptions, print, printError);
            } else if (files.length === 2) {
                const { runDiff } = await import('./diff-command.js');
                process.exitCode = await runDiff(files[0], files[1], diffOptions, print, printError);
            } else {
                command.error('journeymap diff needs two files (<old> <new>), or --git <revisions>', {
                    exitCode: ExitCode.UsageOrInput
                });
            }
        });

    program
        .command('textconv')
        .description(
            'For git: print a .journey file as Markdown, reading its imports and data at the revision it comes from (git config diff.journey.textconv "journeymap textconv").'
        )
        .argument('<file>', 'the file git hands over (a working-tree file or a temporary copy of a blob)')
        .action(async (file: string) => {
            const { runTextconv } = await import('./textconv-command.js');
            process.exitCode = await runTextconv(file, print, printError);
        });

    program
        .command('render')
        .description(
            "Draw a journey map: SVG or standalone HTML (the preview's picture), Markdown, Mermaid, or the model as JSON."
        )
        .argument('<file>', 'the .journey file')
        .argument('[more...]', 'with --view portfolio: more files or folders whose opportunities join the portfolio')
        .addOption(new Option('-f, --format <format>', 'output format').choices([...renderFormats]).default('svg'))
        .option('-j, --journey <name>', 'which journey, when the file has several (default: the first)')
        .addOption(
            new Option('--theme <theme>', 'colours for SVG and HTML').choices(['auto', 'light', 'dark']).default('auto')
        )
        .option('-o, --output <file>', 'write to this file instead of standard output')
        .option('--scale <factor>', 'pixels per unit for PNG (2 for sharp slides)', positiveNumber, 1)
        .option(
            '--font <file...>',
            "font files for PNG (default: the system's WenQuanYi Micro Hei or Noto Sans CJK, and DejaVu Sans)"
        )
        .option('--allow-errors', 'render even when the map has errors (unresolved names are left out)', false)
        .option('--persona <name>', 'draw the map as this persona lives it: its own emotions, one curve')
        .option('--width <px>', 'fit the map to this width: stages wrap into rows (default: one strip)', positiveNumber)
        .addOption(
            new Option(
                '--view <view>',
                'what SVG, PNG and HTML draw: map, blueprint, portfolio ' +
                    '(the opportunities on value × effort), or a view the file names'
            ).default('map')
        )
        .addOption(rootOption())
        .action(async (file: string, more: string[], options: RenderCommandOptions, command: Command) => {
            const lang = languageOf(command);
            const { runRender } = await import('./render-command.js');
            process.exitCode = await runRender(
                file,
                { ...options, more, lang, root: resolve(options.root) },
                {
                    out: print,
                    err: printError,
                    binary: process.stdout.isTTY ? undefined : bytes => process.stdout.write(bytes)
                }
            );
        });
    program
        .command('story')
        .description(
            'Write a story of a map as one HTML file: a slide per `show`, its step in front and the rest ' +
                'dimmed, the note large; ← → and space move, printing makes a deck. It opens from file:// and fetches nothing.'
        )
        .argument('<file>', 'the .journey file')
        .argument('[story]', "which story (default: the file's only one)")
        .option('-o, --output <file>', 'write to this file instead of standard output')
        .addOption(
            new Option('--theme <theme>', 'colours of the maps on the slides')
                .choices(['auto', 'light', 'dark'])
                .default('auto')
        )
        .addOption(rootOption())
        .action(async (file: string, story: string | undefined, options: StoryCommandOptions, command: Command) => {
            const storyOptions = { ...options, lang: languageOf(command), root: resolve(options.root) };
            const { runStory } = await import('./story-command.js');
            process.exitCode = await runStory(file, story, storyOptions, print, printError);
        });

    program
        .command('metrics')
        .description(
            'List every metric value against its target, per journey, stage and step; with --fail-on, exit 1 when a value misses its target (a CI gate).'
        )
        .argument('[paths...]', 'files or folders, recursively (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices([...metricsFormats]).default('text'))
        .addOption(
            new Option(
                '--fail-on <status>',
                'exit 1 when a value is missed (or, with warn, also close to missing)'
            ).choices(['missed', 'warn'])
        )
        .addOption(rootOption())
        .action(async (paths: string[], options: MetricsOptions, command: Command) => {
            const lang = languageOf(command);
            const { runMetrics } = await import('./metrics-command.js');
            process.exitCode = await runMetrics(
                paths,
                { ...options, lang, root: resolve(options.root) },
                print,
                printError
            );
        });

    program
        .command('paths')
        .description(
            'Hold event logs against the maps: the paths customers actually take through each journey with ' +
                '`paths from LOG`, how many follow the map, where they drop off, which steps nobody reaches; ' +
                'with --split, compare groups (A/B).'
        )
        .argument('[paths...]', 'files or folders, recursively (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices([...pathsFormats]).default('text'))
        .option('--journey <name>', 'only this journey')
        .option(
            '--split <column>',
            "compare the groups of this column of the log (default: the log's `variant` column)"
        )
        .option('--goal <step>', 'the step whose reach the split compares (default: `paths from LOG goal STEP`)')
        .option(
            '--fail-on <gate>',
            "exit 1 when a journey's fitness is below, as in fitness<0.8 (a CI gate)",
            fitnessGate
        )
        .addOption(rootOption())
        .action(async (paths: string[], options: PathsOptions, command: Command) => {
            const lang = languageOf(command);
            const postgresUrl = process.env.JOURNEYMAP_POSTGRES_URL || undefined;
            const { runPaths } = await import('./paths-command.js');
            process.exitCode = await runPaths(
                paths,
                { ...options, lang, root: resolve(options.root), postgresUrl },
                print,
                printError
            );
        });

    program
        .command('opportunities')
        .description(
            'List the backlog across the repository: every declared opportunity with its owner, status, value, effort, the steps it addresses and the metric it should move; most value for the effort first.'
        )
        .argument('[paths...]', 'files or folders, recursively (default: the current folder)')
        .addOption(
            new Option('-f, --format <format>', 'output format').choices([...opportunitiesFormats]).default('text')
        )
        .option(
            '--status <status...>',
            'only opportunities in these statuses (idea, planned, building, shipped, measured, dropped)'
        )
        .option('--owner <owner...>', 'only opportunities of these owners')
        .addOption(rootOption())
        .action(async (paths: string[], options: OpportunitiesOptions, command: Command) => {
            const lang = languageOf(command);
            const { runOpportunities } = await import('./opportunities-command.js');
            process.exitCode = await runOpportunities(
                paths,
                { ...options, lang, root: resolve(options.root) },
                print,
                printError
            );
        });

    program.command('owners')
        .description('List who owns which steps, blueprint actions and opportunities, by owner.')
        .argument('[paths...]', 'files or folders, recursively (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices([...ownersFormats]).default('text'))
        .addOption(rootOption())
        .action(async (paths: string[], options: OwnersOptions, command: Command) => {
            const lang = languageOf(command);
            const { runOwners } = await import('./owners-command.js');
            process.exitCode = await runOwners(
                paths,
                { ...options, lang, root: resolve(options.root) },
                print,
                printError
            );
        });

    program
        .command('data')
        .description('Data behind the maps.')
        .command('pull')
        .description(
            'Run the query of every `data … from "query.sql"` (DuckDB, or `on postgres` at $JOURNEYMAP_POSTGRES_URL) and write its result to the data file the map reads: a snapshot to commit and review.'
        )
        .argument('[paths...]', 'files or folders, recursively (default: the current folder)')
        .option(
            '--check',
            'write nothing; exit 1 when a snapshot differs from what its query returns now (for scheduled CI)',
            false
        )
        .option(
            '--root <folder>',
            'workspace folder that data, query and snapshot files must stay inside; DuckDB reads paths in a query relative to the map, then to this folder',
            '.'
        )
        .action(async (paths: string[], options: { check: boolean; root: string }) => {
            const { runDataPull } = await import('./data-pull-command.js');
            process.exitCode = await runDataPull(
                paths,
                {
                    ...options,
                    root: resolve(options.root),
                    postgresUrl: process.env.JOURNEYMAP_POSTGRES_URL || undefined
                },
                print,
                printError
            );
        });

    program
        .command('site')
        .description(
            "Build a static site of every journey: an index with each journey's health, a page per journey with its views, metrics and text, a persona library and a search. Works from file:// and any static host."
        )
        .argument('[paths...]', 'files or folders, recursively (default: the current folder)')
        .requiredOption('-o, --output <folder>', 'the folder to write the site to')
        .option(
            '--force',
            "write into a folder that is not empty (the site's files are replaced; nothing is deleted)",
            false
        )
        .option('--allow-errors', 'exit 0 even when maps have errors (they get error pages either way)', false)
        .option('--title <title>', 'the title of the front page')
        .addOption(rootOption())
        .action(
            async (
                paths: string[],
                options: { output: string; force: boolean; allowErrors: boolean; title?: string; root: string },
                command: Command
            ) => {
                const lang = languageOf(command);
                const { runSite } = await import('./site-command.js');
                process.exitCode = await runSite(
                    paths,
                    { ...options, lang, root: resolve(options.root) },
                    print,
                    printError
                );
            }
        );

    program
        .command('pr-comment')
        .description(
            "In GitHub Actions on a pull request: post the journeys' semantic diff (base...head) as one comment, updated on each push and deleted when no journey changes any more. Needs GITHUB_TOKEN and the job's GITHUB_EVENT_PATH."
        )
        .argument('[paths...]', 'the paths to compare (default: the whole repository)')
        .option('--view <view>', 'also draw a view the maps name, the steps the changes touched in front')
        .addOption(rootOption())
        .action(async (paths: string[], options: { root: string; view?: string }) => {
            const commentOptions = { root: resolve(options.root), env: process.env, view: options.view };
            const { runPrComment } = await import('./pr-comment-command.js');
            process.exitCode = await runPrComment(paths, commentOptions, print, printError);
        });

    program
        .command('import')
        .description('Turn diagrams of other tools into .journey files.')
        .command('mermaid')
        .description(
            'Turn Mermaid journey diagrams (a .mmd file, or the ```mermaid journey blocks of a Markdown file) into a .journey file: actors become personas, sections stages, tasks steps, scores emotions.'
        )
        .argument('<file>', 'a .mmd or .md file')
        .option('-o, --output <file>', 'write the .journey file here instead of standard output')
        .option('--force', 'replace the output file when it exists', false)
        .action(async (file: string, options: { output?: string; force: boolean }) => {
            const { runImportMermaid } = await import('./import-command.js');
            process.exitCode = await runImportMermaid(file, options, print, printError);
        });
    return program;
}

async function main(): Promise<void> {
    endQuietlyWhenOutputCloses();
    try {
        await buildProgram().parseAsync(process.argv);
    } catch (error) {
        if (error instanceof CommanderError) {
            const success =
                error.code === 'commander.helpDisplayed' ||
                error.code === 'commander.version' ||
                error.code === 'commander.help';
            process.exitCode = success ? ExitCode.Clean : ExitCode.UsageOrInput;
            return;
        }
        process.stderr.write(`journeymap: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = ExitCode.UsageOrInput;
    } finally {
        // `paths` usage errors, help and version end here: a DuckDB worker started for nothing is closed.
        await releaseWarmDuckDb();
    }
}

void main();
