import { CstUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { IssueCodes, type IssueCode, type IssueData } from './journey-issue-codes.js';
import { t } from '../model/localisation.js';
import { isClosedString, quote, unquote } from '../model/string-literals.js';

/** Characters that only a mistake of this kind can hold: without them, the syntax tree is not walked. */
const suspects = /[“”＂'，]|"(?:\\.|[^"\\\r\n])*$/m;

/**
 * Text the lexer reads so that the map still parses, but that the writer did not mean to
 * write that way: “curly”, ＂full-width＂ or 'single' quotes, a string left open at the end of
 * its line, a full-width comma. One error each, with the text to put instead (a quick fix).
 */
export function textStyleDiagnostics(document: LangiumDocument): Diagnostic[] {
    const text = document.textDocument.getText();
    const root = document.parseResult.value.$cstNode;
    if (!root || !suspects.test(text)) return [];
    const diagnostics: Diagnostic[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (!isLeafCstNode(node)) continue;
        const image = node.text;
        if (node.tokenType.name === 'STRING') {
            if (!image.startsWith('"')) {
                diagnostics.push(styleDiagnostic(document, node.offset, node.end, IssueCodes.QuoteStyle, quote(unquote(image)),
                    t('Write text in straight double quotes: {fixed}.', { fixed: quote(unquote(image)) })));
            } else if (!isClosedString(image)) {
                diagnostics.push(styleDiagnostic(document, node.offset, node.end, IssueCodes.UnclosedString, `${image.trimEnd()}"`,
                    t('This text is never closed: end it with `"` on the same line.')));
            }
        } else if (image === '，') {
            diagnostics.push(styleDiagnostic(document, node.offset, node.end, IssueCodes.FullWidthPunctuation, ',', t('Use a comma `,` here, not a full-width `，`.')));
        }
    }
    return diagnostics;
}

function styleDiagnostic(document: LangiumDocument, start: number, end: number, code: IssueCode, replacement: string, message: string): Diagnostic {
    const data: IssueData = { code, replacement };
    return {
        severity: DiagnosticSeverity.Error, message, code, source: 'journey', data,
        range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }
    };
}
