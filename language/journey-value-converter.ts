import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { detached } from '../langium-lean/detached-string.js';
import { unquote } from '../model/string-literals.js';

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
