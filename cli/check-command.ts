import { loadWorkspace } from './load-workspace.js';
import packageJson from '../package.json' with { type: 'json' };
import { buildCheckReport, formatGithubReport, formatTextReport, type CheckReport } from './diagnostic-report.js';
import { findJourneyFiles } from './journey-files.js';
import { formatSarifReport } from './sarif-report.js';
import { t } from '../model/localisation.js';
import { missingEvidence, type EvidenceKind } from '../language/evidence-requirement.js';

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
}

export const checkFormats = ['text', 'json', 'github', 'sarif'] as const;
export type CheckFormat = typeof checkFormats[number];

export const ExitCode = { Clean: 0, Errors: 1, UsageOrInput: 2 } as const;

/** `journeymap check [paths…]`: prints diagnostics and returns the exit code. */
export async function runCheck(paths: string[], options: CheckOptions, out: (text: string) => void, progress: (text: string) => void): Promise<number> {
    const { files, problems } = await findJourneyFiles(paths.length > 0 ? paths : ['.']);
    if (files.length > 20) {
        progress(t('Checking {count} journey files…', { count: files.length }));
    }
    const loaded = await loadWorkspace(files, { root: options.root, maxFileBytes: options.maxFileSize * 1024 * 1024, maxLineLength: options.maxLineLength });
    if (options.requireEvidence?.length) {
        for (const document of loaded.documents) {
            document.diagnostics = [...(document.diagnostics ?? []), ...missingEvidence(document, options.requireEvidence, options.strict ?? false)];
        }
    }
    const report = buildCheckReport(loaded.documents, [...problems, ...loaded.problems], process.cwd());
    out(formatReport(report, options));
    if (report.problems.length > 0) {
        return ExitCode.UsageOrInput;
    }
    return report.counts.error > 0 ? ExitCode.Errors : ExitCode.Clean;
}

function formatReport(report: CheckReport, options: CheckOptions): string {
    switch (options.format) {
        case 'json': return JSON.stringify(report, null, 2);
        case 'github': return formatGithubReport(report);
        case 'sarif': return formatSarifReport(report, packageJson.version, options.hints);
        case 'text': return formatTextReport(report, options.hints);
    }
}
