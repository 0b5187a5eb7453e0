import type { CustomPatternMatcherFunc, IToken } from 'chevrotain';

/**
 * Matchers for the terminals whose regular expressions V8 runs with a backtracking stack
 * that grows per character: the string's and the identifier's overflow the stack on a string or
 * a name of a few million characters. These scan the text once, in constant stack depth, and accept
 * exactly what the grammar's regular expressions accept (test/language/terminal-matchers).
 *
 * After an unclosed string or comment the lexer tries again at every following character,
 * so a scan that failed is remembered for the rest of that lexing run (by its token list,
 * which Chevrotain makes anew for every run): a line of `\"` would otherwise be scanned once
 * per character.
 */

/** The stretch a failed scan covered, in one lexing run. */
interface FailedScan {
    from: number;
    to: number;
}

const failedStrings = new WeakMap<IToken[], FailedScan>();
const failedComments = new WeakMap<IToken[], FailedScan>();

/**
 * `"…"` on one line, with backslash escapes (a backslash may not escape a line break); an
 * unclosed one runs to the end of its line. Also `“…”`, `＂…＂` and `'…'` without escapes:
 * the validator reports those, so the rest of the map still parses.
 */
export const matchString: CustomPatternMatcherFunc = (text, offset, tokens) => {
    const first = text.charCodeAt(offset);
    const close = otherQuotes.get(first);
    if (close !== undefined) {
        const end = lineSearch(text, offset + 1, close);
        return end < 0 ? null : matched(text, offset, end + 1);
    }
    if (first !== QUOTE) return null;
    // A quote inside a failed string was escaped there, so a scan from it goes on exactly as that one did.
    const failed = failedStrings.get(tokens);
    if (failed && offset > failed.from && offset < failed.to) return null;
    const end = stringEnd(text, offset);
    if (end < 0) {
        failedStrings.set(tokens, { from: offset, to: -end });
        return null;
    }
    return matched(text, offset, end);
};

/** Opening quote → its closing quote, for the quotes writers type instead of `"`. */
const otherQuotes = new Map<number, number>([[0x201c, 0x201d], [0xff02, 0xff02], [0x27, 0x27]]);

/** The index of `close` on the line from `from`, or -1. */
function lineSearch(text: string, from: number, close: number): number {
    for (let index = from; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === close) return index;
        if (code === LINE_FEED || code === CARRIAGE_RETURN) return -1;
    }
    return -1;
}

/** `/* … *\/`, over any number of lines; the first `*\/` closes it. */
export const matchBlockComment: CustomPatternMatcherFunc = (text, offset, tokens) => {
    if (text.charCodeAt(offset) !== SLASH || text.charCodeAt(offset + 1) !== STAR) return null;
    const failed = failedComments.get(tokens);
    if (failed && offset > failed.from) return null;
    const close = text.indexOf('*/', offset + 2);
    if (close < 0) {
        failedComments.set(tokens, { from: offset, to: text.length });
        return null;
    }
    return matched(text, offset, close + 2);
};

/** A name: `[\p{L}_][\p{L}\p{N}\p{M}_]*`, matched in runs of at most 4,096 characters so that no run backtracks deeper. */
export const matchIdentifier: CustomPatternMatcherFunc = (text, offset) => {
    // Never from the middle of a surrogate pair (a Unicode regular expression would back up to its start).
    if (isTrailSurrogate(text.charCodeAt(offset)) && isLeadSurrogate(text.charCodeAt(offset - 1))) return null;
    identifierStart.lastIndex = offset;
    if (!identifierStart.test(text)) return null;
    let end = identifierStart.lastIndex;
    for (;;) {
        identifierRun.lastIndex = end;
        if (!identifierRun.test(text)) break;
        const runEnd = identifierRun.lastIndex;
        const full = runEnd - end >= identifierRunLength;
        end = runEnd;
        if (!full) break;
    }
    return matched(text, offset, end);
};

const identifierStart = /[\p{L}_]/uy;
const isLeadSurrogate = (code: number) => code >= 0xd800 && code < 0xdc00;
const isTrailSurrogate = (code: number) => code >= 0xdc00 && code < 0xe000;
const identifierRunLength = 4096;
const identifierRun = new RegExp(`[\\p{L}\\p{N}\\p{M}_]{1,${identifierRunLength}}`, 'uy');

/**
 * Where the string starting at `start` ends: after its closing quote, or, left open, at the
 * end of its line; minus where the scan gave up (a backslash before the line's end escapes nothing).
 */
function stringEnd(text: string, start: number): number {
    for (let index = start + 1; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === QUOTE) return index + 1;
        if (code === LINE_FEED || code === CARRIAGE_RETURN) return index;
        if (code === BACKSLASH) {
            const escaped = text.charCodeAt(index + 1);
            if (Number.isNaN(escaped) || escaped === LINE_FEED || escaped === CARRIAGE_RETURN) return -(index + 1);
            index++;
        }
    }
    return text.length;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SLASH = 0x2f;
const STAR = 0x2a;

/** What Chevrotain expects of a match: an array whose first element is the matched text. */
function matched(text: string, start: number, end: number): [string] {
    return [text.slice(start, end)];
}
