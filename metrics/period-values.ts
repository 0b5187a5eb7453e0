import type { DataTable } from './data-table.js';
import { t } from '../model/localisation.js';

/** The forms a period can be written in, in a data file's period column. */
export type PeriodForm = 'date' | 'week' | 'month' | 'quarter' | 'year' | 'number';

const forms: Array<{ form: PeriodForm; pattern: RegExp; valid: (match: RegExpExecArray) => boolean }> = [
    {
        form: 'date',
        pattern: /^(\d{4})-(\d{2})-(\d{2})$/,
        valid: ([, year, month, day]) => isDate(Number(year), Number(month), Number(day))
    },
    { form: 'week', pattern: /^(\d{4})-W(\d{1,2})$/, valid: ([, , week]) => Number(week) >= 1 && Number(week) <= 53 },
    {
        form: 'month',
        pattern: /^(\d{4})-(\d{1,2})$/,
        valid: ([, , month]) => Number(month) >= 1 && Number(month) <= 12
    },
    {
        form: 'quarter',
        pattern: /^(\d{4})-Q(\d)$/,
        valid: ([, , quarter]) => Number(quarter) >= 1 && Number(quarter) <= 4
    },
    { form: 'year', pattern: /^(\d{4})$/, valid: () => true },
    { form: 'number', pattern: /^\d+$/, valid: () => true }
];

function isDate(year: number, month: number, day: number): boolean {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What form a period is written in, and whether it is a real one (no month 13, no 31 February); undefined: no form we
 * know.
 */
export function periodForm(period: string): { form: PeriodForm; valid: boolean } | undefined {
    const text = period.trim();
    for (const { form, pattern, valid } of forms) {
        const match = pattern.exec(text);
        if (match) return { form, valid: valid(match) };
    }
    return undefined;
}

/**
 * The first problem with a period column: a value that is no period, one that does not exist, or a second form mixed
 * in.
 */
export type PeriodProblem =
    | { kind: 'unknown'; row: number; value: string }
    | { kind: 'invalid'; row: number; value: string; form: PeriodForm }
    | { kind: 'mixed'; row: number; value: string; form: PeriodForm; firstForm: PeriodForm; firstValue: string };

/**
 * Checks the period column of a table: every value an ISO date (`2026-09-14`), a week
 * (`2026-W05`), a month (`2026-09`), a quarter (`2026-Q3`), a year or a number, all in one
 * form — otherwise their order, and so the latest value and the trend, would mean nothing.
 * Rows are 0-based indexes.
 */
export function checkPeriods(values: readonly string[]): PeriodProblem | undefined {
    let first: { form: PeriodForm; value: string } | undefined;
    // A period column of a million rows holds a few hundred periods: each is read once.
    const forms = new Map<string, ReturnType<typeof periodForm>>();
    for (let row = 0; row < values.length; row++) {
        const value = values[row];
        if (value.trim() === '') continue;
        let found = forms.get(value);
        if (found === undefined && !forms.has(value)) forms.set(value, found = periodForm(value));
        if (!found) return { kind: 'unknown', row, value };
        if (!found.valid) return { kind: 'invalid', row, value, form: found.form };
        if (!first) first = { form: found.form, value };
        else if (found.form !== first.form)
            return { kind: 'mixed', row, value, form: found.form, firstForm: first.form, firstValue: first.value };
    }
    return undefined;
}

const checked = new WeakMap<DataTable, Map<string, PeriodProblem | undefined>>();

/** `checkPeriods` of a table's column, once per table read (every link of a source asks). */
export function periodProblemOf(table: DataTable, column: string): PeriodProblem | undefined {
    let byColumn = checked.get(table);
    if (!byColumn) checked.set(table, byColumn = new Map());
    if (!byColumn.has(column)) byColumn.set(column, checkPeriods(table.cells.get(column) ?? []));
    return byColumn.get(column);
}

/** Where a row is in its file: `line 7` of a CSV file, `record 3` of a JSON array. */
export function rowPlace(table: DataTable, row: number): string {
    const line = table.lines?.[row];
    return line !== undefined ? t('line {line}', { line }) : t('record {record}', { record: row + 1 });
}

/** A period problem in words, naming the row. */
export function describePeriodProblem(problem: PeriodProblem, table: DataTable, column: string): string {
    const where = rowPlace(table, problem.row);
    switch (problem.kind) {
        case 'unknown':
            return t(
                "'{value}' in period column '{column}' ({where}) is not a period: write dates 2026-09-14, weeks 2026-W05, months 2026-09, quarters 2026-Q3 or years.",
                { value: problem.value, column, where }
            );
        case 'invalid':
            return t("'{value}' in period column '{column}' ({where}) is no real {form}.", {
                value: problem.value,
                column,
                where,
                form: formWord(problem.form)
            });
        case 'mixed':
            return t(
                "'{value}' in period column '{column}' ({where}) is a {form}, but the column began with {firstForm}s ('{first}'): write every period in one form.",
                {
                    value: problem.value,
                    column,
                    where,
                    form: formWord(problem.form),
                    firstForm: formWord(problem.firstForm),
                    first: problem.firstValue
                }
            );
    }
}

function formWord(form: PeriodForm): string {
    switch (form) {
        case 'date': return t('date');
        case 'week': return t('week');
        case 'month': return t('month');
        case 'quarter': return t('quarter');
        case 'year': return t('year');
        case 'number': return t('number');
    }
}
