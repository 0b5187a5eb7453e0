import type { Condition, DataLink } from '../language/generated/ast.js';
import { didYouMean } from '../language/did-you-mean.js';
import { IssueCodes, type IssueCode } from '../language/journey-issue-codes.js';
import { t } from '../language/localisation.js';
import type { PeriodValue } from '../language/journey-model.js';
import { numericCell, type DataTable } from './data-table.js';

/** Which part of a data link a problem is about, so the diagnostic marks exactly that. */
export type LinkPart = { part: 'column' } | { part: 'key'; condition: Condition } | { part: 'where' };

export type LinkResolution =
    | { kind: 'value'; value: number; row: Record<string, string>; line?: number; series?: PeriodValue[] }
    | { kind: 'problem'; code: IssueCode; message: string; at: LinkPart; suggestions?: string[] };

/** Whether a link was parsed whole: text the parser recovered from can lack a column or a key. */
export function isCompleteLink(link: DataLink): boolean {
    return typeof link.column === 'string' && link.conditions.every(condition => typeof condition.key === 'string');
}

/**
 * Looks a data link up in its table: the one row matching every `where`, and its numeric
 * cell. With a `period` column, one row per period: the latest is the value, all of them
 * (oldest first) the series.
 */
export function resolveDataLink(link: DataLink, table: DataTable, periodColumn?: string): LinkResolution {
    if (periodColumn !== undefined && table.columns.includes(periodColumn)) {
        return resolveSeries(link, table, periodColumn);
    }
    const unknownColumn = findUnknownColumn(link, table);
    if (unknownColumn) return unknownColumn;
    const rows = matchingRows(link, table);
    if (rows.length === 0) return noRow(link);
    if (rows.length > 1) {
        const conditions = describeConditions(link);
        const message = link.conditions.length === 0
            ? t('{count} rows match {conditions}; add `where column = "value"` to pick one.', { count: rows.length, conditions })
            : t('{count} rows match {conditions}; add `and column = "value"` to pick one.', { count: rows.length, conditions });
        return { kind: 'problem', code: IssueCodes.DataRowAmbiguous, message, at: { part: 'where' } };
    }
    const value = numericValue(link, rows[0].row);
    return typeof value === 'number' ? { kind: 'value', value, row: rows[0].row, line: rows[0].line } : value;
}

/** One row per period; the periods in order (numbers as numbers, `2026-W9` before `2026-W10`). */
function resolveSeries(link: DataLink, table: DataTable, periodColumn: string): LinkResolution {
    const unknownColumn = findUnknownColumn(link, table);
    if (unknownColumn) return unknownColumn;
    const rows = matchingRows(link, table);
    if (rows.length === 0) return noRow(link);
    const byPeriod = new Map<string, typeof rows>();
    for (const entry of rows) byPeriod.set(entry.row[periodColumn], [...(byPeriod.get(entry.row[periodColumn]) ?? []), entry]);
    const repeated = [...byPeriod].find(([, entries]) => entries.length > 1);
    if (repeated) {
        return { kind: 'problem', code: IssueCodes.DataRowAmbiguous, message: t('{count} rows match {conditions} in period \'{period}\'; add `and column = "value"` to pick one.', { count: repeated[1].length, conditions: describeConditions(link), period: repeated[0] }), at: { part: 'where' } };
    }
    const periods = [...byPeriod.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const series: PeriodValue[] = [];
    for (const period of periods) {
        const value = numericValue(link, byPeriod.get(period)![0].row);
        if (typeof value !== 'number') return value;
        series.push({ period, value });
    }
    const latest = byPeriod.get(periods.at(-1)!)![0];
    return { kind: 'value', value: series.at(-1)!.value, row: latest.row, line: latest.line, series };
}

function findUnknownColumn(link: DataLink, table: DataTable): LinkResolution | undefined {
    const unknown = [{ name: link.column, at: { part: 'column' } as LinkPart }, ...link.conditions.map(condition => ({ name: condition.key, at: { part: 'key', condition } as LinkPart }))]
        .find(entry => !table.columns.includes(entry.name));
    return unknown && { kind: 'problem', code: IssueCodes.DataColumnUnknown, ...describeUnknownColumn(unknown.name, table.columns, t('column')), at: unknown.at };
}

/** "The data source has no column 'x'. Did you mean 'y'?" — or the list of columns when nothing is close. */
export function describeUnknownColumn(name: string, columns: string[], what: string): { message: string; suggestions: string[] } {
    const suggestions = didYouMean(name, columns);
    const hint = suggestions.length > 0 ? t("Did you mean '{name}'?", { name: suggestions[0] }) : t('Columns: {columns}.', { columns: columns.join(', ') });
    return { message: t("The data source has no {what} '{name}'. {hint}", { what, name, hint }), suggestions };
}

function matchingRows(link: DataLink, table: DataTable): Array<{ row: Record<string, string>; line?: number }> {
    return table.rows
        .map((row, index) => ({ row, line: table.lines?.[index] }))
        .filter(({ row }) => link.conditions.every(condition => cellMatches(row[condition.key], condition)));
}

function noRow(link: DataLink): LinkResolution {
    return { kind: 'problem', code: IssueCodes.DataRowNotFound, message: t('No row matches {conditions}; check the key values in the data file.', { conditions: describeConditions(link) }), at: { part: 'where' } };
}

function numericValue(link: DataLink, row: Record<string, string>): number | LinkResolution {
    const cell = row[link.column] ?? '';
    const value = numericCell(cell);
    return value ?? { kind: 'problem', code: IssueCodes.DataValueNotNumeric, message: t("The cell '{cell}' in column '{column}' is not a number.", { cell, column: link.column }), at: { part: 'column' } };
}

function cellMatches(cell: string | undefined, condition: Condition): boolean {
    if (cell === undefined) {
        return false;
    }
    return condition.text !== undefined ? cell === condition.text : numericCell(cell) === condition.number;
}

function describeConditions(link: DataLink): string {
    if (link.conditions.length === 0) {
        return t('the link (it has no `where`)');
    }
    return link.conditions.map(condition => `${condition.key} = ${condition.text !== undefined ? JSON.stringify(condition.text) : condition.number}`).join(t(' and '));
}
