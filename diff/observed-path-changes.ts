import type { ObservedPaths, ObservedPathsModel, ObservedTransition } from '../model/observed-paths.js';
import { shareOf } from '../model/observed-paths.js';
import { t } from '../model/localisation.js';
import { percentText, pointsText } from '../paths/path-sentences.js';

/** One change of what customers did, as the diff reports it. */
export interface ObservedChange {
    before?: string;
    after?: string;
    summary: string;
}

type Titles = { before: Map<string, string>; after: Map<string, string> };

/**
 * What changed in a journey's paths snapshot, number by number: the share that follows the map,
 * each move the map does not show ("undocumented path 等待审核 → 收到退款: 8 % → 12 %"), the
 * steps nobody reaches, and the split. Shares are compared as they are shown (rounded), so a
 * pull of the same log with one more case does not fill a review with noise.
 */
export function observedPathChanges(
    before: ObservedPathsModel | undefined, after: ObservedPathsModel | undefined, titles: Titles
): ObservedChange[] {
    const was = before?.paths;
    const now = after?.paths;
    if (!was && !now) return [];
    if (!was) {
        const share = percentText(now!.fitness);
        const summary = t('Observed paths from {log}: {share} of {cases} customers follow the map', {
            log: now!.source,
            share,
            cases: now!.cases
        });
        return [{ after: share, summary }];
    }
    if (!now)
        return [
            { before: percentText(was.fitness), summary: t('Observed paths from {log} removed', { log: was.source }) }
        ];
    return [
        ...fitnessChange(was, now), ...transitionChanges(was, now, titles), ...deadStepChanges(was, now, titles),
        ...splitChange(was, now, titles)
    ];
}

function fitnessChange(was: ObservedPaths, now: ObservedPaths): ObservedChange[] {
    const [old, current] = [percentText(was.fitness), percentText(now.fitness)];
    if (old === current) return [];
    return [
        {
            before: old,
            after: current,
            summary: t('Customers who follow the map: {old} → {new}', { old, new: current })
        }
    ];
}

/** Moves the map does not show, in either version: their shares of the customers. */
function transitionChanges(was: ObservedPaths, now: ObservedPaths, titles: Titles): ObservedChange[] {
    const key = (move: ObservedTransition) => `${move.from}\u0000${move.to}`;
    const oldMoves = new Map(was.transitions.map(move => [key(move), move]));
    const newMoves = new Map(now.transitions.map(move => [key(move), move]));
    // Undocumented now, or undocumented before and no longer taken.
    const undocumented = [...new Set([...oldMoves.keys(), ...newMoves.keys()])]
        .filter(move => (newMoves.get(move) ?? oldMoves.get(move))?.declared === false);
    const title = titleIn(titles);
    return undocumented.flatMap((move): ObservedChange[] => {
        const [old, current] = [oldMoves.get(move), newMoves.get(move)];
        const either = (current ?? old)!;
        const words = {
            from: title(either.from),
            to: title(either.to),
            old: shareText(old, was),
            new: shareText(current, now)
        };
        if (words.old === words.new) return [];
        if (!old) return [{ after: words.new, summary: t('New undocumented path {from} → {to}: {new}', words) }];
        if (!current)
            return [
                { before: words.old, summary: t('Undocumented path {from} → {to} no longer taken (was {old})', words) }
            ];
        return [
            { before: words.old, after: words.new, summary: t('Undocumented path {from} → {to}: {old} → {new}', words) }
        ];
    });
}

/** A move's share of the customers, as shown; nothing for a move not taken. */
function shareText(move: ObservedTransition | undefined, paths: ObservedPaths): string {
    return move ? percentText(shareOf(move.count, paths.cases)) : '';
}

/** A step's title as the new version has it, else as the old one had it. */
function titleIn(titles: Titles): (step: string) => string {
    return step => titles.after.get(step) ?? titles.before.get(step) ?? step;
}

function deadStepChanges(was: ObservedPaths, now: ObservedPaths, titles: Titles): ObservedChange[] {
    const title = titleIn(titles);
    return [
        ...now.deadSteps.filter(step => !was.deadSteps.includes(step))
            .map(step => ({ after: step, summary: t("Nobody reaches '{step}' any more", { step: title(step) }) })),
        ...was.deadSteps.filter(step => !now.deadSteps.includes(step) && now.steps.some(entry => entry.step === step))
            .map(step => ({ before: step, summary: t("Customers reach '{step}' again", { step: title(step) }) }))
    ];
}

function splitChange(was: ObservedPaths, now: ObservedPaths, titles: Titles): ObservedChange[] {
    const [old, current] = [was.split?.difference, now.split?.difference];
    if (old === undefined || current === undefined || pointsText(old) === pointsText(current)) return [];
    const split = now.split!;
    return [{
        before: pointsText(old), after: pointsText(current),
        summary: t('Split by {column} (goal {goal}): {group} against {baseline} {old} → {new}', {
            column: split.column, goal: titleIn(titles)(split.goal), group: split.groups[1]?.value ?? '',
            baseline: split.groups[0]?.value ?? '', old: pointsText(old), new: pointsText(current)
        })
    }];
}
