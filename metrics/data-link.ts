import { didYouMean } from '../model/did-you-mean.js';
import { t } from '../model/localisation.js';
import type { PeriodValue, SurveySample } from '../model/journey-model.js';
import { cellOf, numericCell, rowOf, type DataTable } from './data-table.js';
import { intersectRows, rowsByValue } from './table-index.js';
import { periodProblemOf, rowPlace } from './period-values.js';

/** The diagnostic codes of a link's problems; the language's IssueCodes table includes them. */
export const DataLinkCodes = {
    DataColumnUnknown: 'data-column-unknown',
    DataRowNotFound: 'data-row-not-found',
    DataRowAmbiguous: 'data-row-ambiguous',
    DataValueNotNumeric: 'data-value-not-numeric',
    DataPeriodInvalid: 'data-period-invalid'
} as const;
type DataLinkCode = (typeof DataLinkCodes)[keyof typeof DataLinkCodes];

/** `where key = "text"` or `where key = 3`: one condition on the rows a link picks. */
export interface LinkCondition {
    key: string;
    text?: string;
    number?: number;
}

/** Which part of a data link a problem is about, so the diagnostic marks exactly that. */
export type LinkPart =
    | { part: 'column' }
    | { part: 'key'; condition: LinkCondition }
    | { part: 'condition'; condition: LinkCondition }
    | { part: 'where' };

/**
 * What every link into a table has: a column, and the conditions that pick rows (a metric's link, a measured emotion,
 * quotes).
 */
export interface LinkShape {
    column: string;
    conditions: readonly LinkCondition[];
}

export type LinkResolution =
    | {
          kind: 'value';
          value: number;
          row?: Record<string, string>;
          line?: number;
          series?: PeriodValue[];
          sample?: SurveySample;
      }
    | {
          kind: 'problem';
          code: DataLinkCode;
          message: string;
          at: LinkPart;
          suggestions?: string[];
          /** The problem is the data source's (its period column), reported once where the source is declared. */
          ofSource?: boolean;
      };

/** Whether a link was parsed whole: text the parser recovered from can lack a column or a key. */
export function isCompleteLink(link: LinkShape): boolean {
    return typeof link.column === 'string' && link.conditions.every(condition => typeof condition.key === 'string');
}

/**
 * Looks a data link up in its table: the one row matching every `where`, and its numeric
 * cell. With a `period` column, one row per period: the latest is the value, all of them
 * (oldest first) the series.
 */
export function resolveDataLink(link: LinkShape, table: DataTable, periodColumn?: string): LinkResolution {
    if (periodColumn !== undefined) {
        // A period column that is missing or holds no periods is one error, at the source: no link reads it.
        const broken = !table.columns.includes(periodColumn) || periodProblemOf(table, periodColumn) !== undefined;
        if (broken)
            return {
                kind: 'problem',
                code: DataLinkCodes.DataPeriodInvalid,
                message: '',
                at: { part: 'where' },
                ofSource: true
            };
        return resolveSeries(link, table, periodColumn);
    }
    const unknownColumn = findUnknownColumn(link, table);
    if (unknownColumn) return unknownColumn;
    const rows = matchingRows(link, table);
    if (rows.length === 0) return noRow(link, table);
    if (rows.length > 1) {
        const conditions = describeConditions(link);
        const where = places(table, rows);
        const message =
            link.conditions.length === 0
                ? t('{count} rows match {conditions} ({where}); add `where column = "value"` to pick one.', {
                      count: rows.length,
                      conditions,
                      where
                  })
                : t('{count} rows match {conditions} ({where}); add `and column = "value"` to pick one.', {
                      count: rows.length,
                      conditions,
                      where
                  });
        return { kind: 'problem', code: DataLinkCodes.DataRowAmbiguous, message, at: { part: 'where' } };
    }
    const value = numericValue(link, table, rows[0]);
    return typeof value === 'number'
        ? { kind: 'value', value, row: rowOf(table, rows[0]), line: table.lines?.[rows[0]] }
        : value;
}

/** One row per period; the periods in order (numbers as numbers, `2026-W9` before `2026-W10`). */
function resolveSeries(link: LinkShape, table: DataTable, periodColumn: string): LinkResolution {
    const unknownColumn = findUnknownColumn(link, table);
    if (unknownColumn) return unknownColumn;
    const rows = matchingRows(link, table);
    if (rows.length === 0) return noRow(link, table);
    const byPeriod = rowsByPeriod(table, rows, periodColumn);
    const repeated = [...byPeriod].find(([, entries]) => entries.length > 1);
    if (repeated) {
        const where = places(table, repeated[1]);
        return {
            kind: 'problem',
            code: DataLinkCodes.DataRowAmbiguous,
            message: t(
                '{count} rows match {conditions} in period \'{period}\' ({where}); add `and column = "value"` to pick one.',
                { count: repeated[1].length, conditions: describeConditions(link), period: repeated[0], where }
            ),
            at: { part: 'where' }
        };
    }
    const series: PeriodValue[] = [];
    for (const [period, [row]] of byPeriod) {
        const value = numericValue(link, table, row);
        if (typeof value !== 'number') return value;
        series.push({ period, value });
    }
    const latest = byPeriod.get(series.at(-1)!.period)![0];
    return {
        kind: 'value',
        value: series.at(-1)!.value,
        row: rowOf(table, latest),
        line: table.lines?.[latest],
        series
    };
}

/** The rows of each period, the periods in order (numbers as numbers, `2026-W9` before `2026-W10`). */
export function rowsByPeriod(table: DataTable, rows: readonly number[], periodColumn: string): Map<string, number[]> {
    const byPeriod = new Map<string, number[]>();
    const cells = table.cells.get(periodColumn) ?? [];
    for (const row of rows) {
        const period = cells[row] ?? '';
        const entries = byPeriod.get(period);
        if (entries) entries.push(row);
        else byPeriod.set(period, [row]);
    }
    const ordered = [...byPeriod.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    return new Map(ordered.map(period => [period, byPeriod.get(period)!]));
}

export function findUnknownColumn(link: LinkShape, table: DataTable): LinkResolution | undefined {
    const unknown = [
        { name: link.column, at: { part: 'column' } as LinkPart },
        ...link.conditions.map(condition => ({ name: condition.key, at: { part: 'key', condition } as LinkPart }))
    ].find(entry => !table.columns.includes(entry.name));
    return (
        unknown && {
            kind: 'problem',
            code: DataLinkCodes.DataColumnUnknown,
            ...describeUnknownColumn(unknown.name, table.columns, t('column')),
            at: unknown.at
        }
    );
}

/** "The data source has no column 'x'. Did you mean 'y'?" — or the list of columns when nothing is close. */
export function describeUnknownColumn(
    name: string,
    columns: string[],
    what: string
): { message: string; suggestions: string[] } {
    const suggestions = didYouMean(name, columns);
    const hint =
        suggestions.length > 0
            ? t("Did you mean '{name}'?", { name: suggestions[0] })
            : t('Columns: {columns}.', { columns: columns.join(', ') });
    return { message: t("The data source has no {what} '{name}'. {hint}", { what, name, hint }), suggestions };
}

/** The indexes of the rows that meet every condition of a link, in the file's order. */
export function matchingRows(link: LinkShape, table: DataTable): readonly number[] {
    if (link.conditions.length === 0) return Array.from({ length: table.rowCount }, (_, row) => row);
    return intersectRows(link.conditions.map(condition => rowsMeeting(condition, table)));
}

/**
 * The rows of one condition, through the column's index: a text as it is, a number however the cells write it (`12`,
 * `12.0`).
 */
function rowsMeeting(condition: LinkCondition, table: DataTable): readonly number[] {
    const index = rowsByValue(table, condition.key);
    if (condition.text !== undefined) return index.get(condition.text) ?? [];
    const matching = [...index].filter(([cell]) => cellMatches(cell, condition)).map(([, rows]) => rows);
    return matching.length === 1 ? matching[0] : matching.flat().sort((a, b) => a - b);
}

/** `lines 2, 5, 8` (or records of a JSON file), at most five named. */
export function places(table: DataTable, rows: readonly number[]): string {
    const shown = rows.slice(0, 5).map(row => rowPlace(table, row));
    return shown.join(', ') + (rows.length > 5 ? ', …' : '');
}

/**
 * No row matches: for the first condition whose value no row has, the values the file does
 * have for that key, closest first (`step = "see-adx"`: did you mean "see-ad"?).
 */
export function noRow(link: LinkShape, table: DataTable): LinkResolution {
    const conditions = describeConditions(link);
    const missing = link.conditions.find(
        condition => !(table.cells.get(condition.key) ?? []).some(cell => cellMatches(cell, condition))
    );
    if (!missing) {
        return {
            kind: 'problem',
            code: DataLinkCodes.DataRowNotFound,
            message: t('No row matches {conditions} together; each value is in the file, but not in one row.', {
                conditions
            }),
            at: { part: 'where' }
        };
    }
    const values = [...new Set(table.cells.get(missing.key) ?? [])].filter(value => value !== '');
    const written = missing.text ?? String(missing.number);
    const close = didYouMean(written, values);
    const shown =
        (close.length > 0 ? close : values.slice(0, 5)).map(value => JSON.stringify(value)).join(', ') +
        (close.length === 0 && values.length > 5 ? ', …' : '');
    const message =
        close.length > 0
            ? t('No row matches {conditions}: the file has no {key} = {value}. Did you mean {close}?', {
                  conditions,
                  key: missing.key,
                  value: JSON.stringify(written),
                  close: shown
              })
            : t('No row matches {conditions}: the file has no {key} = {value}; its values are {values}.', {
                  conditions,
                  key: missing.key,
                  value: JSON.stringify(written),
                  values: shown || t('none')
              });
    return {
        kind: 'problem',
        code: DataLinkCodes.DataRowNotFound,
        message,
        at: { part: 'condition', condition: missing }
    };
}

function numericValue(link: LinkShape, table: DataTable, row: number): number | LinkResolution {
    const cell = cellOf(table, link.column, row);
    const value = numericCell(cell);
    return value ?? notNumeric(link, cell, rowPlace(table, row));
}

export function notNumeric(link: LinkShape, cell: string, where: string): LinkResolution {
    return {
        kind: 'problem',
        code: DataLinkCodes.DataValueNotNumeric,
        message: t("The cell '{cell}' in column '{column}' ({where}) is not a number.", {
            cell,
            column: link.column,
            where
        }),
        at: { part: 'column' }
    };
}

function cellMatches(cell: string | undefined, condition: LinkCondition): boolean {
    if (cell === undefined) {
        return false;
    }
    return condition.text !== undefined ? cell === condition.text : numericCell(cell) === condition.number;
}

export function describeConditions(link: LinkShape): string {
    if (link.conditions.length === 0) {
        return t('the link (it has no `where`)');
    }
    return link.conditions
        .map(
            condition =>
                `${condition.key} = ${condition.text !== undefined ? JSON.stringify(condition.text) : condition.number}`
        )
        .join(t(' and '));
}
