/**
 * The name a persona gets from a Mermaid actor's text, before any clash with a keyword is
 * avoided: its words joined by `_` (`New Dev` → `New_Dev`), `_` first when it would start
 * with a digit. No grammar here, so renderers (and the preview bundle) can use it.
 */
export function actorNameCandidate(actor: string): string {
    const joined = actor.split(/[^\p{L}\p{N}\p{M}_]+/u).filter(Boolean).join('_');
    return /^[\p{N}\p{M}]/u.test(joined) ? `_${joined}` : joined;
}

/** Whether a persona is named after an actor text this way (with the `_` the importer adds after a keyword). */
export function isNamedAfterActor(persona: string, actor: string): boolean {
    const candidate = actorNameCandidate(actor);
    return candidate !== '' && (persona === candidate || persona === `${candidate}_`);
}
