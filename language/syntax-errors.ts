import type { LangiumDocument } from 'langium';
import { parseFailed } from '../langium-lean/parse-failed.js';

/** Whether a document failed to lex or parse: such text is never formatted, rendered or diffed. */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return parseFailed(document.parseResult);
}
