import { allSteps, type JourneyMapModel, type StepModel } from '../model/journey-model.js';

/** The journey's main path and the links that leave it (alternatives, exits), for drawing. */
export interface JourneyPaths {
    /** In the order the customer takes them. */
    main: StepModel[];
    /** Every other link between two steps: drawn as a dashed branch off the main path. */
    branches: Array<{ from: StepModel; to: StepModel }>;
}

/**
 * The main path starts at the journey's first `start` step (or its first step) and follows
 * each step's first `next`; a step without `next` goes on to the following step in the text,
 * skipping steps that are only alternatives (a second `next` of some step). It ends at an
 * `exit`, at the last step, or where it would come back to a step it passed. Every other link
 * — a second `next`, the way into an exit that is not on the path — is a branch.
 */
export function journeyPaths(journey: JourneyMapModel): JourneyPaths {
    // Each row of a wrapped map draws its part of the curve from the same paths.
    let paths = known.get(journey);
    if (!paths) known.set(journey, paths = pathsOf(journey));
    return paths;
}

const known = new WeakMap<JourneyMapModel, JourneyPaths>();

function pathsOf(journey: JourneyMapModel): JourneyPaths {
    const steps = allSteps(journey);
    const byName = new Map(steps.map(step => [step.name, step]));
    const alternatives = new Set(steps.flatMap(step => step.next.slice(1)));
    const successors = (step: StepModel, index: number): StepModel[] => {
        if (step.next.length > 0) return step.next.flatMap(name => byName.get(name) ?? []);
        if (step.exit) return [];
        const following = steps.slice(index + 1).find(candidate => !alternatives.has(candidate.name));
        return following ? [following] : [];
    };
    const indexOf = new Map(steps.map((step, index) => [step, index]));
    const first = byName.get(journey.starts?.[0] ?? '') ?? steps[0];
    const main: StepModel[] = [];
    const onMain = new Set<StepModel>();
    for (let step = first; step && !onMain.has(step); step = successors(step, indexOf.get(step)!)[0]) {
        main.push(step);
        onMain.add(step);
    }
    const mainLinks = new Set(main.slice(1).map((step, index) => `${main[index].name}\u0000${step.name}`));
    const branches = steps.flatMap((from, index) => successors(from, index)
        .filter(to => !mainLinks.has(`${from.name}\u0000${to.name}`))
        .map(to => ({ from, to })));
    return { main, branches };
}
