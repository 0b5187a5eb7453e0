import type { AstNode, LangiumParser, ParseResult, RootCstNode } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { isJourney, isJourneyFile, type JourneyFile, type Stage, type Step } from '../generated/ast.js';
import { parseFailed } from '../syntax-errors.js';
import { shiftText } from './lean-cst-builder.js';
import { subtreeNodes } from './node-list.js';
import { replaceSubtree, setRootText } from './subtree.js';

/**
 * Parses only the step (or, failing that, the stage) an edit falls in, and puts the result
 * into the previous tree in place of the old one: typing in a map of thousands of steps then
 * costs the parse of one step, not of the map. Returns undefined wherever this would not give
 * exactly what a parse of the whole text gives, and the caller parses the whole text:
 * - the previous tree, or the new step or stage, has a syntax error;
 * - the edit touches the first or last character of the step or stage (its keyword or its
 *   closing brace), or is not inside one at all;
 * - the step or stage does not start after white space or a brace (where a token before it
 *   could reach into it).
 * Tokens cannot cross a step's edges otherwise: the language's lexer has no modes, strings
 * end on their line, and the reparsed text must be one whole Step or Stage to its end.
 */
export function reparseEdit(previous: ParseResult, text: string, parser: LangiumParser): Graft | undefined {
    const root = previous.value;
    const cstRoot = root.$cstNode?.root;
    if (!isJourneyFile(root) || !cstRoot || parseFailed(previous)) {
        return undefined;
    }
    const edit = changedRange(cstRoot.fullText, text);
    for (const node of enclosingNodes(root, edit)) {
        const replaced = reparseNode(node, edit, text, parser);
        if (replaced) {
            const removed = subtreeNodes(node);
            const oldEnd = node.$cstNode!.range.end;
            graft(node, replaced, edit, text, cstRoot);
            const result: ParseResult = { value: root, parserErrors: [], lexerErrors: [], lexerReport: { diagnostics: [] } };
            return { result, previous, removed, added: subtreeNodes(replaced), oldEnd, newEnd: replaced.$cstNode!.range.end };
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
    const start = commonLength(shorter, (from, length) => oldText.substr(from, length) === newText.substr(from, length));
    const common = commonLength(shorter - start, (from, length) =>
        oldText.substr(oldText.length - from - length, length) === newText.substr(newText.length - from - length, length));
    return { start, oldEnd: oldText.length - common, newEnd: newText.length - common };
}

/**
 * How many characters from one end two texts share, up to `limit`: compared a block at a
 * time by the engine, then a character at a time in the first block that differs (a map of
 * 10,000 steps is 1.5 million characters, most of them the same before and after an edit).
 */
function commonLength(limit: number, same: (from: number, length: number) => boolean): number {
    const block = 4096;
    let length = 0;
    while (length + block <= limit && same(length, block)) length += block;
    while (length < limit && same(length, 1)) length++;
    return length;
}

/** The step the edit falls strictly inside, then its stage; innermost first. */
function enclosingNodes(root: JourneyFile, edit: Edit): Array<Step | Stage> {
    const inside = (node: AstNode) => node.$cstNode !== undefined && node.$cstNode.offset < edit.start && edit.oldEnd < node.$cstNode.end;
    const stage = root.elements.filter(isJourney).flatMap(journey => journey.stages).find(inside);
    if (!stage) {
        return [];
    }
    const step = stage.steps.find(inside);
    return step ? [step, stage] : [stage];
}

/** The node's new text parsed on its own, if it is one whole, correct node of the same kind. */
function reparseNode(node: Step | Stage, edit: Edit, text: string, parser: LangiumParser): Step | Stage | undefined {
    const start = node.$cstNode!.offset;
    if (!/[\s{}]/.test(text.charAt(start - 1))) {
        return undefined;
    }
    const end = node.$cstNode!.end + edit.newEnd - edit.oldEnd;
    const result = parser.parse<Step | Stage>(text.slice(start, end), { rule: node.$type });
    return parseFailed(result) || result.value.$type !== node.$type ? undefined : result.value;
}

/**
 * Gives the tree the new text, moves every token after the old node by the edit's length
 * (when each is next read, see `shiftText`), then puts `replacement` where `node` was.
 */
function graft(node: Step | Stage, replacement: Step | Stage, edit: Edit, text: string, cstRoot: RootCstNode): void {
    const oldEnd = node.$cstNode!.end;
    setRootText(cstRoot, text);
    shiftText(cstRoot, oldEnd, edit.newEnd - edit.oldEnd);
    replaceSubtree(node, replacement, cstRoot);
}
