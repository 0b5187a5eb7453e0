import { allSteps, type JourneyMapModel } from '../model/journey-model.js';
import type { ObservedPaths, ObservedStep, ObservedTransition, PathVariant } from '../model/observed-paths.js';

/**
 * The step paths of a log, already counted: each distinct path (events sorted by time, mapped
 * to steps, repeats of a step merged) with how many cases took it, and the group of the split
 * column those cases are in. This is all an engine hands back; everything else is computed here.
 */
export interface CountedPaths {
    variants: GroupedVariant[];
    unmappedEvents: number;
}

export interface GroupedVariant {
    path: string[];
    count: number;
    /** The case's value of the split column, when there is one. */
    group?: string;
}

/** How the map reads a journey's flow: where it may start, where it may end, which moves it shows. */
export interface DeclaredFlow {
    starts: ReadonlySet<string>;
    exits: ReadonlySet<string>;
    /** `from\u0000to` for every `next`. */
    moves: ReadonlySet<string>;
    /** Steps in map order, with whether the map binds events to them. */
    steps: ReadonlyArray<{ name: string; bound: boolean }>;
}

export function declaredFlow(journey: JourneyMapModel): DeclaredFlow {
    const steps = allSteps(journey);
    const starts = journey.starts?.length ? journey.starts : steps.slice(0, 1).map(step => step.name);
    return {
        starts: new Set(starts),
        exits: new Set(steps.filter(step => step.exit).map(step => step.name)),
        moves: new Set(steps.flatMap(step => step.next.map(next => moveKey(step.name, next)))),
        steps: steps.map(step => ({ name: step.name, bound: (step.events?.length ?? 0) > 0 }))
    };
}

function moveKey(from: string, to: string): string {
    return `${from}\u0000${to}`;
}

/** Whether a path starts at a start step, makes only moves the map shows, and ends at an exit. */
export function followsMap(path: readonly string[], flow: DeclaredFlow): boolean {
    if (path.length === 0 || !flow.starts.has(path[0]) || !flow.exits.has(path[path.length - 1])) return false;
    return path.every((step, index) => index === 0 || flow.moves.has(moveKey(path[index - 1], step)));
}

/**
 * The observed paths of one journey from its counted step paths (docs/paths.md has the
 * definitions). `variantLimit` keeps the most frequent variants only (a snapshot keeps 20).
 */
export function analysePaths(
    journey: JourneyMapModel, source: string, counted: CountedPaths, options: { variantLimit?: number } = {}
): ObservedPaths {
    const flow = declaredFlow(journey);
    const variants = mergeGroups(counted.variants);
    let cases = 0;
    let following = 0;
    const reach = new Map<string, number>();
    const dropOff = new Map<string, number>();
    const transitions = new Map<string, ObservedTransition>();
    for (const { path, count } of variants) {
        if (path.length === 0) continue;
        cases += count;
        if (followsMap(path, flow)) following += count;
        for (const step of new Set(path)) reach.set(step, (reach.get(step) ?? 0) + count);
        const last = path[path.length - 1];
        if (!flow.exits.has(last)) dropOff.set(last, (dropOff.get(last) ?? 0) + count);
        for (let index = 1; index < path.length; index++) {
            const key = moveKey(path[index - 1], path[index]);
            const known = transitions.get(key);
            if (known) known.count += count;
            else transitions.set(key, { from: path[index - 1], to: path[index], count, declared: flow.moves.has(key) });
        }
    }
    const steps: ObservedStep[] = flow.steps.map(({ name }) => ({
        step: name, reach: reach.get(name) ?? 0, dropOff: dropOff.get(name) ?? 0
    }));
    const sorted = sortVariants(variants.filter(variant => variant.path.length > 0));
    const limit = options.variantLimit ?? sorted.length;
    return {
        journey: journey.name, source, cases, unmappedEvents: counted.unmappedEvents,
        fitness: cases > 0 ? following / cases : 0,
        steps,
        transitions: [...transitions.values()].sort(byCountThenMove),
        deadSteps: flow.steps.filter(step => step.bound && !reach.has(step.name)).map(step => step.name),
        variants: sorted.slice(0, limit),
        ...(sorted.length > limit ? { variantCount: sorted.length } : {})
    };
}

/** Most frequent first; equal counts by their steps, so the order is the same every time. */
function byCountThenMove(a: ObservedTransition, b: ObservedTransition): number {
    return b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
}

/** The same path in several groups is one variant. */
function mergeGroups(variants: readonly GroupedVariant[]): PathVariant[] {
    const merged = new Map<string, PathVariant>();
    for (const { path, count } of variants) {
        const key = path.join('\u0000');
        const known = merged.get(key);
        if (known) known.count += count;
        else merged.set(key, { path: [...path], count });
    }
    return [...merged.values()];
}

function sortVariants(variants: PathVariant[]): PathVariant[] {
    return variants.sort((a, b) => b.count - a.count || a.path.join(' ').localeCompare(b.path.join(' ')));
}
