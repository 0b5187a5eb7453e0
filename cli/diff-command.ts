import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diffJourneyModels, journeyPairModels, type Change } from '../diff/journey-diff.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../diff/diff-report.js';
import { compareEmotions, type EmotionComparison } from '../diff/emotion-comparison.js';
import type { JourneyMapModel, JourneyModel } from '../language/journey-model.js';
import { ExitCode } from './check-command.js';
import { changedJourneys } from './git-revisions.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';
import { t } from '../language/localisation.js';

export interface DiffOptions {
    format: 'text' | 'md' | 'json';
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
export async function runDiff(oldArgument: string, newArgument: string, options: DiffOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
    const sides = [parseSide(oldArgument), parseSide(newArgument)];
    if (Boolean(sides[0].journey) !== Boolean(sides[1].journey)) {
        err(t('journeymap diff: name a journey on both sides (old.journey#AsIs new.journey#ToBe), or on neither'));
        return ExitCode.UsageOrInput;
    }
    const loaded: LoadedSide[] = [];
    for (const side of sides) {
        const result = await loadSide(side, options.root);
        if (typeof result === 'string') {
            err(`${side.file}: ${result}`);
            return ExitCode.UsageOrInput;
        }
        loaded.push(result);
    }
    const [old, current] = loaded;
    const [before, after] = old.journey && current.journey ? journeyPairModels(old.model, old.journey, current.model, current.journey) : [old.model, current.model];
    return report(diffJourneyModels(before, after), compareEmotions(before, after), options, out);
}

interface LoadedSide {
    model: JourneyModel;
    journey?: JourneyMapModel;
}

async function loadSide(side: DiffSide, root: string): Promise<LoadedSide | string> {
    const model = await modelOf(resolve(side.file), undefined, root);
    if (typeof model === 'string' || !side.journey) return typeof model === 'string' ? model : { model };
    const journey = model.journeys.find(candidate => candidate.name === side.journey);
    if (!journey) return `has no journey '${side.journey}' (it has: ${model.journeys.map(candidate => candidate.name).join(', ') || 'none'})`;
    return { model, journey };
}

/** `journeymap diff --git <rev>[..<rev>] [paths…]`: the same, for every .journey file git says changed. */
export async function runGitDiff(range: string, paths: string[], options: DiffOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
    const { root, files } = await changedJourneys(range, paths, process.cwd());
    const changes: Change[] = [];
    const emotions: EmotionComparison[] = [];
    for (const file of files) {
        const sides: JourneyModel[] = [];
        for (const [path, text] of [[file.oldPath, file.oldText], [file.newPath, file.newText]] as const) {
            const model = path && text !== undefined ? await modelOf(join(root, path), text, root) : emptyModel;
            if (typeof model === 'string') {
                err(`${path}: ${model}`);
                return ExitCode.UsageOrInput;
            }
            sides.push(model);
        }
        const renamed = file.oldPath && file.newPath && file.oldPath !== file.newPath ? ` (renamed from ${file.oldPath})` : '';
        const found = diffJourneyModels(sides[0], sides[1]);
        if (found.length > 0 && options.format === 'text') out(`${file.newPath ?? file.oldPath}${renamed}:`);
        changes.push(...found);
        emotions.push(...compareEmotions(sides[0], sides[1]));
        if (options.format === 'text' && found.length > 0) out(formatDiffText(found, options.colour));
    }
    if (options.format !== 'text') return report(changes, emotions, options, out);
    if (changes.length === 0) out('No semantic changes.');
    return exitCodeFor(changes, options);
}

const emptyModel: JourneyModel = { uri: '', imports: [], personas: [], channels: [], metrics: [], dataSources: [], journeys: [] };

/** The model of a file (from disk, or from the given text of another revision), or why there is none. */
async function modelOf(path: string, text: string | undefined, root: string): Promise<JourneyModel | string> {
    const loaded = await loadWorkspace([path], { root, maxFileBytes: defaultMaxFileBytes, texts: text === undefined ? undefined : new Map([[path, text]]) });
    const document = loaded.documents[0];
    if (!document) return loaded.problems[0]?.message ?? 'cannot be read';
    if (hasSyntaxErrors(document)) return 'has syntax errors; run journeymap check on it';
    return loaded.services.journey.ModelBuilder.build(document);
}

function report(changes: Change[], emotions: EmotionComparison[], options: DiffOptions, out: (text: string) => void): number {
    const text = options.format === 'json' ? formatDiffJson(changes) : options.format === 'md' ? formatDiffMarkdown(changes, emotions) : formatDiffText(changes, options.colour);
    out(text.trimEnd());
    return exitCodeFor(changes, options);
}

/** Like `git diff --exit-code`: 1 when something changed, only when asked for. */
function exitCodeFor(changes: Change[], options: DiffOptions): number {
    return options.exitCode && changes.length > 0 ? ExitCode.Errors : ExitCode.Clean;
}
