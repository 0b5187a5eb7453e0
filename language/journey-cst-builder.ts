import type { IToken, TokenType } from 'chevrotain';
import { CstNodeBuilder, type AstNode, type CompositeCstNode, type GrammarAST, type LeafCstNode, type RootCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Langium's CST builder gives every token a range object made on the spot: three objects per
 * token (and, once V8 has seen a NaN line from Chevrotain's recovery tokens, four boxed numbers),
 * about a third of a parsed map's memory. Ours keeps only the offset and works the range out
 * from the text when asked, which only diagnostics, hovers and the reference index do.
 * Hidden tokens (comments) are few and keep Langium's eager ranges.
 */
export class JourneyCstNodeBuilder extends CstNodeBuilder {
    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const current = this.current;
        // `| 0`: Chevrotain's tokens hold their numbers boxed (its EOF token's NaN made V8 store them
        // as doubles); copied as they are, each leaf would box its offset too.
        const leaf = new TextLeafCstNode(token.startOffset | 0, token.image.length, token.tokenType, !feature, feature, current);
        current.content.push(leaf);
        return leaf;
    }

    /** Langium calls this before every token, mostly with none, and then searched up the tree for nothing. */
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) super.addHiddenNodes(tokens);
    }
}

/**
 * A leaf of its own rather than a subclass of Langium's: with every field set in the
 * constructor, in one order, V8 gives all leaves one shape and the parse stays on its fast
 * paths (a subclass that set `container` late made parsing two to three times slower).
 */
class TextLeafCstNode implements LeafCstNode {
    readonly root: RootCstNode;

    constructor(
        /** Changed only by `moveLeaf`, when an incremental parse shifts the text after an edit. */
        public offset: number,
        readonly length: number,
        readonly tokenType: TokenType,
        readonly hidden: boolean,
        readonly grammarSource: GrammarAST.AbstractElement | undefined,
        public container: CompositeCstNode
    ) {
        this.root = container.root;
    }

    get end(): number {
        return this.offset + this.length;
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    get astNode(): AstNode {
        return this.container.astNode;
    }

    get range(): Range {
        const lineStarts = lineStartsOf(this.root);
        return { start: positionAt(lineStarts, this.offset), end: positionAt(lineStarts, this.end) };
    }
}

/**
 * Moves a leaf by `delta` characters of a text whose line starts are given. Langium's own
 * leaves (comments) keep their range in a private field, which is worked out anew.
 */
export function moveLeaf(leaf: LeafCstNode, delta: number, lineStarts: Uint32Array): void {
    if (leaf instanceof TextLeafCstNode) {
        leaf.offset += delta;
        return;
    }
    const langiumLeaf = leaf as unknown as { _offset: number; _length: number; _range: Range };
    langiumLeaf._offset += delta;
    langiumLeaf._range = { start: positionAt(lineStarts, langiumLeaf._offset), end: positionAt(lineStarts, langiumLeaf._offset + langiumLeaf._length) };
}

/** Per root, its text's line starts, and that text: after an incremental parse the root holds a new text. */
const lineStartsByRoot = new WeakMap<RootCstNode, { text: string; lineStarts: Uint32Array }>();

/** Where each line of the parsed text starts; line breaks as Chevrotain counts them (\n, \r\n, \r). */
export function lineStartsOf(root: RootCstNode): Uint32Array {
    const known = lineStartsByRoot.get(root);
    if (known?.text === root.fullText) {
        return known.lineStarts;
    }
    const lineStarts = lineStartsIn(root.fullText);
    lineStartsByRoot.set(root, { text: root.fullText, lineStarts });
    return lineStarts;
}

export function lineStartsIn(text: string): Uint32Array {
    if (!text.includes('\r')) {
        return newlineStarts(text);
    }
    const starts = [0];
    for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
        if (code === 10 || code === 13) starts.push(index + 1);
    }
    return Uint32Array.from(starts);
}

/** The common case, only \n: counted, then filled, with the engine's own search. */
function newlineStarts(text: string): Uint32Array {
    let count = 1;
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
    const starts = new Uint32Array(count);
    let line = 1;
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts[line++] = index + 1;
    return starts;
}

export function positionAt(lineStarts: Uint32Array, offset: number): Position {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return { line: low, character: (offset - lineStarts[low]) | 0 };
}
