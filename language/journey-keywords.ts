import { AstUtils, GrammarAST } from 'langium';
import { JourneyMapGrammar } from './generated/grammar.js';

/** Every keyword of the language, read from the grammar itself, so a generated name never collides with one. */
export const journeyKeywords: ReadonlySet<string> = new Set(
    AstUtils.streamAllContents(JourneyMapGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray()
);

/** True when `name` can be written as an identifier: the ID terminal's shape and no keyword. */
export function isIdentifier(name: string): boolean {
    return /^[\p{L}_][\p{L}\p{N}\p{M}_]*$/u.test(name) && !journeyKeywords.has(name);
}
