import type { ParseResult } from 'langium';

/** Whether a parse (of a document, or of one node's text alone) met a lexing or syntax error. */
export function parseFailed(result: ParseResult): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0;
}
