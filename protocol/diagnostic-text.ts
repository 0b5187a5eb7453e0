import type { Diagnostic } from 'vscode-languageserver-types';

/** LSP 3.18 lets a diagnostic's message be Markdown; ours are plain text, and every reader takes either. */
export function diagnosticText(diagnostic: Pick<Diagnostic, 'message'>): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
