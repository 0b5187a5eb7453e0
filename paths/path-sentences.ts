import { t } from '../model/localisation.js';
import {
    shareOf, type ObservedPaths, type ObservedTransition, type PathSplit, type SplitComparison
} from '../model/observed-paths.js';
import { minimumGroupCases, smallGroups } from './path-split.js';

/**
 * Observed paths said the way a product manager would say them, for the terminal, Markdown,
 * the map's tooltips, `check --hints` and the diff. `title` turns a step id into its title.
 */
export type StepTitle = (step: string) => string;

/** A share as a percentage: `12 %`, `6.6 %`, `0.4 %`. */
export function percentText(share: number): string {
    const percent = share * 100;
    const rounded = Math.abs(percent) >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10;
    return `${rounded} %`;
}

/** A difference of two rates in percentage points: `6.6 pp`. */
export function pointsText(difference: number): string {
    return `${Math.round(difference * 1000) / 10} pp`;
}

/** A p-value to three decimals, and `< 0.001` below that. */
export function pValueText(pValue: number): string {
    return pValue < 0.001 ? '< 0.001' : `= ${pValue.toFixed(3)}`;
}

/** "12 % of customers go from 等待审核 straight to 收到退款, which the map does not show." */
export function undocumentedSentence(transition: ObservedTransition, paths: ObservedPaths, title: StepTitle): string {
    const share = percentText(shareOf(transition.count, paths.cases));
    return t('{share} of customers go from {from} straight to {to}, which the map does not show.', {
        share, from: title(transition.from), to: title(transition.to)
    });
}

/** "Nobody reaches 人工审核, though the map binds events to it." */
export function deadStepSentence(step: string, title: StepTitle): string {
    return t('Nobody reaches {step}, though the map binds events to it.', { step: title(step) });
}

/** "78 % of 1204 customers follow the map from start to exit." */
export function fitnessSentence(paths: ObservedPaths): string {
    return t('{share} of {cases} customers follow the map from a start to an exit.', {
        share: percentText(paths.fitness),
        cases: paths.cases
    });
}

/**
 * "B reaches 收到退款 6.6 pp more often than A, 95 % CI 2.4–10.8 pp, p = 0.002." — one sentence
 * per group compared with the first; the interval says how sure the difference is.
 */
export function splitSentences(split: PathSplit, title: StepTitle): string[] {
    const [first] = split.groups;
    const sentences = comparisonsOf(split).map(comparison => {
        const values = {
            group: comparison.value, baseline: first.value, goal: title(split.goal),
            points: pointsText(Math.abs(comparison.difference)).replace(' pp', ''),
            low: pointsText(comparison.ci95[0]).replace(' pp', ''), high: pointsText(comparison.ci95[1]),
            p: pValueText(comparison.pValue)
        };
        if (comparison.difference === 0) {
            return t('{group} reaches {goal} as often as {baseline}, 95 % CI {low} to {high}, p {p}.', values);
        }
        return comparison.difference > 0
            ? t(
                  '{group} reaches {goal} {points} pp more often than {baseline}, 95 % CI {low} to {high}, p {p}.',
                  values
              )
            : t(
                  '{group} reaches {goal} {points} pp less often than {baseline}, 95 % CI {low} to {high}, p {p}.',
                  values
              );
    });
    const small = smallGroups(split);
    if (small.length > 0) {
        sentences.push(t('Fewer than {minimum} cases in {groups}: too few to act on.', {
            minimum: minimumGroupCases, groups: small.map(group => `${group.value || '""'} (${group.cases})`).join(', ')
        }));
    }
    return sentences;
}

/** Each group after the first against the first: the comparisons, or the one the split's own fields hold. */
function comparisonsOf(split: PathSplit): SplitComparison[] {
    if (split.comparisons) return split.comparisons;
    const second = split.groups[1];
    if (split.difference === undefined || !second || !split.ci95 || split.pValue === undefined) return [];
    return [{ value: second.value, difference: split.difference, ci95: split.ci95, pValue: split.pValue }];
}

/** "A: 412 of 600 reach 收到退款 (68.7 %)". */
export function groupSentence(group: PathSplit['groups'][number], goal: string, title: StepTitle): string {
    return t('{group}: {reached} of {cases} reach {goal} ({rate})', {
        group: group.value || '""', reached: group.reached, cases: group.cases, goal: title(goal),
        rate: percentText(group.rate)
    });
}
