import type { ObservedPaths } from '../model/observed-paths.js';

/**
 * The snapshot of a map's observed paths: `returns.journey` → `returns.paths.json` beside it,
 * written by `journeymap data pull` and read by the editor, the map and `diff`, so that what
 * customers did is reviewed in git like the map itself. Small by design: counts, the 20 most
 * frequent variants, the split.
 */
export interface PathsSnapshot {
    /** When it was pulled (ISO time); not compared by `data pull --check`. */
    pulledAt?: string;
    journeys: ObservedPaths[];
}

/** The variants a snapshot keeps. */
export const snapshotVariants = 20;

/** `returns.journey` → `returns.paths.json`. */
export function snapshotFileName(mapFileName: string): string {
    return `${mapFileName.replace(/\.journey$/i, '')}.paths.json`;
}

/** The snapshot as a file: one line per step, transition and variant, so a pull request shows which numbers moved. */
export function pathsSnapshotText(snapshot: PathsSnapshot): string {
    return `${layout(snapshot, '')}\n`;
}

/** Whether two snapshots say the same, whenever they were pulled. */
export function sameObservations(a: PathsSnapshot, b: PathsSnapshot): boolean {
    return layout({ journeys: a.journeys }, '') === layout({ journeys: b.journeys }, '');
}

/** A value on one line when it is short and holds no objects; otherwise one entry per line. */
function layout(value: unknown, indent: string): string {
    const flat = JSON.stringify(value, roundFractions);
    if (value === null || typeof value !== 'object' || (flat.length <= 110 && !hasObjectInside(value))) return flat;
    const inner = `${indent}  `;
    if (Array.isArray(value)) return `[\n${value.map(entry => inner + layout(entry, inner)).join(',\n')}\n${indent}]`;
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    const fields = entries.map(([key, entry]) => `${inner}${JSON.stringify(key)}: ${layout(entry, inner)}`);
    return `{\n${fields.join(',\n')}\n${indent}}`;
}

/** Rates and intervals to six decimals: a snapshot pulled again from the same log is the same text. */
function roundFractions(_key: string, value: unknown): unknown {
    return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(6)) : value;
}

function hasObjectInside(value: object): boolean {
    return Object.values(value).some(entry => entry !== null && typeof entry === 'object' && !isFlatArray(entry));
}

function isFlatArray(value: unknown): boolean {
    return Array.isArray(value) && value.every(entry => entry === null || typeof entry !== 'object');
}

/** Reads a snapshot, or says in a sentence what is wrong with the file. */
export function parsePathsSnapshot(text: string): PathsSnapshot {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw new Error(`not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    const journeys = (value as { journeys?: unknown })?.journeys;
    if (!Array.isArray(journeys) || !journeys.every(isObservedPaths)) {
        throw new Error('not a paths snapshot: it needs "journeys", each with journey, cases, fitness, steps, '
            + 'transitions and variants');
    }
    const pulledAt = (value as { pulledAt?: unknown }).pulledAt;
    return { pulledAt: typeof pulledAt === 'string' ? pulledAt : undefined, journeys };
}

function isObservedPaths(value: unknown): value is ObservedPaths {
    const paths = value as Partial<ObservedPaths> | null;
    return (
        !!paths &&
        typeof paths.journey === 'string' &&
        areNumbers(paths.cases, paths.fitness) &&
        everyOne(paths.steps, step => typeof step.step === 'string' && areNumbers(step.reach, step.dropOff)) &&
        everyOne(
            paths.transitions,
            move => typeof move.from === 'string' && typeof move.to === 'string' && areNumbers(move.count)
        ) &&
        everyOne(paths.variants, variant => Array.isArray(variant.path) && areNumbers(variant.count)) &&
        Array.isArray(paths.deadSteps ?? [])
    );
}

function areNumbers(...values: unknown[]): boolean {
    return values.every(value => typeof value === 'number');
}

/** A list whose every entry is an object that passes the check. */
function everyOne<T>(list: T[] | undefined, check: (entry: T) => boolean): boolean {
    return Array.isArray(list) && list.every(entry => !!entry && typeof entry === 'object' && check(entry));
}
