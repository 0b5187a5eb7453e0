import { loadWorkspace } from './load-workspace.js';
import { buildCheckReport, formatGithubReport, formatTextReport } from './diagnostic-report.js';
import { findJourneyFiles } from './journey-files.js';

export interface CheckOptions {
    format: 'text' | 'json' | 'github';
    root: string;
    maxFileSize: number;
    hints: boolean;
}

export const ExitCode = { Clean: 0, Errors: 1, UsageOrInput: 2 } as const;

/** `journeymap check [paths…]`: prints diagnostics and returns the exit code. */
export async function runCheck(paths: string[], options: CheckOptions, out: (text: string) => void, progress: (text: string) => void): Promise<number> {
    const { files, problems } = await findJourneyFiles(paths.length > 0 ? paths : ['.']);
    if (files.length > 20) {
        progress(`Checking ${files.length} journey files…`);
    }
    const loaded = await loadWorkspace(files, { root: options.root, maxFileBytes: options.maxFileSize * 1024 * 1024 });
    const report = buildCheckReport(loaded.documents, [...problems, ...loaded.problems], process.cwd());
    out(options.format === 'json' ? JSON.stringify(report, null, 2) : options.format === 'github' ? formatGithubReport(report) : formatTextReport(report, options.hints));
    if (report.problems.length > 0) {
        return ExitCode.UsageOrInput;
    }
    return report.counts.error > 0 ? ExitCode.Errors : ExitCode.Clean;
}
