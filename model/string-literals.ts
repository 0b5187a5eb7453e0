/** The language's string literals, read and written without a parser. */

const simpleEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Removes the quotes of a string literal and resolves its escapes; text in other quotes (reported) has no escapes. */
export function unquote(literal: string): string {
    if (!literal.startsWith('"')) return literal.slice(1, -1);
    const body = isClosedString(literal) ? literal.slice(1, -1) : literal.slice(1).trimEnd();
    // Most texts have no escapes (one in every five tokens of a map is a string).
    if (!body.includes('\\')) return body;
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, escape: string) => {
        if (escape.length === 5) {
            return String.fromCharCode(parseInt(escape.slice(1), 16));
        }
        return simpleEscapes[escape] ?? escape;
    });
}

/** Whether a `"` string ends with a quote that no backslash escapes (an unclosed one runs to the end of its line). */
export function isClosedString(literal: string): boolean {
    if (literal.length < 2 || !literal.endsWith('"')) return false;
    // Without a backslash, no quote is escaped.
    return !literal.includes('\\') || /(^|[^\\])(\\\\)*"$/.test(literal.slice(1));
}

/** Writes a value as a string literal of the language (the inverse of `unquote`). */
export function quote(value: string): string {
    return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
}
