/**
 * A model as a change of the one before: every part equal to the same part of the older model
 * (same key, same index) is left out, marked as kept; a list is sent as its length and its
 * changed items by index. One typed character changes one step of
 * a 1,000-step map; its model is 0.6 MB, its delta a few hundred bytes. The server sends it
 * for `journey/model`, the extension passes it on to the preview, and each applies it to the
 * model it holds. Plain JSON values only, as models are.
 */

/** A part of the model left as it was. No model has a field of this name. */
const kept = { $kept: 1 } as const;

export type ModelDelta = unknown;

/**
 * The delta of `after` against `before`; `kept` itself when they are equal. Nothing is allocated for parts that are.
 */
export function deltaOf(before: unknown, after: unknown): ModelDelta {
    if (before === after) return kept;
    if (
        typeof before !== 'object' ||
        typeof after !== 'object' ||
        before === null ||
        after === null ||
        Array.isArray(before) !== Array.isArray(after)
    )
        return after;
    return Array.isArray(after)
        ? listDelta(before as unknown[], after)
        : recordDelta(before as Record<string, unknown>, after as Record<string, unknown>);
}

function listDelta(older: unknown[], newer: unknown[]): ModelDelta {
    let changed: Record<number, unknown> | undefined;
    for (let index = 0; index < newer.length; index++) {
        const delta = index < older.length ? deltaOf(older[index], newer[index]) : newer[index];
        if (delta !== kept) (changed ??= {})[index] = delta;
    }
    if (!changed && older.length === newer.length) return kept;
    // A long list with a few items changed (the steps of a stage): only those, by index.
    return { $length: newer.length, $changed: changed ?? {} };
}

function recordDelta(older: Record<string, unknown>, newer: Record<string, unknown>): ModelDelta {
    const keys = Object.keys(newer);
    let fields: Record<string, unknown> | undefined;
    for (let index = 0; index < keys.length; index++) {
        const key = keys[index];
        const delta = Object.hasOwn(older, key) ? deltaOf(older[key], newer[key]) : newer[key];
        if (delta === kept && !fields) continue;
        if (!fields) {
            // The first change: the fields before it were kept.
            fields = {};
            for (const earlier of keys.slice(0, index)) setField(fields, earlier, kept);
        }
        setField(fields, key, delta);
    }
    if (fields) return fields;
    if (keys.length === Object.keys(older).length) return kept;
    // Only fields dropped: the record is its kept fields.
    return Object.fromEntries(keys.map(key => [key, kept]));
}

/** The model a delta describes, from the model it was made against (parts kept are shared with it, not copied). */
export function applyDelta<T>(before: T, delta: ModelDelta): T {
    return applied(before, delta) as T;
}

function applied(before: unknown, delta: unknown): unknown {
    if (isKept(delta)) return before;
    if (typeof delta !== 'object' || delta === null) return delta;
    if (isArrayDelta(delta)) {
        const older = Array.isArray(before) ? before : [];
        return Array.from({ length: delta.$length }, (_, index) =>
            index in delta.$changed ? applied(older[index], delta.$changed[index]) : older[index]
        );
    }
    if (Array.isArray(delta)) return delta.map(item => applied(undefined, item));
    const older =
        typeof before === 'object' && before !== null && !Array.isArray(before)
            ? (before as Record<string, unknown>)
            : {};
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(delta))
        setField(fields, key, applied(Object.hasOwn(older, key) ? older[key] : undefined, value));
    return fields;
}

/**
 * A field of any name: text from a map may name one `__proto__`, which plain assignment would take for the prototype.
 */
function setField(fields: Record<string, unknown>, key: string, value: unknown): void {
    if (key === '__proto__')
        Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
    else fields[key] = value;
}

function isArrayDelta(value: object): value is { $length: number; $changed: Record<number, unknown> } {
    return (
        typeof (value as { $length?: unknown }).$length === 'number' &&
        typeof (value as { $changed?: unknown }).$changed === 'object'
    );
}

function isKept(value: unknown): boolean {
    return (
        typeof value === 'object' &&
        value !== null &&
        (value as { $kept?: unknown }).$kept === 1 &&
        Object.keys(value).length === 1
    );
}
