import { AstUtils, GrammarAST } from 'langium';
import { actorNameCandidate } from './actor-names.js';
import { JourneyMapGrammar } from './generated/grammar.js';

let keywords: ReadonlySet<string> | undefined;

/**
 * Every keyword of the language, read from the grammar itself, so a generated name never
 * collides with one. Read on first use: loading the grammar is work the extension should not
 * do while it activates.
 */
export function journeyKeywords(): ReadonlySet<string> {
    keywords ??= new Set(AstUtils.streamAllContents(JourneyMapGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray());
    return keywords;
}

/** True when `name` can be written as an identifier: the ID terminal's shape and no keyword. */
export function isIdentifier(name: string): boolean {
    return /^[\p{L}_][\p{L}\p{N}\p{M}_]*$/u.test(name) && !journeyKeywords().has(name);
}

/**
 * A name made from a title: letters and digits kept (CJK too), the words joined in
 * PascalCase (`Make tea` → `MakeTea`). A title with no letters gives `fallback`; one that
 * starts with a digit is prefixed with it (`2026 plan` → `Journey2026Plan`).
 */
export function identifierFromTitle(title: string, fallback: string): string {
    const words = title.split(/[^\p{L}\p{N}\p{M}_]+/u).filter(Boolean);
    const joined = words.map(word => word[0].toUpperCase() + word.slice(1)).join('');
    if (joined === '') return fallback;
    const name = /^[\p{N}\p{M}_]/u.test(joined) ? `${fallback}${joined}` : joined;
    return isIdentifier(name) ? name : fallback;
}

/**
 * The persona name of a Mermaid actor: the actor itself when it is an identifier, else its
 * words joined by `_` (`New Dev` is `New_Dev`). The importer keeps the actor's exact text as
 * the persona's title when they differ, and the Mermaid export writes that title back for a
 * persona whose name is made from it this way, so `Dr. Who` survives a round trip.
 */
export function personaNameOfActor(actor: string): string {
    const name = actorNameCandidate(actor);
    return isIdentifier(name) ? name : isIdentifier(`${name}_`) ? `${name}_` : 'Persona';
}
