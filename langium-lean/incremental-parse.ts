import type { AstNode, LangiumParser, Lexer, ParseResult, RootCstNode } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { isAstNode } from 'langium';
import { parseFailed } from './parse-failed.js';
import { shiftText } from './lean-cst-builder.js';
import { subtreeNodes } from './node-list.js';
import { replaceSubtree } from './subtree.js';
import { setRootText } from './langium-internals.js';

/**
 * Parses only the innermost node of a reparsable rule (a step, failing that a stage) that an
 * edit falls in, and puts the result into the previous tree in place of the old one: typing in
 * a map of thousands of steps then costs the parse of one step, not of the map. Returns
 * undefined wherever this would not give exactly what a parse of the whole text gives, and the
 * caller parses the whole text:
 * - the previous tree, or the new node, has a syntax error;
 * - the edit touches the first or last character of the node (its keyword or its closing
 *   brace), or is not inside one at all;
 * - the node does not start after white space or a brace (where a token before it could reach
 *   into it);
 * - its last token, read in the whole text, runs on past its end (`item x// 1 // note`).
 * Tokens cannot cross a node's edges otherwise (see LeanLanguageConfig.reparsableRules), and the
 * reparsed text must be one whole node of the same rule to its end.
 */
export function reparseEdit(
    previous: ParseResult,
    text: string,
    parser: LangiumParser,
    lexer: Lexer,
    reparsableRules: readonly string[]
): Graft | undefined {
    const root = previous.value;
    const cstRoot = root.$cstNode?.root;
    if (!cstRoot || parseFailed(previous)) {
        return undefined;
    }
    const edit = changedRange(cstRoot.fullText, text);
    for (const node of enclosingNodes(root, edit, new Set(reparsableRules))) {
        const replaced = reparseNode(node, edit, text, parser, lexer);
        if (replaced) {
            const removed = subtreeNodes(node);
            const oldEnd = node.$cstNode!.range.end;
            graft(node, replaced, edit, text, cstRoot);
            const result: ParseResult = {
                value: root,
                parserErrors: [],
                lexerErrors: [],
                lexerReport: { diagnostics: [] }
            };
            return {
                result,
                previous,
                removed,
                added: subtreeNodes(replaced),
                oldEnd,
                newEnd: replaced.$cstNode!.range.end
            };
        }
    }
    return undefined;
}

/** What an incremental parse did to the tree of `previous`, and the parse it made. */
export interface Graft {
    result: ParseResult;
    previous: ParseResult;
    /** The nodes it took out and those it put in their place, each root first. */
    removed: AstNode[];
    added: AstNode[];
    /** Where the subtree ended before and where it ends now: text after it moved from the one to the other. */
    oldEnd: Position;
    newEnd: Position;
}

/** The edit as the span `[start, oldEnd)` of the old text that became `[start, newEnd)` of the new one. */
interface Edit {
    start: number;
    oldEnd: number;
    newEnd: number;
}

function changedRange(oldText: string, newText: string): Edit {
    const shorter = Math.min(oldText.length, newText.length);
    const start = commonLength(
        shorter,
        (from, length) => oldText.substr(from, length) === newText.substr(from, length)
    );
    const common = commonLength(
        shorter - start,
        (from, length) =>
            oldText.substr(oldText.length - from - length, length) ===
            newText.substr(newText.length - from - length, length)
    );
    return { start, oldEnd: oldText.length - common, newEnd: newText.length - common };
}

/**
 * How many characters from one end two texts share, up to `limit`: compared a block at a
 * time by the engine, then a character at a time in the first block that differs (a large
 * text is almost all the same before and after an edit).
 */
function commonLength(limit: number, same: (from: number, length: number) => boolean): number {
    const block = 4096;
    let length = 0;
    while (length + block <= limit && same(length, block)) length += block;
    while (length < limit && same(length, 1)) length++;
    return length;
}

/** The nodes of reparsable rules the edit falls strictly inside, innermost first. */
function enclosingNodes(root: AstNode, edit: Edit, reparsable: ReadonlySet<string>): AstNode[] {
    const inside = (node: AstNode) =>
        node.$cstNode !== undefined && node.$cstNode.offset < edit.start && edit.oldEnd < node.$cstNode.end;
    const enclosing: AstNode[] = [];
    for (let node = childInside(root, inside); node; node = childInside(node, inside)) {
        if (reparsable.has(node.$type)) enclosing.unshift(node);
    }
    return enclosing;
}

/** The child node (of any property) that `inside` holds for; children do not overlap, so there is at most one. */
function childInside(node: AstNode, inside: (child: AstNode) => boolean): AstNode | undefined {
    const properties = node as unknown as Record<string, unknown>;
    for (const property in properties) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = properties[property];
        if (Array.isArray(value)) {
            const found = value.find(element => isAstNode(element) && inside(element));
            if (found) return found as AstNode;
        } else if (isAstNode(value) && inside(value)) {
            return value;
        }
    }
    return undefined;
}

/** The node's new text parsed on its own, if it is one whole, correct node of the same kind. */
function reparseNode(
    node: AstNode,
    edit: Edit,
    text: string,
    parser: LangiumParser,
    lexer: Lexer
): AstNode | undefined {
    const start = node.$cstNode!.offset;
    if (!/[\s{}]/.test(text.charAt(start - 1))) {
        return undefined;
    }
    const end = node.$cstNode!.end + edit.newEnd - edit.oldEnd;
    const result = parser.parse(text.slice(start, end), { rule: node.$type });
    if (parseFailed(result) || result.value.$type !== node.$type || lastTokenRunsOn(text, start, end, lexer)) {
        return undefined;
    }
    return result.value;
}

/**
 * Whether the last token of `[start, end)`, hidden ones included, is longer in the whole text (a
 * `//` comment that now reaches a comment after the node). Tokens end on their line, so reading
 * it again up to the end of the line says.
 */
function lastTokenRunsOn(text: string, start: number, end: number, lexer: Lexer): boolean {
    const endOf = (token: { endOffset?: number }) => (token.endOffset ?? -1) + 1;
    const part = lexer.tokenize(text.slice(start, end));
    const last = [...part.tokens, ...part.hidden].reduce((found, token) =>
        endOf(token) > endOf(found) ? token : found
    );
    const lineEnd = text.indexOf('\n', end);
    const from = start + last.startOffset;
    const again = lexer.tokenize(text.slice(from, lineEnd < 0 ? text.length : lineEnd));
    const first = [...again.tokens, ...again.hidden].find(token => token.startOffset === 0);
    return !first || from + endOf(first) !== end;
}

/**
 * Gives the tree the new text, moves every token after the old node by the edit's length
 * (when each is next read, see `shiftText`), then puts `replacement` where `node` was.
 */
function graft(node: AstNode, replacement: AstNode, edit: Edit, text: string, cstRoot: RootCstNode): void {
    const oldEnd = node.$cstNode!.end;
    setRootText(cstRoot, text);
    shiftText(cstRoot, oldEnd, edit.newEnd - edit.oldEnd);
    replaceSubtree(node, replacement, cstRoot);
}
