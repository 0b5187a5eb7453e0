import { TextDocument } from 'vscode-languageserver-textdocument';
import { ExitCode } from './check-command.js';
import { displayPath } from './diagnostic-report.js';
import { findJourneyFiles } from './journey-files.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';
import { writeAtomically } from './write-atomically.js';
import { t } from '../model/localisation.js';

export interface FmtOptions {
    check: boolean;
    indent: number;
    root: string;
}

/**
 * `journeymap fmt [--check] [paths…]`: the language server's formatter on files. With
 * `--check` nothing is written: unformatted files are listed and the exit code is 1.
 * Files with syntax errors are never touched. Writes go to a temporary file that then
 * replaces the original, so a failure never leaves a truncated map.
 */
export async function runFmt(paths: string[], options: FmtOptions, out: (text: string) => void): Promise<number> {
    const { files, problems } = await findJourneyFiles(paths.length > 0 ? paths : ['.']);
    const loaded = await loadWorkspace(files, { root: options.root, maxFileBytes: defaultMaxFileBytes });
    const formatter = loaded.services.lsp.Formatter!;
    const cwd = process.cwd();
    const unformatted: string[] = [];
    const broken: string[] = [];
    for (const document of loaded.documents) {
        const path = document.uri.fsPath;
        if (hasSyntaxErrors(document)) {
            broken.push(path);
            continue;
        }
        const edits = await formatter.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: options.indent, insertSpaces: true }
        });
        const original = document.textDocument.getText();
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        if (formatted === original) continue;
        unformatted.push(path);
        if (!options.check) await writeAtomically(path, formatted);
    }
    for (const problem of [...problems, ...loaded.problems])
        out(`${displayPath(cwd, problem.path)}: error ${problem.message}`);
    for (const path of broken)
        out(`${displayPath(cwd, path)}: ${t('does not parse, so it is not formatted (see journeymap check)')}`);
    for (const path of unformatted)
        out(`${displayPath(cwd, path)}: ${options.check ? t('not formatted') : t('formatted')}`);
    out(fmtSummary(loaded.documents.length, unformatted.length, broken.length, options.check));
    if (problems.length > 0 || loaded.problems.length > 0) return ExitCode.UsageOrInput;
    return broken.length > 0 || (options.check && unformatted.length > 0) ? ExitCode.Errors : ExitCode.Clean;
}

/** `3 files checked: 1 not formatted, 1 does not parse`: every file is counted under what happened to it. */
function fmtSummary(files: number, unformatted: number, broken: number, check: boolean): string {
    const checked = files === 1 ? t('1 file checked') : t('{count} files checked', { count: files });
    const count = { count: unformatted };
    let counts = check ? t('{count} not formatted', count) : t('{count} formatted', count);
    if (broken > 0)
        counts += ', ' + (broken === 1 ? t('1 does not parse') : t('{count} do not parse', { count: broken }));
    return t('{files}: {counts}', { files: checked, counts });
}
