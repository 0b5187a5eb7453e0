import type { Body, Span } from './edit-outline.js';

/** A change of the text: `[start, end)` replaced by `newText`. */
export interface OffsetEdit {
    start: number;
    end: number;
    newText: string;
}

export function lineStartOf(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line's `\n` (or the text's end). */
export function lineEndOf(text: string, offset: number): number {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end;
}

export function indentOfLine(text: string, offset: number): string {
    const start = lineStartOf(text, offset);
    return /^[ \t]*/.exec(text.slice(start, lineEndOf(text, offset)))![0];
}

/** The file's indentation step: what the first indented line after a `{` adds (two spaces when none is). */
export function indentUnit(text: string): string {
    const found = /\{[^\S\n]*(?:\/\/[^\n]*)?\n([ \t]*)[^\s}]/.exec(text);
    if (!found) return '  ';
    const opener = indentOfLine(text, found.index);
    return found[1].startsWith(opener) && found[1].length > opener.length ? found[1].slice(opener.length) : '  ';
}

/**
 * Where the comment lines right above the line at `offset` begin (no blank line between): a
 * comment above a step is about it, and goes where the step goes.
 */
export function leadingCommentsStart(text: string, offset: number): number {
    let start = lineStartOf(text, offset);
    while (start > 0) {
        const previous = lineStartOf(text, start - 1);
        const previousLine = text.slice(previous, start - 1).trim();
        if (!previousLine.startsWith('//')) break;
        start = previous;
    }
    return start;
}

/** Whether only white space is before the span on its first line and after it on its last (comments count as text). */
export function isAloneOnItsLines(text: string, span: Span): boolean {
    const before = text.slice(lineStartOf(text, span[0]), span[0]);
    const after = text.slice(span[1], lineEndOf(text, span[1]));
    return before.trim() === '' && after.trim() === '';
}

/** Whether a block's `}` is on a line of its own: its lines are lines of the text, not words of one line. */
export function isMultiLine(text: string, body: Body): boolean {
    return (
        text.slice(lineStartOf(text, body.close), body.close).trim() === '' &&
        text.lastIndexOf('\n', body.close) > body.open
    );
}

/** The indentation of a block's lines: its first line's, or one step more than the line that opens it. */
export function innerIndent(text: string, body: Body): string {
    const last = lineStartOf(text, body.close);
    for (let line = text.indexOf('\n', body.open) + 1; line > 0 && line < last; line = lineEndOf(text, line) + 1) {
        const content = text.slice(line, lineEndOf(text, line));
        if (content.trim() !== '') return /^[ \t]*/.exec(content)![0];
    }
    return indentOfLine(text, body.open) + indentUnit(text);
}

/**
 * Puts `line` into a block, before the line at `before` or last: on a line of its own in a block
 * written over lines, as one more word in a block written on one line (`{ emotion 3 }`).
 */
export function insertIntoBlock(text: string, body: Body, line: string, before?: number): OffsetEdit {
    if (isMultiLine(text, body)) {
        const at = lineStartOf(text, before ?? body.close);
        const indent = before === undefined ? innerIndent(text, body) : indentOfLine(text, before);
        return { start: at, end: at, newText: `${reindent(line, indent)}\n` };
    }
    const at = before ?? body.close;
    const spaced = /\s/.test(text.charAt(at - 1));
    return { start: at, end: at, newText: spaced ? `${line} ` : ` ${line} ` };
}

/** Every line of `block` (a text of one or more lines, the first unindented) indented by `indent`. */
export function reindent(block: string, indent: string): string {
    return block
        .split('\n')
        .map(line => (line.trim() === '' ? line : indent + line))
        .join('\n');
}

/** Takes a span out: its whole lines when it is alone on them, else the span and the space before it. */
export function removeSpan(text: string, span: Span): OffsetEdit {
    if (isAloneOnItsLines(text, span)) {
        const end = lineEndOf(text, span[1]);
        return { start: lineStartOf(text, span[0]), end: end < text.length ? end + 1 : end, newText: '' };
    }
    let start = span[0];
    while (start > 0 && /[^\S\n]/.test(text.charAt(start - 1))) start--;
    return { start, end: span[1], newText: '' };
}

/** The text of a span with its first line's indentation taken off every line (what `reindent` puts back). */
export function dedented(text: string, span: Span): string {
    const indent = indentOfLine(text, span[0]);
    return text
        .slice(lineStartOf(text, span[0]), span[1])
        .split('\n')
        .map(line => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
        .join('\n');
}

/** The text with the edits made (none overlapping), for tests and for planning the next step. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
    // From the end, so that offsets stay true; of two insertions at one offset, the first listed comes first.
    return edits
        .map((edit, index) => ({ edit, index }))
        .sort((a, b) => b.edit.start - a.edit.start || b.index - a.index)
        .reduce((result, { edit }) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}
