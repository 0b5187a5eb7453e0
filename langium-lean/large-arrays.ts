/**
 * `array.push(...items)` passes every item as an argument on the stack, which V8 overflows for
 * the token lists of a large file. These move any number of items in constant stack depth.
 */

/** Appends `items` to `target`. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
    for (const item of items) target.push(item);
}

/** Inserts `items` into `target` before `index`, and removes `removeCount` items there first. */
export function spliceAll<T>(target: T[], index: number, removeCount: number, items: readonly T[]): void {
    if (items.length <= spreadLimit) {
        target.splice(index, removeCount, ...items);
        return;
    }
    // Both counts given: Langium's CST content is an array class whose splice reads an absent count as 0.
    const tail = target.splice(index, target.length - index);
    tail.splice(0, removeCount);
    appendAll(target, items);
    appendAll(target, tail);
}

/** Up to this many items go through the native splice (a single memmove); far below what overflows V8's stack. */
const spreadLimit = 10_000;
