import type { Condition, DataLink } from '../language/generated/ast.js';
import { didYouMean } from '../language/did-you-mean.js';
import { IssueCodes, type IssueCode } from '../language/journey-issue-codes.js';
import { numericCell, type DataTable } from './data-table.js';

/** Which part of a data link a problem is about, so the diagnostic marks exactly that. */
export type LinkPart = { part: 'column' } | { part: 'key'; condition: Condition } | { part: 'where' };

export type LinkResolution =
    | { kind: 'value'; value: number; row: Record<string, string> }
    | { kind: 'problem'; code: IssueCode; message: string; at: LinkPart; suggestions?: string[] };

/** Looks a data link up in its table: the one row matching every `where`, and its numeric cell. */
export function resolveDataLink(link: DataLink, table: DataTable): LinkResolution {
    const unknown = [{ name: link.column, at: { part: 'column' } as LinkPart }, ...link.conditions.map(condition => ({ name: condition.key, at: { part: 'key', condition } as LinkPart }))]
        .find(entry => !table.columns.includes(entry.name));
    if (unknown) {
        const suggestions = didYouMean(unknown.name, table.columns);
        const hint = suggestions.length > 0 ? `Did you mean '${suggestions[0]}'?` : `Columns: ${table.columns.join(', ')}.`;
        return { kind: 'problem', code: IssueCodes.DataColumnUnknown, message: `The data source has no column '${unknown.name}'. ${hint}`, at: unknown.at, suggestions };
    }
    const rows = table.rows.filter(row => link.conditions.every(condition => cellMatches(row[condition.key], condition)));
    if (rows.length === 0) {
        return { kind: 'problem', code: IssueCodes.DataRowNotFound, message: `No row matches ${describeConditions(link)}; check the key values in the data file.`, at: { part: 'where' } };
    }
    if (rows.length > 1) {
        const advice = link.conditions.length === 0 ? 'add `where column = "value"` to pick one' : 'add `and column = "value"` to pick one';
        return { kind: 'problem', code: IssueCodes.DataRowAmbiguous, message: `${rows.length} rows match ${describeConditions(link)}; ${advice}.`, at: { part: 'where' } };
    }
    const cell = rows[0][link.column] ?? '';
    const value = numericCell(cell);
    if (value === undefined) {
        return { kind: 'problem', code: IssueCodes.DataValueNotNumeric, message: `The cell '${cell}' in column '${link.column}' is not a number.`, at: { part: 'column' } };
    }
    return { kind: 'value', value, row: rows[0] };
}

function cellMatches(cell: string | undefined, condition: Condition): boolean {
    if (cell === undefined) {
        return false;
    }
    return condition.text !== undefined ? cell === condition.text : numericCell(cell) === condition.number;
}

function describeConditions(link: DataLink): string {
    if (link.conditions.length === 0) {
        return 'the link (it has no `where`)';
    }
    return link.conditions.map(condition => `${condition.key} = ${condition.text !== undefined ? JSON.stringify(condition.text) : condition.number}`).join(' and ');
}
