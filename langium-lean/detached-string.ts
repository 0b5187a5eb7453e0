/**
 * A copy of a string that holds none of the text it was cut from; the same one for the same
 * text of up to 64 characters.
 *
 * V8 keeps a substring of 13 characters or more as a *sliced string*: a view of its parent
 * that keeps the whole parent alive. A name or title read from a token is such a view of the
 * document's text; the syntax tree of a step that is not edited again lives on, so each edit
 * of a 1,000-step map left one whole old version of the map (300 KB) reachable through the
 * titles of the step it reparsed — 300 MB after 1,000 edits (`test/language/retained-text.test.ts`).
 * Concatenating first makes V8 flatten a new, short parent; the slice of it holds only that.
 *
 * A shorter substring is a copy already, one for every token: the same channel, feeling,
 * metric or step name, or the same pain, written on most steps of a thousand maps, was a
 * hundred thousand strings (13 MB of a workspace's heap). Texts of up to 64 characters come from
 * a pool instead, which forgets everything once it is full, so that it cannot grow without end.
 */
export function detached(text: string): string {
    if (text.length > pooledLengthAtMost) return copied(text);
    const known = pool.get(text);
    if (known !== undefined) return known;
    const copy = copied(text);
    if (pool.size >= poolSizeAtMost) pool.clear();
    pool.set(copy, copy);
    return copy;
}

function copied(text: string): string {
    return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Longer texts (a pain's description, a quote) are seldom written twice. */
const pooledLengthAtMost = 64;

/** How many texts the pool keeps before it starts again. */
const poolSizeAtMost = 20_000;

const pool = new Map<string, string>();
