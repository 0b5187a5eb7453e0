import type { Change } from './journey-diff.js';

/**
 * The steps of the new version a change touched, by journey: added, renamed, moved, or any of
 * their fields. A change's `path` is `Journey › Stage › Step` in names, which never contain `›`.
 * A removed step is not there to show.
 */
export function touchedSteps(changes: Change[]): Map<string, Set<string>> {
    const touched = new Map<string, Set<string>>();
    for (const change of changes) {
        const [journey, , step] = change.path.split(' › ');
        const removed = change.kind === 'removed' && change.element === 'step' && change.field === undefined;
        if (change.journey === undefined || step === undefined || removed) continue;
        const steps = touched.get(journey) ?? new Set<string>();
        steps.add(step);
        touched.set(journey, steps);
    }
    return touched;
}
