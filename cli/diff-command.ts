import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addedStepOf, diffJourneyModels, journeyPairModels, type Change } from '../diff/journey-diff.js';
import {
    formatDiffJson, formatDiffMarkdown, formatDiffText, type JourneyPicture, type ViewPicture
} from '../diff/diff-report.js';
import { touchedSteps } from '../diff/touched-steps.js';
import { renderMermaidFlowchart } from '../render/mermaid-flowchart.js';
import { modelOfView } from '../render/named-view.js';
import { renderMermaidJourney } from '../render/mermaid-journey.js';
import { compareEmotions, type EmotionComparison } from '../diff/emotion-comparison.js';
import { allSteps, displayName, type JourneyMapModel, type JourneyModel } from '../model/journey-model.js';
import { stepMarkdownLines } from '../render/journey-markdown-details.js';
import { ExitCode } from './check-command.js';
import { changedJourneys, resolveRange, type ChangedJourney } from './git-revisions.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';
import { t } from '../model/localisation.js';

export interface DiffOptions {
    format: 'text' | 'md' | 'json';
    /** `--view Exec`: in Markdown, the named view of the new version with the steps the changes touched in front. */
    view?: string;
    exitCode: boolean;
    root: string;
    colour: boolean;
}

/** A side of `journeymap diff`: a file, or one journey of it (`file#Journey`). */
interface DiffSide {
    file: string;
    journey?: string;
}

/** `a.journey#ToBe` names a journey, unless a file is really called that. */
function parseSide(argument: string): DiffSide {
    const hash = argument.lastIndexOf('#');
    if (hash < 0 || existsSync(argument)) return { file: argument };
    return { file: argument.slice(0, hash), journey: argument.slice(hash + 1) };
}

/**
 * `journeymap diff <old> <new>`: what changed in the journeys, not in the lines. With
 * `file#Journey` on both sides, two journeys are compared (an as-is and a to-be map).
 */
export async function runDiff(
    oldArgument: string,
    newArgument: string,
    options: DiffOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const sides = [parseSide(oldArgument), parseSide(newArgument)];
    if (Boolean(sides[0].journey) !== Boolean(sides[1].journey)) {
        err(t('journeymap diff: name a journey on both sides (old.journey#AsIs new.journey#ToBe), or on neither'));
        return ExitCode.UsageOrInput;
    }
    // Both sides are read, and the problems of both reported, before anything is compared.
    const warnAbout = (side: DiffSide) => (warning: string) => err(`${side.file}: ${warning}`);
    const results = await Promise.all(sides.map(side => loadSide(side, options.root, warnAbout(side))));
    results.forEach((result, index) => typeof result === 'string' && err(`${sides[index].file}: ${result}`));
    const loaded = results.filter((result): result is LoadedSide => typeof result !== 'string');
    if (loaded.length < 2) return ExitCode.UsageOrInput;
    const [old, current] = loaded;
    const [before, after] =
        old.journey && current.journey
            ? journeyPairModels(old.model, old.journey, current.model, current.journey)
            : [old.model, current.model];
    const pictures = (changes: Change[]) => journeyPictures(after, changes);
    const problem = viewProblem([after], options.view, options.format);
    if (problem) {
        err(problem);
        return ExitCode.UsageOrInput;
    }
    const views = (changes: Change[]) => viewPictures([after], changes, options.view);
    return report(diffJourneyModels(before, after), compareEmotions(before, after), options, out, pictures, views);
}

interface LoadedSide {
    model: JourneyModel;
    journey?: JourneyMapModel;
}

async function loadSide(side: DiffSide, root: string, warn: (text: string) => void): Promise<LoadedSide | string> {
    const model = await modelOf(resolve(side.file), root, undefined, warn);
    if (typeof model === 'string' || !side.journey) return typeof model === 'string' ? model : { model };
    const journey = model.journeys.find(candidate => candidate.name === side.journey);
    if (!journey)
        return `has no journey '${side.journey}' (it has: ${model.journeys.map(candidate => candidate.name).join(', ') || 'none'})`;
    return { model, journey };
}

/**
 * `journeymap diff --git <rev>[..<rev>] [paths…]`: the same, for every .journey file git says
 * changed. Each side is read at its own revision, with the imports and data of that revision.
 * A side that cannot be compared (syntax errors, too large, binary) is reported with the others,
 * and then nothing is printed as the diff: exit 2, never a partial diff that looks complete.
 */
export async function runGitDiff(
    rangeText: string,
    paths: string[],
    options: DiffOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const range = await resolveRange(rangeText, process.cwd());
    const { root, files } = await changedJourneys(range, paths, process.cwd());
    const compared: Array<{ file: ChangedJourney; before: JourneyModel; after: JourneyModel }> = [];
    const problems: string[] = [];
    for (const file of files) {
        // A copy is a new file: everything in it is new to the repository, wherever it came from.
        const sideAt = (path: string, revision: string | undefined) =>
            modelOf(join(root, path), root, revision, warning =>
                err(`${path} (${revision ?? t('working tree')}): ${warning}`)
            );
        const sides = await Promise.all([
            file.oldPath && file.status !== 'C' ? sideAt(file.oldPath, range.from) : emptyModel,
            file.newPath ? sideAt(file.newPath, range.to) : emptyModel
        ]);
        const failed = sides.map((side, index) =>
            typeof side === 'string'
                ? `${index === 0 ? file.oldPath : file.newPath} (${index === 0 ? range.from : (range.to ?? t('working tree'))}): ${side}`
                : undefined
        );
        problems.push(...failed.filter(problem => problem !== undefined));
        if (typeof sides[0] !== 'string' && typeof sides[1] !== 'string')
            compared.push({ file, before: sides[0], after: sides[1] });
    }
    if (problems.length > 0) {
        problems.forEach(problem => err(problem));
        err(
            t(
                'journeymap diff: {count} of {total} changed files could not be compared; no diff is shown until they can be.',
                { count: problems.length, total: files.length }
            )
        );
        return ExitCode.UsageOrInput;
    }
    const changes = compared.map(({ before, after }) => diffJourneyModels(before, after));
    const problem = viewProblem(
        compared.map(({ after }) => after),
        options.view,
        options.format
    );
    if (problem) {
        err(problem);
        return ExitCode.UsageOrInput;
    }
    if (options.format !== 'text') {
        const emotions = compared.flatMap(({ before, after }) => compareEmotions(before, after));
        const pictures = (all: Change[]) => compared.flatMap(({ after }) => journeyPictures(after, all));
        const views = () => compared.flatMap(({ after }, index) => viewPictures([after], changes[index], options.view));
        return report(changes.flat(), emotions, options, out, pictures, views);
    }
    compared.forEach(({ file }, index) => {
        if (changes[index].length === 0) return;
        const origin =
            file.status === 'C'
                ? t(' (copied from {path})', { path: file.oldPath ?? '' })
                : file.oldPath && file.newPath && file.oldPath !== file.newPath
                  ? t(' (renamed from {path})', { path: file.oldPath })
                  : '';
        out(`${file.newPath ?? file.oldPath}${origin}:`);
        out(formatDiffText(changes[index], options.colour));
    });
    if (changes.flat().length === 0) out(t('No semantic changes.'));
    return exitCodeFor(changes.flat(), options);
}

const emptyModel: JourneyModel = {
    uri: '',
    imports: [],
    personas: [],
    channels: [],
    metrics: [],
    dataSources: [],
    journeys: []
};

/**
 * The model of a file, read from disk or at a git revision (with its imports and data from
 * that revision), or why there is none: the first syntax errors with their lines. Other
 * errors are told to `warn`, and the model is compared all the same.
 */
async function modelOf(path: string, root: string, revision: string | undefined,
    warn: (text: string) => void): Promise<JourneyModel | string> {
    const loaded = await loadWorkspace([path], { root, maxFileBytes: defaultMaxFileBytes, revision });
    const document = loaded.documents[0];
    if (!document) return loaded.problems[0]?.message ?? t('cannot be read');
    const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
    if (hasSyntaxErrors(document)) return t('has syntax errors; run journeymap check on it') + listedErrors(errors);
    // Compared all the same, but said: a missing data file or name shows in the diff as a changed value.
    if (errors.length > 0) warn(t('does not check, so some changes may come from its errors:') + listedErrors(errors));
    return loaded.services.journey.ModelBuilder.build(document);
}

/** The first errors with their lines, as `journeymap check` words them. */
function listedErrors(errors: Diagnostic[]): string {
    const where = (error: Diagnostic) => `${error.range.start.line + 1}:${error.range.start.character + 1}`;
    const listed = errors.slice(0, 5).map(error => `\n  ${where(error)} ${error.message}`).join('');
    return listed + (errors.length > 5 ? `\n  ${t('…and {count} more', { count: errors.length - 5 })}` : '');
}

/** `pictures` and views are drawn for Markdown only: the other formats show none. */
function report(changes: Change[], emotions: EmotionComparison[], options: DiffOptions, out: (text: string) => void,
    pictures: (changes: Change[]) => JourneyPicture[], views: (changes: Change[]) => ViewPicture[]): number {
    const text = options.format === 'json' ? formatDiffJson(changes)
        : options.format === 'md' ? formatDiffMarkdown(changes, emotions, pictures(changes), views(changes))
            : formatDiffText(changes, options.colour);
    out(text.trimEnd());
    return exitCodeFor(changes, options);
}

/**
 * Every journey of a version as a Mermaid diagram, for the pull-request comment (only the changed
 * ones are shown), with what each step the changes add shows (listed under its line).
 */
function journeyPictures(model: JourneyModel, changes: Change[]): JourneyPicture[] {
    const added = new Set(changes.filter(change => addedStepOf(change) !== undefined)
        .map(change => `${change.journey}\u0000${addedStepOf(change)}`));
    return model.journeys.map(journey => ({
        journey: journey.name, mermaid: renderMermaidJourney(journey, model.personas),
        steps: Object.fromEntries(allSteps(journey).filter(step => added.has(`${journey.name}\u0000${step.name}`))
            .map(step => [step.name, stepMarkdownLines(model, journey, step)]))
    }));
}

/** `--view` names a view none of the new versions declares, or asks for a format that shows no picture. */
function viewProblem(
    models: JourneyModel[], view: string | undefined, format: DiffOptions['format']
): string | undefined {
    if (view === undefined) return undefined;
    if (format !== 'md')
        return t('--view {view} does not apply to -f {format}: it changes -f md only.', { view, format });
    if (models.some(model => model.views?.some(candidate => candidate.name === view))) return undefined;
    const known = [...new Set(models.flatMap(model => (model.views ?? []).map(candidate => candidate.name)))];
    return t('No view "{view}" in the maps compared. Views: {views}.', { view, views: known.join(', ') || t('none') });
}

/** The named view of each new version that declares it, with the steps the changes touched in front. */
function viewPictures(models: JourneyModel[], changes: Change[], view: string | undefined): ViewPicture[] {
    if (view === undefined) return [];
    const touched = touchedSteps(changes);
    return models.flatMap(model => {
        const named = model.views?.find(candidate => candidate.name === view);
        if (!named) return [];
        const flowcharts = modelOfView(model, named).journeys.filter(journey => touched.has(journey.name))
            .map(journey => ({
                journey: displayName(journey),
                mermaid: renderMermaidFlowchart(journey, { focus: touched.get(journey.name) })
            }));
        return [{ view: displayName(named), flowcharts }];
    });
}

/** Like `git diff --exit-code`: 1 when something changed, only when asked for. */
function exitCodeFor(changes: Change[], options: DiffOptions): number {
    return options.exitCode && changes.length > 0 ? ExitCode.Errors : ExitCode.Clean;
}
