/**
 * Names close to a misspelt one, best first: edit distance at most a third of the
 * length (at least 2), or a case-insensitive match.
 */
export function didYouMean(misspelt: string, candidates: Iterable<string>, limit = 3): string[] {
    const allowed = Math.max(2, Math.floor(misspelt.length / 3));
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
