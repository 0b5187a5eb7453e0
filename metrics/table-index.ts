import type { DataTable } from './data-table.js';

const indexes = new WeakMap<DataTable, Map<string, Map<string, number[]>>>();

/**
 * The rows of each value of a column, built once per table read: a survey export of a
 * million answers is linked by every step of a map, twice (checks and the model), and each
 * link then finds its rows without scanning the file again.
 */
export function rowsByValue(table: DataTable, column: string): ReadonlyMap<string, readonly number[]> {
    let byColumn = indexes.get(table);
    if (!byColumn) indexes.set(table, byColumn = new Map());
    let index = byColumn.get(column);
    if (!index) {
        index = new Map();
        const cells = table.cells.get(column) ?? [];
        for (let row = 0; row < cells.length; row++) {
            const rows = index.get(cells[row]);
            if (rows) rows.push(row);
            else index.set(cells[row], [row]);
        }
        byColumn.set(column, index);
    }
    return index;
}

/** The rows in every one of the lists (each in ascending order), in ascending order. */
export function intersectRows(lists: ReadonlyArray<readonly number[]>): number[] {
    if (lists.length === 0) return [];
    if (lists.length === 1) return [...lists[0]];
    const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
    const sets = others.map(list => new Set(list));
    return shortest.filter(row => sets.every(set => set.has(row)));
}
