/** How the elements of two versions correspond. */
export interface Matching<T> {
    pairs: Array<[T, T]>;
    added: T[];
    removed: T[];
}

/** Similarity from which two unmatched elements count as one element, edited. */
const sameElementSimilarity = 0.5;
/** Up to this many comparisons, every unmatched old element is compared with every unmatched new one. */
const exhaustiveComparisons = 40_000;
/** Above that, candidates are found through words that at most this many new elements share. */
const rareWordLimit = 64;

/**
 * Pairs elements with the same name; then pairs the rest whose content is similar enough
 * (shared words of the fingerprint, Jaccard ≥ 0.5), so a rename is not a delete and an add.
 */
export function matchByNameThenContent<T extends { name: string }>(
    before: T[],
    after: T[],
    fingerprint: (element: T) => string
): Matching<T> {
    return matchByKeyThenContent(before, after, element => element.name, fingerprint);
}

/** Texts of two versions (pains, goals…): equal texts pair up, then edited ones by similarity. */
export function matchTexts(before: string[], after: string[]): Matching<string> {
    return matchByKeyThenContent(before, after, text => text, text => text);
}

/**
 * Pairs elements with equal keys, then, given a `fingerprint`, by similarity of content.
 * Linear in the number of elements for the key pass; the content pass looks only at
 * candidates that share a rare word, so renaming a tenth of 10,000 steps does not compare
 * every pair. Without a fingerprint, elements with no key in common are added and removed.
 */
export function matchByKeyThenContent<T>(
    before: T[],
    after: T[],
    keyOf: (element: T) => string,
    fingerprint?: (element: T) => string
): Matching<T> {
    const pairs: Array<[T, T]> = [];
    const byKey = new Map<string, T[]>();
    for (const element of after) {
        const key = keyOf(element);
        const same = byKey.get(key);
        if (same) same.push(element);
        else byKey.set(key, [element]);
    }
    const unmatchedBefore: T[] = [];
    const matchedAfter = new Set<T>();
    for (const old of before) {
        const same = byKey.get(keyOf(old))?.shift();
        if (same === undefined) {
            unmatchedBefore.push(old);
        } else {
            pairs.push([old, same]);
            matchedAfter.add(same);
        }
    }
    const unmatchedAfter = after.filter(element => !matchedAfter.has(element));
    if (!fingerprint) return { pairs, added: unmatchedAfter, removed: unmatchedBefore };
    const { pairs: similar, removed } = pairBySimilarity(unmatchedBefore, unmatchedAfter, fingerprint);
    const pairedAfter = new Set(similar.map(([, current]) => current));
    return {
        pairs: [...pairs, ...similar],
        added: unmatchedAfter.filter(element => !pairedAfter.has(element)),
        removed
    };
}

/** Greedy, in old order: each old element takes the most similar new one still free (the first on ties). */
function pairBySimilarity<T>(
    before: T[],
    after: T[],
    fingerprint: (element: T) => string
): { pairs: Array<[T, T]>; removed: T[] } {
    const pairs: Array<[T, T]> = [];
    const removed: T[] = [];
    if (before.length === 0 || after.length === 0) return { pairs, removed: before };
    const afterWords = after.map(element => wordsOf(fingerprint(element)));
    const free = new Array<boolean>(after.length).fill(true);
    const candidatesOf =
        before.length * after.length <= exhaustiveComparisons
            ? () => after.map((_, index) => index)
            : rareWordCandidates(afterWords);
    for (const old of before) {
        const words = wordsOf(fingerprint(old));
        let best = -1;
        let bestScore = -1;
        for (const index of candidatesOf(words)) {
            if (!free[index]) continue;
            const score = jaccard(words, afterWords[index]);
            if (score > bestScore || (score === bestScore && index < best)) {
                best = index;
                bestScore = score;
            }
        }
        if (best >= 0 && bestScore >= sameElementSimilarity) {
            free[best] = false;
            pairs.push([old, after[best]]);
        } else {
            removed.push(old);
        }
    }
    return { pairs, removed };
}

/**
 * The new elements sharing a rare word with an old one. Two texts with Jaccard ≥ 0.5 share
 * at least half their words, so one shared word is a necessary condition; words that most
 * elements have (`the`, `客`) are skipped as too common to tell elements apart.
 */
function rareWordCandidates(afterWords: Array<Set<string>>): (words: Set<string>) => Iterable<number> {
    const postings = new Map<string, number[]>();
    afterWords.forEach((words, index) => {
        for (const word of words) {
            const list = postings.get(word);
            if (list) list.push(index);
            else postings.set(word, [index]);
        }
    });
    return words => {
        const candidates = new Set<number>();
        for (const word of words) {
            const list = postings.get(word);
            if (list && list.length <= rareWordLimit) for (const index of list) candidates.add(index);
        }
        return candidates;
    };
}

/** The words (or single CJK characters) of a text, lower-cased. */
function wordsOf(text: string): Set<string> {
    return new Set(text.toLowerCase().match(/[\p{Script=Han}]|[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(left: Set<string>, right: Set<string>): number {
    if (left.size === 0 && right.size === 0) return 1;
    let shared = 0;
    for (const word of left) if (right.has(word)) shared++;
    return shared / (left.size + right.size - shared);
}

/** Jaccard similarity of the words (or CJK characters) of two texts. */
export function similarity(a: string, b: string): number {
    return jaccard(wordsOf(a), wordsOf(b));
}

/**
 * The pairs whose relative order changed: all but a longest run kept in the same order
 * (a longest increasing subsequence of new positions, taken in old order), so moving one
 * element reports that element, not every element it jumped over.
 */
export function reorderedPairs<T>(pairs: Array<[T, T]>, before: T[], after: T[]): Array<[T, T]> {
    const oldPosition = positionsOf(before);
    const newPosition = positionsOf(after);
    const ordered = [...pairs].sort((a, b) => oldPosition.get(a[0])! - oldPosition.get(b[0])!);
    const kept = new Set(longestIncreasingRun(ordered.map(([, current]) => newPosition.get(current)!)));
    return ordered.filter((_, index) => !kept.has(index));
}

/** Each element's index in a list. */
export function positionsOf<T>(list: T[]): Map<T, number> {
    return new Map(list.map((element, index) => [element, index]));
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
    for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]) run.push(index);
    return run.reverse();
}
