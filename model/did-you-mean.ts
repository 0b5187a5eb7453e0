/**
 * Names close to a misspelt one, best first: edit distance at most a third of the
 * length (at least 2), or a case-insensitive match. A Chinese (or Japanese, Korean) character
 * carries a word: `步骤` is two edits from `周` and means nothing like it, so such names get
 * no more than a third of their length, and the short ones no guess (callers list the names).
 */
export function didYouMean(misspelt: string, candidates: Iterable<string>, limit = 3): string[] {
    const length = [...misspelt].length;
    const allowed = ideographic.test(misspelt) ? Math.floor(length / 3) : Math.max(2, Math.floor(length / 3));
    const scored: Array<{ name: string; distance: number }> = [];
    for (const name of new Set(candidates)) {
        const distance = name.toLowerCase() === misspelt.toLowerCase() ? 0 : editDistance(misspelt, name);
        if (distance <= allowed && name !== misspelt) {
            scored.push({ name, distance });
        }
    }
    scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
    return scored.slice(0, limit).map(entry => entry.name);
}

const ideographic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Levenshtein distance, by code point so that CJK names count one per character. */
export function editDistance(a: string, b: string): number {
    const left = [...a];
    const right = [...b];
    let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
    for (let i = 1; i <= left.length; i++) {
        const current = [i];
        for (let j = 1; j <= right.length; j++) {
            const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[right.length];
}
