/**
 * A copy of a string that holds none of the text it was cut from.
 *
 * V8 keeps a substring of 13 characters or more as a *sliced string*: a view of its parent
 * that keeps the whole parent alive. A name or title read from a token is such a view of the
 * document's text; the syntax tree of a step that is not edited again lives on, so each edit
 * of a 1,000-step map left one whole old version of the map (300 KB) reachable through the
 * titles of the step it reparsed — 300 MB after 1,000 edits (`test/language/retained-text.test.ts`).
 * Concatenating first makes V8 flatten a new, short parent; the slice of it holds only that.
 */
export function detached(text: string): string {
    return text.length < 13 ? text : (' ' + text).slice(1);
}
