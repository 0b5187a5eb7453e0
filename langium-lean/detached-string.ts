/**
 * A copy of a string that holds none of the text it was cut from; the same one for the same
 * short text. V8 keeps a longer substring as a view that keeps its whole parent alive: a name
 * read from a token would keep every old version of an edited document reachable
 * (`test/language/retained-text.test.ts`). Short texts, written on most steps of a workspace,
 * come from a pool that forgets everything once full, so that it cannot grow without end.
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
