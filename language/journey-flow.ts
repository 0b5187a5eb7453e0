import type { Journey, Step } from './generated/ast.js';
import { stepsOf } from './journey-scope.js';

/** What is wrong with the paths through a non-linear journey. */
export interface FlowProblems {
    /** Steps no path from the first step reaches. */
    unreachable: Step[];
    /**
     * Where paths enter a loop they can never leave (no `exit`, no way to the last step):
     * the first trapped step on each path, so one trap gives one warning.
     */
    deadEnds: Step[];
}

/**
 * Paths begin at the journey's `start` steps, or at its first step. A journey is non-linear as
 * soon as one step says `next` (or it names where it starts). Then a step goes to its `next`
 * steps; a step without `next` goes on to the following step unless it says `exit`. A
 * path ends at an `exit` or at the last step. Linear journeys have no flow problems, and
 * neither has a journey one of whose `next` or `start` names resolves to no step.
 */
export function findFlowProblems(journey: Journey): FlowProblems {
    const steps = stepsOf(journey);
    const starts = journey.starts.flatMap(reference => reference.ref ?? []);
    if (!steps.some(step => step.next.length > 0) && starts.length === 0) {
        return { unreachable: [], deadEnds: [] };
    }
    // `next Dnoe`: until every name resolves, the paths are not known, and their warnings would be the typo's echo.
    if (journey.starts.some(reference => !reference.ref) || steps.some(step => step.next.some(reference => !reference.ref))) {
        return { unreachable: [], deadEnds: [] };
    }
    const entries = starts.length > 0 ? starts : steps.slice(0, 1);
    const successors = new Map<Step, Step[]>(steps.map((step, index) => [step, successorsOf(step, steps[index + 1])]));
    const reachable = closure(entries, step => successors.get(step) ?? []);
    const predecessors = invert(successors);
    const endings = steps.filter((step, index) => step.exit || (step.next.length === 0 && index === steps.length - 1));
    const canEnd = closure(endings, step => predecessors.get(step) ?? []);
    const trapped = new Set(steps.filter(step => reachable.has(step) && !canEnd.has(step)));
    const isTrapEntry = (step: Step) => entries.includes(step) || (predecessors.get(step) ?? []).some(from => reachable.has(from) && !trapped.has(from));
    return {
        unreachable: steps.filter(step => !reachable.has(step)),
        deadEnds: [...trapped].filter(isTrapEntry)
    };
}

function successorsOf(step: Step, following: Step | undefined): Step[] {
    if (step.next.length > 0) {
        return step.next.map(reference => reference.ref).filter((target): target is Step => target !== undefined);
    }
    return step.exit || !following ? [] : [following];
}

function closure(start: Step[], neighbours: (step: Step) => Step[]): Set<Step> {
    const seen = new Set<Step>(start);
    const pending = [...start];
    while (pending.length > 0) {
        for (const neighbour of neighbours(pending.pop()!)) {
            if (!seen.has(neighbour)) {
                seen.add(neighbour);
                pending.push(neighbour);
            }
        }
    }
    return seen;
}

function invert(edges: Map<Step, Step[]>): Map<Step, Step[]> {
    const inverted = new Map<Step, Step[]>();
    for (const [from, targets] of edges) {
        for (const to of targets) {
            inverted.set(to, [...(inverted.get(to) ?? []), from]);
        }
    }
    return inverted;
}
