import { isAbsolute, relative } from 'node:path';
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { IssueCodes } from '../language/journey-issue-codes.js';
import { t } from '../model/localisation.js';
import type { InputProblem } from './journey-files.js';
import { diagnosticText } from '../protocol/diagnostic-text.js';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface ReportedDiagnostic {
    path: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    code: string;
    message: string;
}

export interface CheckReport {
    files: number;
    diagnostics: ReportedDiagnostic[];
    problems: InputProblem[];
    counts: Record<SeverityName, number>;
}

const severityNames: Record<number, SeverityName> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

/** A checked file: its absolute path and what the check found. */
export interface CheckedFile {
    path: string;
    diagnostics?: Diagnostic[];
}

/** Langium's documents as checked files. */
export function checkedFilesOf(documents: LangiumDocument[]): CheckedFile[] {
    return documents.map(document => ({ path: document.uri.fsPath, diagnostics: document.diagnostics }));
}

/** Collects the diagnostics of checked files, with 1-based positions and paths relative to `cwd`. */
export function buildCheckReport(files: CheckedFile[], problems: InputProblem[], cwd: string): CheckReport {
    const diagnostics = files.flatMap(file =>
        (file.diagnostics ?? []).map(diagnostic => toReported(displayPath(cwd, file.path), diagnostic))
    );
    diagnostics.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
    const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const diagnostic of diagnostics) {
        counts[diagnostic.severity]++;
    }
    return {
        files: files.length,
        diagnostics,
        problems: problems.map(problem => ({
            ...problem,
            path: isAbsolute(problem.path) ? displayPath(cwd, problem.path) : problem.path
        })),
        counts
    };
}

/** Relative to the current folder when below it, absolute otherwise. */
export function displayPath(cwd: string, path: string): string {
    const fromCwd = relative(cwd, path);
    return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}

function toReported(path: string, diagnostic: Diagnostic): ReportedDiagnostic {
    const dataCode = (diagnostic.data as { code?: string } | undefined)?.code;
    return {
        path,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: severityNames[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: String(
            diagnostic.code ??
                (dataCode === 'parsing-error' || dataCode === 'lexing-error'
                    ? IssueCodes.SyntaxError
                    : (dataCode ?? 'unknown'))
        ),
        message: diagnosticText(diagnostic).replace(/\s*\n\s*/g, ' ')
    };
}

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on its line of
 * the pull request (`::error file=…,line=…,col=…,title=…::message`).
 */
export function formatGithubReport(report: CheckReport): string {
    const level: Record<SeverityName, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
    const lines = report.problems.map(problem => `::error file=${property(problem.path)}::${data(problem.message)}`);
    for (const d of report.diagnostics.filter(diagnostic => diagnostic.severity !== 'hint')) {
        lines.push(
            `::${level[d.severity]} file=${property(d.path)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${property(d.code)}::${data(d.message)}`
        );
    }
    lines.push(summaryLine(report));
    return lines.join('\n');
}

/** Escaping of workflow command values, as GitHub's toolkit does it. */
function data(value: string): string {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
    return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `path:line:col severity code message`, one per line, then a summary line. */
export function formatTextReport(report: CheckReport, showHints: boolean): string {
    const lines = report.problems.map(problem => `${problem.path}: error ${problem.message}`);
    for (const d of report.diagnostics) {
        if (d.severity !== 'hint' || showHints) {
            lines.push(`${d.path}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
        }
    }
    lines.push(summaryLine(report));
    return lines.join('\n');
}

function summaryLine(report: CheckReport): string {
    const { error, warning, info, hint } = report.counts;
    const files = report.files === 1 ? t('1 file checked') : t('{count} files checked', { count: report.files });
    const parts = [
        error && (error === 1 ? t('1 error') : t('{count} errors', { count: error })),
        warning && (warning === 1 ? t('1 warning') : t('{count} warnings', { count: warning })),
        info && t('{count} info', { count: info }),
        hint && (hint === 1 ? t('1 hint') : t('{count} hints', { count: hint }))
    ].filter(Boolean);
    const unreadable =
        report.problems.length === 0
            ? []
            : [
                  report.problems.length === 1
                      ? t('1 path could not be checked')
                      : t('{count} paths could not be checked', { count: report.problems.length })
              ];
    const counts = parts.length === 0 ? [t('no problems'), ...unreadable] : [...parts, ...unreadable];
    return t('{files}: {counts}', { files, counts: counts.join(t(', ')) });
}
