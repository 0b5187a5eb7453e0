import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isClosedString, quote, unquote } from '../../model/string-literals.js';

/**
 * What a string literal means, worked out the long way: escapes resolved one by one, an unclosed one running to its
 * end.
 */
function meaning(literal: string): string {
    const closed = isClosedString(literal);
    let body = closed ? literal.slice(1, -1) : literal.slice(1).trimEnd();
    let value = '';
    while (body.length > 0) {
        const escape = /^\\(u[0-9a-fA-F]{4}|.)/.exec(body);
        if (!escape) {
            value += body[0];
            body = body.slice(1);
            continue;
        }
        const code = escape[1];
        value +=
            code.length === 5
                ? String.fromCharCode(parseInt(code.slice(1), 16))
                : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[
                      code
                  ] ?? code);
        body = body.slice(escape[0].length);
    }
    return value;
}

describe('string literals', () => {
    // Texts of quotes, backslashes, spaces, CJK and escapes' letters, closed or not, as a writer leaves them mid-line.
    const literal = fc
        .tuple(
            fc
                .array(fc.constantFrom('a', '价', ' ', '"', '\\', 'n', 'u', '4', 'E', '2', 'D', '😀'))
                .map(parts => parts.join('')),
            fc.boolean()
        )
        .map(([body, closed]) => `"${body}${closed ? '"' : ''}`);

    it('reads every literal as its escapes and quotes say, with or without a backslash in it', () => {
        fc.assert(fc.property(literal, text => assert.equal(unquote(text), meaning(text))), { numRuns: 2000 });
    });

    it('reads back what it writes', () => {
        fc.assert(fc.property(fc.string(), value => assert.equal(unquote(quote(value)), value)));
        assert.equal(unquote('"运费 \\u4E2D \\"免\\""'), '运费 中 "免"');
        assert.equal(unquote('"unclosed   '), 'unclosed');
        assert.equal(unquote('“curly”'), 'curly');
    });
});
