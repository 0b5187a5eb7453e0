import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IssueCodeDescriptions, type IssueCode } from '../language/journey-issue-codes.js';
import type { CheckReport, ReportedDiagnostic, SeverityName } from './diagnostic-report.js';

/** The SARIF levels of our severities: hints and infos are notes. */
const sarifLevels: Record<SeverityName, 'error' | 'warning' | 'note'> = {
    error: 'error',
    warning: 'warning',
    info: 'note',
    hint: 'note'
};

/**
 * A check report as SARIF 2.1.0, the format GitHub code scanning and other review tools
 * read: one run of `journeymap`, a rule per diagnostic code (described from the code
 * table), a result per diagnostic, and files that could not be checked as tool
 * notifications. Paths relative to the current folder are relative to `%SRCROOT%`.
 */
export function formatSarifReport(report: CheckReport, version: string, showHints: boolean): string {
    const diagnostics = report.diagnostics.filter(diagnostic => showHints || diagnostic.severity !== 'hint');
    const ruleIds = [...new Set(diagnostics.map(diagnostic => diagnostic.code))].sort();
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'journeymap',
                        version,
                        informationUri: 'https://example.invalid/journey-maps-as-code#diagnostics',
                        rules: ruleIds.map(id => ({
                            id,
                            shortDescription: { text: IssueCodeDescriptions[id as IssueCode] ?? id }
                        }))
                    }
                },
                columnKind: 'utf16CodeUnits',
                originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + sep).href } },
                results: diagnostics.map(diagnostic => sarifResult(diagnostic, ruleIds.indexOf(diagnostic.code))),
                invocations: [
                    {
                        executionSuccessful: report.problems.length === 0,
                        toolExecutionNotifications: report.problems.map(problem => ({
                            level: 'error',
                            message: { text: problem.message },
                            locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.path) } }]
                        }))
                    }
                ]
            }
        ]
    };
    return JSON.stringify(log, null, 2);
}

function sarifResult(diagnostic: ReportedDiagnostic, ruleIndex: number): object {
    return {
        ruleId: diagnostic.code,
        ruleIndex,
        level: sarifLevels[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: artifactLocation(diagnostic.path),
                    region: {
                        startLine: diagnostic.line,
                        startColumn: diagnostic.column,
                        endLine: diagnostic.endLine,
                        endColumn: diagnostic.endColumn
                    }
                }
            }
        ]
    };
}

/** An absolute path as a file URI; a relative one as a URI reference below `%SRCROOT%`. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
    if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
    return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
