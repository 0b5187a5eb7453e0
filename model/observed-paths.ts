/**
 * What an event log says customers actually did on one journey: the shape of
 * `journeymap paths --format json` and of the snapshot `journeymap data pull` writes next to
 * the map. Step ids are as written in the map. Definitions: docs/paths.md.
 */
export interface ObservedPaths {
    journey: string;
    /** The event log's name in the map (`data clicks …`). */
    source: string;
    /** Cases with at least one event bound to a step of the journey. */
    cases: number;
    /** Events whose activity no step of the journey binds (`events "…"`). */
    unmappedEvents: number;
    /** Cases that follow the map ÷ cases; 0 when there are none. */
    fitness: number;
    steps: ObservedStep[];
    transitions: ObservedTransition[];
    /** Steps bound to events that no case reached. */
    deadSteps: string[];
    /** Distinct step paths, most frequent first (ties by path). */
    variants: PathVariant[];
    /** How many distinct step paths there are, when `variants` lists only the most frequent. */
    variantCount?: number;
    split?: PathSplit;
}

export interface ObservedStep {
    step: string;
    /** Cases that visit the step at least once. */
    reach: number;
    /** Cases whose path ends at the step when it is not an exit. */
    dropOff: number;
}

export interface ObservedTransition {
    from: string;
    to: string;
    /** How many times a case went straight from `from` to `to` (a case that loops counts each time). */
    count: number;
    /** The map's `next` of `from` names `to`. */
    declared: boolean;
}

export interface PathVariant {
    path: string[];
    count: number;
}

/** One group of the split column: its cases and those that reach the goal. */
export interface SplitGroup {
    value: string;
    cases: number;
    reached: number;
    rate: number;
}

/** A group compared with the first group: the difference of rates, its 95 % interval and p-value. */
export interface SplitComparison {
    value: string;
    difference: number;
    ci95: [number, number];
    pValue: number;
}

export interface PathSplit {
    column: string;
    goal: string;
    /** In the order of their values; the first is the baseline. */
    groups: SplitGroup[];
    /** The second group against the first (absent with fewer than two groups). */
    difference?: number;
    ci95?: [number, number];
    pValue?: number;
    /** Every group after the first against the first (more than two groups). */
    comparisons?: SplitComparison[];
}

/** A journey's observed paths as the map shows them: the snapshot's numbers, or why there are none. */
export interface ObservedPathsModel {
    /** The event log's name (`paths from clicks`). */
    source: string;
    /** The step whose reach the split compares (`paths from clicks goal Refunded`). */
    goal?: string;
    /** The snapshot file, as a URI. */
    snapshot: string;
    /** When the snapshot was pulled (ISO time), if it says. */
    pulledAt?: string;
    paths?: ObservedPaths;
    /** Why the map has no numbers: no snapshot yet, or one that cannot be read. */
    missing?: string;
}

/** The share of `part` in `whole`, 0 for no whole. */
export function shareOf(part: number, whole: number): number {
    return whole > 0 ? part / whole : 0;
}

/** Transitions that the map does not show, most frequent first. */
export function undocumentedTransitions(paths: ObservedPaths): ObservedTransition[] {
    return paths.transitions.filter(transition => !transition.declared).sort((a, b) => b.count - a.count);
}

/** Above this share of customers, a move the map does not show is worth a hint. */
export const notableShare = 0.05;

/** The undocumented transitions taken by more than `notableShare` of the cases. */
export function notableUndocumented(paths: ObservedPaths): ObservedTransition[] {
    return undocumentedTransitions(paths).filter(transition => shareOf(transition.count, paths.cases) > notableShare);
}
