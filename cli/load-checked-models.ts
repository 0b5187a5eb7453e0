import type { LangiumDocument } from 'langium';
import type { JourneyServices } from '../language/journey-module.js';
import type { JourneyModel } from '../model/journey-model.js';
import { ExitCode } from './check-command.js';
import { buildCheckReport, checkedFilesOf, formatTextReport } from './diagnostic-report.js';
import { findJourneyFiles } from './journey-files.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';

/**
 * The models of the maps found under `paths` and of every file they import, for a command
 * that reports across files; or the exit code, after saying why, when a path cannot be read
 * or a map has errors (its numbers and names cannot be trusted).
 */
export async function loadCheckedModels(
    paths: string[],
    root: string,
    err: (text: string) => void
): Promise<{ models: JourneyModel[]; asked: Set<string> } | number> {
    const loaded = await loadCheckedWorkspace(paths, root, err);
    if (typeof loaded === 'number') return loaded;
    const models = await Promise.all(
        loaded.documents.map(document => loaded.services.journey.ModelBuilder.build(document))
    );
    return { models, asked: loaded.asked };
}

/** The checked workspace itself: every loaded document (the asked maps and what they import) and the services. */
export async function loadCheckedWorkspace(
    paths: string[],
    root: string,
    err: (text: string) => void
): Promise<CheckedWorkspace | number> {
    const { files, problems } = await findJourneyFiles(paths.length > 0 ? paths : ['.']);
    const loaded = await loadWorkspace(files, { root, maxFileBytes: defaultMaxFileBytes });
    for (const problem of [...problems, ...loaded.problems]) err(`${problem.path}: ${problem.message}`);
    if (problems.length > 0 || loaded.problems.length > 0) return ExitCode.UsageOrInput;
    const check = buildCheckReport(checkedFilesOf(loaded.documents), [], process.cwd());
    if (check.counts.error > 0) {
        err(formatTextReport(check, false));
        return ExitCode.Errors;
    }
    return {
        services: loaded.services,
        documents: loaded.services.shared.workspace.LangiumDocuments.all.toArray(),
        asked: new Set(loaded.documents.map(document => document.uri.toString()))
    };
}

export interface CheckedWorkspace {
    services: JourneyServices;
    documents: LangiumDocument[];
    /** URIs of the maps found under the paths asked for (not those only imported). */
    asked: Set<string>;
}
