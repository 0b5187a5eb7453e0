import type { LangiumDocument } from 'langium';

/** Whether a document failed to lex or parse: such text is never formatted, rendered or diffed. */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}
