import { resolve } from 'node:path';
import { diffJourneyModels } from '../diff/journey-diff.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../diff/diff-report.js';
import type { JourneyModel } from '../language/journey-model.js';
import { ExitCode } from './check-command.js';
import { loadWorkspace } from './load-workspace.js';

export interface DiffOptions {
    format: 'text' | 'md' | 'json';
    exitCode: boolean;
    root: string;
    colour: boolean;
}

/** `journeymap diff <old> <new>`: what changed in the journeys, not in the lines. */
export async function runDiff(oldFile: string, newFile: string, options: DiffOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
    const models: JourneyModel[] = [];
    for (const file of [oldFile, newFile]) {
        const loaded = await loadWorkspace([resolve(file)], { root: options.root, maxFileBytes: 5 * 1024 * 1024 });
        const document = loaded.documents[0];
        if (!document) {
            err(`${file}: ${loaded.problems[0]?.message ?? 'cannot be read'}`);
            return ExitCode.UsageOrInput;
        }
        if (document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) {
            err(`${file}: has syntax errors; run journeymap check ${file}`);
            return ExitCode.UsageOrInput;
        }
        models.push(await loaded.services.journey.ModelBuilder.build(document));
    }
    const changes = diffJourneyModels(models[0], models[1]);
    const text = options.format === 'json' ? formatDiffJson(changes) : options.format === 'md' ? formatDiffMarkdown(changes) : formatDiffText(changes, options.colour);
    out(text.trimEnd());
    return options.exitCode && changes.length > 0 ? ExitCode.Errors : ExitCode.Clean;
}
