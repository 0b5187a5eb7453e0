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

/**
 * The pairs whose relative order changed: all but a longest run kept in the same order
 * (a longest increasing subsequence of new positions, taken in old order), so moving one
 * element reports that element, not every element it jumped over.
 */
export function reorderedPairs<T>(pairs: Array<[T, T]>, before: T[], after: T[]): Array<[T, T]> {
    const ordered = [...pairs].sort((a, b) => before.indexOf(a[0]) - before.indexOf(b[0]));
    const positions = ordered.map(([, current]) => after.indexOf(current));
    const kept = new Set(longestIncreasingRun(positions));
    return ordered.filter((_, index) => !kept.has(index));
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasingRun(values: number[]): number[] {
    const tails: number[] = [];
    const previous: number[] = new Array(values.length).fill(-1);
    values.forEach((value, index) => {
        let low = 0;
        let high = tails.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (values[tails[middle]] < value) low = middle + 1;
            else high = middle;
        }
        previous[index] = low > 0 ? tails[low - 1] : -1;
        tails[low] = index;
    });
    const run: number[] = [];
    for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]) run.unshift(index);
    return run;
}
