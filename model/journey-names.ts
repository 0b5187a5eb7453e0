import { actorNameCandidate } from './actor-names.js';
import { journeyKeywords } from './journey-keywords.generated.js';

/** True when `name` can be written as an identifier: the ID terminal's shape and no keyword. */
export function isIdentifier(name: string): boolean {
    return /^[\p{L}_][\p{L}\p{N}\p{M}_]*$/u.test(name) && !journeyKeywords.has(name);
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
