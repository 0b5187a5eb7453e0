import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { detached } from './detached-string.js';

/**
 * Strings are double-quoted with backslash escapes, including `\u4E2D`. A `DataName` (a
 * column or key in a data source) may be written as a quoted string for names with spaces.
 * Numbers are decimal, `-0` read as 0.
 */
export class JourneyValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        const value = this.convertToken(rule, input, cstNode);
        // Every text the tree keeps is its own copy, not a view of the document's text (see detached-string.ts).
        return typeof value === 'string' ? detached(value) : value;
    }

    private convertToken(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING' || (rule.name === 'DataName' && input.startsWith('"'))) {
            return unquote(input);
        }
        if (rule.name === 'NUMBER') {
            // `-0` is zero: a negative zero would not survive the model's trip through JSON.
            const value = Number(input);
            return value === 0 ? 0 : value;
        }
        return super.runConverter(rule, input, cstNode);
    }
}

const simpleEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Removes the quotes of a string literal and resolves its escapes; text in other quotes (reported) has no escapes. */
export function unquote(literal: string): string {
    if (!literal.startsWith('"')) return literal.slice(1, -1);
    const closed = isClosedString(literal);
    const body = closed ? literal.slice(1, -1) : literal.slice(1).trimEnd();
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, escape: string) => {
        if (escape.length === 5) {
            return String.fromCharCode(parseInt(escape.slice(1), 16));
        }
        return simpleEscapes[escape] ?? escape;
    });
}

/** Whether a `"` string ends with a quote that no backslash escapes (an unclosed one runs to the end of its line). */
export function isClosedString(literal: string): boolean {
    return literal.length > 1 && /(^|[^\\])(\\\\)*"$/.test(literal.slice(1));
}

/** Writes a value as a string literal of the language (the inverse of `unquote`). */
export function quote(value: string): string {
    return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
}
