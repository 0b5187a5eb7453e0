import type { PathSplit, SplitGroup } from '../model/observed-paths.js';
import type { GroupedVariant } from './step-path-analysis.js';
import { compareProportions } from './two-proportions.js';

/** Fewer cases than this in a group make its rate too uncertain to act on. */
export const minimumGroupCases = 30;

/**
 * Per value of the split column: the cases, those that reach `goal`, and the rate; each group
 * after the first compared with the first. Groups are in the order of their values.
 */
export function splitByGroup(variants: readonly GroupedVariant[], column: string, goal: string): PathSplit {
    const byValue = new Map<string, SplitGroup>();
    for (const { path, count, group } of variants) {
        if (path.length === 0) continue;
        const value = group ?? '';
        const entry = byValue.get(value) ?? { value, cases: 0, reached: 0, rate: 0 };
        entry.cases += count;
        if (path.includes(goal)) entry.reached += count;
        byValue.set(value, entry);
    }
    const groups = [...byValue.values()].sort((a, b) => compareValues(a.value, b.value));
    for (const group of groups) group.rate = group.cases > 0 ? group.reached / group.cases : 0;
    const split: PathSplit = { column, goal, groups };
    if (groups.length < 2) return split;
    const comparisons = groups.slice(1).map(group => ({ value: group.value, ...compareProportions(groups[0], group) }));
    const [second] = comparisons;
    return {
        ...split, difference: second.difference, ci95: second.ci95, pValue: second.pValue,
        ...(comparisons.length > 1 ? { comparisons } : {})
    };
}

/** Numbers in numeric order (group 2 before group 10), text in code-point order so the order is the same everywhere. */
function compareValues(a: string, b: string): number {
    const numbers = [Number(a), Number(b)];
    if (a !== '' && b !== '' && numbers.every(Number.isFinite)) return numbers[0] - numbers[1];
    return a < b ? -1 : a > b ? 1 : 0;
}

/** The groups with fewer than `minimumGroupCases` cases. */
export function smallGroups(split: PathSplit): SplitGroup[] {
    return split.groups.filter(group => group.cases < minimumGroupCases);
}
