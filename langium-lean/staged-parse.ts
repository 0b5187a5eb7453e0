import { CstUtils, interruptAndCheck, type AstNode, type LangiumParser, type ParseResult } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { LeanLanguageConfig } from './lean-config.js';
import { parseFailed } from './parse-failed.js';
import { subtreeNodes } from './node-list.js';
import { moveLeaf } from './lean-cst-builder.js';
import { replaceSubtree } from './subtree.js';
import { setRootText } from './langium-internals.js';

/** Below this size a text is parsed in one go (see docs/performance.md). */
export const STAGED_PARSE_FROM = 256 * 1024;

/**
 * Parses a large text a block at a time (a map's stages), giving other requests a turn between
 * blocks: Chevrotain parses in one synchronous run, which blocks a language server for as long
 * as the whole parse takes. First the text is parsed with every block's body cut out,
 * and its tokens moved back to their places in the whole text; then each block's own text, and
 * each result takes the place of its empty block. Returns undefined, and the caller parses the
 * whole text, for small texts, a lexing or syntax error anywhere, or braces that do not match
 * the blocks the parser finds — the result is then exactly a whole parse's.
 */
export async function parseBlockByBlock(
    text: string,
    parser: LangiumParser,
    blocks: NonNullable<LeanLanguageConfig['stagedBlocks']>,
    cancelToken: CancellationToken
): Promise<ParseResult | undefined> {
    if (text.length < STAGED_PARSE_FROM) {
        return undefined;
    }
    const bodies = blockBodies(text, blocks.keyword, blocks.depth);
    if (!bodies || bodies.length < 2) {
        return undefined;
    }
    await interruptAndCheck(cancelToken);
    const { skeleton, placeOf } = skeletonOf(text, bodies);
    const parsedSkeleton = parser.parse(skeleton);
    const root = parsedSkeleton.value;
    const cstRoot = root.$cstNode?.root;
    if (parseFailed(parsedSkeleton) || !cstRoot) {
        return undefined;
    }
    await interruptAndCheck(cancelToken);
    setRootText(cstRoot, text);
    for (const leaf of CstUtils.flattenCst(cstRoot)) {
        moveLeaf(leaf, placeOf(leaf.offset) - leaf.offset);
    }
    const found = subtreeNodes(root).filter(node => node.$type === blocks.rule);
    const misplaced = (node: AstNode, index: number) =>
        node.$cstNode?.offset !== bodies[index].start || subtreeNodes(node).length > 1;
    if (found.length !== bodies.length || found.some(misplaced)) {
        return undefined;
    }
    for (const [index, block] of found.entries()) {
        await interruptAndCheck(cancelToken);
        const body = bodies[index];
        const parsed = parser.parse(text.slice(body.start, body.end), { rule: blocks.rule });
        if (parseFailed(parsed)) {
            return undefined;
        }
        replaceSubtree(block, parsed.value, cstRoot);
    }
    return parsedSkeleton;
}

/** Where a block starts (its keyword) and ends (after its `}`), and the braces of its body. */
interface BlockBody {
    start: number;
    open: number;
    close: number;
    end: number;
}

/**
 * The blocks of the text: the word `keyword` `depth` levels deep in braces, its first `{` and
 * the `}` that matches it, skipping strings and comments. A quick scan, not the lexer (lexing a
 * large text takes longer than the whole of this staged parse should): whatever it gets wrong
 * shows as a block the parser does not find where the scan says, and then the whole text is
 * parsed. Undefined where strings, comments or braces do not close.
 */
function blockBodies(text: string, keyword: string, blockDepth: number): BlockBody[] | undefined {
    const bodies: BlockBody[] = [];
    let depth = 0;
    let blockStart = -1;
    let open = -1;
    for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 34 /* " */) {
            index = stringEnd(text, index);
            if (index < 0) return undefined;
        } else if (code === 47 /* / */ && text.charCodeAt(index + 1) === 47) {
            const lineEnd = text.indexOf('\n', index);
            index = lineEnd < 0 ? text.length : lineEnd;
        } else if (code === 47 && text.charCodeAt(index + 1) === 42 /* * */) {
            const commentEnd = text.indexOf('*/', index + 2);
            if (commentEnd < 0) return undefined;
            index = commentEnd + 1;
        } else if (code === 123 /* { */) {
            depth++;
            if (depth === blockDepth + 1 && blockStart >= 0) open = index;
        } else if (code === 125 /* } */) {
            if (depth === blockDepth + 1 && open >= 0) {
                bodies.push({ start: blockStart, open, close: index, end: index + 1 });
                blockStart = open = -1;
            }
            if (--depth < 0) return undefined;
        } else if (isWordCharacter(code)) {
            const wordStart = index;
            while (index + 1 < text.length && isWordCharacter(text.charCodeAt(index + 1))) index++;
            if (depth === blockDepth && index + 1 - wordStart === keyword.length && text.startsWith(keyword, wordStart))
                blockStart = wordStart;
        }
    }
    return depth === 0 ? bodies : undefined;
}

/** Where the string starting at `start` ends (its closing quote), or -1 if it does not end on its line. */
function stringEnd(text: string, start: number): number {
    for (let index = start + 1; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 92 /* \ */) index++;
        else if (code === 34) return index;
        else if (code === 10 || code === 13) return -1;
    }
    return -1;
}

const wordCharacter = /[\p{L}\p{N}\p{M}_]/u;

function isWordCharacter(code: number): boolean {
    if (code < 128)
        return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
    return wordCharacter.test(String.fromCharCode(code));
}

/**
 * The text with every block's body cut out (`stage S {}`), and a function that moves a token
 * of the parsed skeleton back to its place in the whole text.
 */
function skeletonOf(text: string, bodies: BlockBody[]): { skeleton: string; placeOf: (offset: number) => number } {
    const parts: string[] = [];
    const cuts: Array<{ at: number; removedBefore: number }> = [];
    let from = 0;
    let removed = 0;
    for (const body of bodies) {
        parts.push(text.slice(from, body.open + 1));
        removed += body.close - body.open - 1;
        cuts.push({ at: body.close - removed, removedBefore: removed });
        from = body.close;
    }
    parts.push(text.slice(from));
    const placeOf = (offset: number) => {
        let low = 0;
        let high = cuts.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (cuts[middle].at <= offset) low = middle + 1;
            else high = middle;
        }
        return offset + (low > 0 ? cuts[low - 1].removedBefore : 0);
    };
    return { skeleton: parts.join(''), placeOf };
}
