/** How the elements of two versions correspond. */
export interface Matching<T> {
    pairs: Array<[T, T]>;
    added: T[];
    removed: T[];
}

/**
 * Pairs elements with the same name; then pairs the rest whose content is similar enough
 * (shared words of the fingerprint, Jaccard ≥ 0.5), so a rename is not a delete and an add.
 */
export function matchByNameThenContent<T extends { name: string }>(before: T[], after: T[], fingerprint: (element: T) => string): Matching<T> {
    const pairs: Array<[T, T]> = [];
    const unmatchedAfter = new Set(after);
    const unmatchedBefore: T[] = [];
    for (const old of before) {
        const same = after.find(candidate => candidate.name === old.name && unmatchedAfter.has(candidate));
        if (same) {
            pairs.push([old, same]);
            unmatchedAfter.delete(same);
        } else {
            unmatchedBefore.push(old);
        }
    }
    const removed: T[] = [];
    for (const old of unmatchedBefore) {
        const best = [...unmatchedAfter]
            .map(candidate => ({ candidate, score: similarity(fingerprint(old), fingerprint(candidate)) }))
            .sort((a, b) => b.score - a.score)[0];
        if (best && best.score >= 0.5) {
            pairs.push([old, best.candidate]);
            unmatchedAfter.delete(best.candidate);
        } else {
            removed.push(old);
        }
    }
    return { pairs, added: after.filter(element => unmatchedAfter.has(element)), removed };
}

/** Jaccard similarity of the words (or CJK characters) of two texts. */
export function similarity(a: string, b: string): number {
    const words = (text: string) => new Set(text.toLowerCase().match(/[\p{Script=Han}]|[\p{L}\p{N}]+/gu) ?? []);
    const left = words(a);
    const right = words(b);
    if (left.size === 0 && right.size === 0) return 1;
    const shared = [...left].filter(word => right.has(word)).length;
    return shared / (left.size + right.size - shared);
}
