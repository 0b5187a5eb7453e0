import type { AstNode, LangiumParser, ParseResult } from 'langium';
import { IssueCodes, type IssueCode } from './journey-issue-codes.js';
import { formatSize } from '../model/file-sizes.js';
import { t } from '../model/localisation.js';

/**
 * Texts the language does not parse, and documents whose build failed: each keeps an empty
 * tree and gets one diagnostic that says why, instead of stalling or killing the server.
 */

/** How large a text the language parses. The language server reads them from the `journey.*` settings. */
export interface TextLimits {
    /** Bytes of UTF-8 (`journey.maxFileSize` is in MB, as `journeymap check --max-file-size`). */
    maxFileBytes: number;
    /** Characters in one line (`journey.maxLineLength`). */
    maxLineLength: number;
}

export const defaultTextLimits: TextLimits = { maxFileBytes: 5 * 1024 * 1024, maxLineLength: 100_000 };

/** Why a text has an empty tree: its code, a message for the writer, and the line it points at. */
export interface TextRefusal {
    code: IssueCode;
    message: string;
    line: number;
}

/** Whether the text is too large or binary to parse, and why. */
export function refuseText(text: string, limits: TextLimits): TextRefusal | undefined {
    if (text.slice(0, 8000).includes('\0')) {
        return { code: IssueCodes.BinaryFile, line: 0, message: t('This is a binary file, not a .journey text file: it is not checked.') };
    }
    const bytes = utf8Length(text);
    if (bytes > limits.maxFileBytes) {
        return fileTooLarge(bytes, limits);
    }
    const long = firstLongLine(text, limits.maxLineLength);
    if (long !== undefined) {
        return {
            code: IssueCodes.LineTooLong, line: long.line,
            message: t('Line {line} has {length} characters, more than the limit of {limit}: this file is not checked. Raise the setting journey.maxLineLength (journeymap check --max-line-length) to check it.', { line: long.line + 1, length: long.length, limit: limits.maxLineLength })
        };
    }
    return undefined;
}

/** The refusal of a file of `bytes` bytes, over the size limit. */
export function fileTooLarge(bytes: number, limits: TextLimits): TextRefusal {
    return {
        code: IssueCodes.FileTooLarge, line: 0,
        message: t('This file is {size}, more than the {limit} limit: it is not checked. Raise the setting journey.maxFileSize (journeymap check --max-file-size) to check it.', { size: formatSize(bytes), limit: formatSize(limits.maxFileBytes) })
    };
}

/** Why a document's build failed, in words: the error's message, never its stack. */
export function buildFailure(error: unknown): TextRefusal {
    const reason = error instanceof Error ? error.message : String(error);
    return { code: IssueCodes.DocumentFailed, line: 0, message: t('This file could not be processed ({reason}); other files are checked as usual. Please report this with the file.', { reason }) };
}

const refusals = new WeakMap<ParseResult, TextRefusal>();

/** The parse result of a refused or failed text: an empty tree, and a lexer error so that it counts as not parsed. */
export function refusedParse<T extends AstNode>(parser: LangiumParser, refusal: TextRefusal): ParseResult<T> {
    const empty = parser.parse('') as ParseResult<T>;
    const result: ParseResult<T> = { ...empty, lexerErrors: [{ message: refusal.message, offset: 0, length: 0, line: refusal.line + 1, column: 1 }], parserErrors: [] };
    refusals.set(result, refusal);
    return result;
}

/** Why this parse result has an empty tree, if it is one of `refusedParse`. */
export function refusalOf(result: ParseResult): TextRefusal | undefined {
    return refusals.get(result);
}

/** The length of the text in UTF-8. */
function utf8Length(text: string): number {
    let bytes = 0;
    for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code >= 0xd800 && code < 0xdc00) {
            bytes += 4; // a surrogate pair, one character of four bytes
            index++;
        } else {
            bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
        }
    }
    return bytes;
}

/** The first line longer than `limit` characters (zero-based), if there is one; CR, LF and CRLF end lines, as for the lexer. */
function firstLongLine(text: string, limit: number): { line: number; length: number } | undefined {
    if (text.length <= limit) return undefined;
    let line = 0;
    let start = 0;
    for (let index = 0; index <= text.length; index++) {
        const code = index < text.length ? text.charCodeAt(index) : LINE_FEED;
        if (code !== LINE_FEED && code !== CARRIAGE_RETURN) continue;
        if (index - start > limit) return { line, length: index - start };
        if (code === CARRIAGE_RETURN && text.charCodeAt(index + 1) === LINE_FEED) index++;
        line++;
        start = index + 1;
    }
    return undefined;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
