import type { Change } from './journey-diff.js';

export type ChangeMark = 'added' | 'removed' | 'changed';

/** Which steps and stages of one journey to mark on the older and the newer map. */
export interface ChangeMarks {
    before: { steps: Map<string, ChangeMark>; stages: Map<string, ChangeMark> };
    after: { steps: Map<string, ChangeMark>; stages: Map<string, ChangeMark> };
}

/**
 * Reads the marks off the changes of a journey: a removed step or stage is marked on the
 * older map, an added one on the newer, and a step or stage that changed in any way
 * (renamed, moved, its emotion, pains, metrics…) on the newer. A change's `path` is
 * `Journey › Stage › Step` in names, which never contain `›`.
 */
export function changeMarks(changes: Change[], journey: string): ChangeMarks {
    const marks: ChangeMarks = {
        before: { steps: new Map(), stages: new Map() },
        after: { steps: new Map(), stages: new Map() }
    };
    for (const change of changes.filter(candidate => candidate.journey === journey)) {
        const [, stage, step] = change.path.split(' › ');
        // A whole step or stage added or removed has no `field`; a pain added to a step is a change of the step.
        const whole = change.field === undefined && (change.element === 'step' || change.element === 'stage');
        const removed = whole && change.kind === 'removed';
        const side = removed ? marks.before : marks.after;
        const mark: ChangeMark = removed ? 'removed' : whole && change.kind === 'added' ? 'added' : 'changed';
        if (step !== undefined) {
            if (side.steps.get(step) !== 'added') side.steps.set(step, mark);
        } else if (stage !== undefined && side.stages.get(stage) !== 'added') {
            side.stages.set(stage, mark);
        }
    }
    return marks;
}
