import type { LangiumDocument, ParseResult } from 'langium';

/** Whether a document failed to lex or parse: such text is never formatted, rendered or diffed. */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return parseFailed(document.parseResult);
}

/** Whether a parse (of a document, or of a step or stage alone) met a lexing or syntax error. */
export function parseFailed(result: ParseResult): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0;
}
