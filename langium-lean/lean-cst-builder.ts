import type { IToken, TokenType } from 'chevrotain';
import {
    CompositeCstNodeImpl,
    CstNodeBuilder,
    RootCstNodeImpl,
    type AstNode,
    type CompositeCstNode,
    type CstNode,
    type GrammarAST,
    type LeafCstNode,
    type RootCstNode
} from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import { appendAll, spliceAll } from './large-arrays.js';
import { builderNodeStack, startBuilderAt } from './langium-internals.js';

/**
 * A CST builder whose leaves keep only their offset and work their range out from the text
 * when asked (only diagnostics, hovers and the index ask), where Langium's make range objects
 * for every token. Its leaves take the shifts of an incremental parse when next read (see
 * `shiftText`), so composite nodes work their range out each time instead of caching it.
 */
export class LeanCstNodeBuilder extends CstNodeBuilder {
    private readonly tokenTypes = new ElementTokenTypes();

    override buildRootNode(input: string): RootCstNode {
        const root = new ShiftingRootCstNode(input);
        root.root = root;
        root.tokenTypes = this.tokenTypes;
        // Langium's builder keeps these in private fields, which its other methods read.
        startBuilderAt(this, root);
        return root;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const current = this.current;
        // `| 0`: Chevrotain's tokens hold their numbers boxed (its EOF token's NaN made V8 store them
        // as doubles); copied as they are, each leaf would box its offset too.
        const leaf = new TextLeafCstNode(token.startOffset | 0, token.image.length, token.tokenType, feature, current);
        arrayPush.call(current.content, leaf);
        return leaf;
    }

    /** Langium's, with the node told its container here rather than by the content array's `push`. */
    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const current = this.current;
        const node = new CompositeCstNodeImpl();
        // In Langium's order (content, grammar source, root, container), so that every node has one shape.
        node.grammarSource = feature;
        node.root = current.root;
        node.container = current;
        arrayPush.call(current.content, node);
        builderNodeStack(this).push(node);
        return node;
    }

    /**
     * Langium's, and then the finished node's content cut to size (Langium's array keeps room to
     * grow). Nothing is added to a finished node while parsing: comments go into open nodes (see
     * `addHiddenNodes`).
     */
    override construct(item: { $type: string | symbol | undefined; $cstNode: CstNode }): void {
        const node = this.current;
        super.construct(item);
        if (node.content.length > 0) fitContent(node);
    }

    /**
     * Comments and white space the grammar hides, as leaves of ours, placed where Langium places
     * them: after what the current node holds, or else before the innermost node that has
     * something before it, or else at the very start. Langium calls this before every token,
     * mostly with none.
     */
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const current = this.current;
        const leavesIn = (container: CompositeCstNode) =>
            tokens.map(
                token =>
                    new TextLeafCstNode(
                        token.startOffset | 0,
                        token.image.length,
                        token.tokenType,
                        undefined,
                        container
                    )
            );
        if (current.content.length > 0) {
            appendAll(current.content, leavesIn(current));
            return;
        }
        for (let node: CompositeCstNode = current; node.container; node = node.container) {
            const index = node.container.content.indexOf(node);
            if (index > 0) {
                spliceAll(node.container.content, index, 0, leavesIn(node.container));
                return;
            }
        }
        spliceAll(current.root.content, 0, 0, leavesIn(current.root));
    }
}

/**
 * Array's own `push`. Langium's content array overrides it to tell each item its container,
 * copying the items on every call, for nodes this builder makes knowing their container already.
 */
const arrayPush = Array.prototype.push;

/**
 * Gives `node` a plain array of its content, exactly its length. Langium's content class tells
 * nodes added by `push` or `splice` their container; every node this builder or the incremental
 * parse adds is told its container when made (`subtree.ts` fills a fresh node of Langium's).
 */
function fitContent(node: CompositeCstNode): void {
    const content = node.content;
    const fitted = new Array<CstNode>(content.length);
    for (let index = 0; index < content.length; index++) fitted[index] = content[index];
    (node as { content: CstNode[] }).content = fitted;
}

/** After an edit, every offset at or after `from` moves by `delta`. */
interface Shift {
    from: number;
    delta: number;
}

/** Langium's root, which also holds the shifts of its text that its leaves take when read. */
class ShiftingRootCstNode extends RootCstNodeImpl {
    shifts: Shift[] = [];
    tokenTypes!: ElementTokenTypes;
    lineStarts: { text: string; starts: Uint32Array } | undefined = undefined;
}

/**
 * Langium's composite nodes cache their range once asked, which an incremental parse would
 * have to find and drop in every node after an edit. With the fast path on, they work it out
 * each time, from their first and last token, as Langium does the first time. (A subclass of
 * Langium's composite node would do it without touching Langium's class, but V8 then made
 * parsing more than twice as slow, as it did for a subclass of its leaf.) Installed once, by
 * the fast path's module, never on import; `langium-internals.ts` checks the getter is there.
 */
export function computeCompositeRanges(): void {
    if (compositeRangesComputed) return;
    compositeRangesComputed = true;
    Object.defineProperty(CompositeCstNodeImpl.prototype, 'range', { get: compositeRange, configurable: true });
}

let compositeRangesComputed = false;

function compositeRange(this: CompositeCstNode): Range {
    const first = this.content.find(child => !child.hidden) ?? this.content[0];
    const last = this.content.findLast(child => !child.hidden) ?? this.content[this.content.length - 1];
    if (!first || !last) {
        return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    const start = first.range.start;
    const end = last.range.end;
    return { start, end: end.line < start.line ? start : end };
}

/** Once this many shifts wait, they are taken by every leaf at once, so that none has a long list to go through. */
const shiftsKeptAtMost = 256;

/**
 * Moves every token at or after `from` by `delta`, as an edit before them did. The leaves take
 * the shift when they are next read, so an edit in a map of many thousand steps does not
 * visit each token after it.
 */
export function shiftText(root: RootCstNode, from: number, delta: number): void {
    const shifted = root as ShiftingRootCstNode;
    shifted.shifts.push({ from, delta });
    if (shifted.shifts.length >= shiftsKeptAtMost) {
        settleShifts(shifted, shifted);
        shifted.shifts = [];
    }
}

function settleShifts(composite: CompositeCstNode, root: ShiftingRootCstNode): void {
    for (const child of composite.content) {
        if (child instanceof TextLeafCstNode) child.settle(root.shifts);
        else settleShifts(child as CompositeCstNode, root);
    }
}

/**
 * A leaf of its own rather than a subclass of Langium's: with every field set in the
 * constructor, in one order, V8 gives all leaves one shape and the parse stays on its fast
 * paths. Leaves are the most numerous objects of a tree, so what a leaf can work out it works
 * out when asked instead of keeping — its root (from its container), whether it is hidden
 * (nothing consumed it), its token type (the one of every token its grammar element consumed)
 * — and its length shares a field with its count of shifts taken.
 */
class TextLeafCstNode implements LeafCstNode {
    // Declared only: assigned in the constructor, after the parameters, so that no field is first made undefined.
    /** The offset after the first `shiftsTaken` shifts of the root. */
    declare private at: number;
    /** The token's length times 512, plus `shiftsTaken` (never above `shiftsKeptAtMost`). */
    declare private lengthAndShifts: number;
    /** The grammar element that consumed the token; for a hidden token, which none consumed, its token type. */
    declare private readonly source: GrammarAST.AbstractElement | TokenType;

    constructor(
        offset: number,
        length: number,
        tokenType: TokenType,
        grammarSource: GrammarAST.AbstractElement | undefined,
        public container: CompositeCstNode
    ) {
        const root = container.root as ShiftingRootCstNode;
        this.at = offset;
        this.lengthAndShifts = Math.min(length, lengthKeptAtMost) * shiftsRoom + root.shifts.length;
        this.source = grammarSource ?? tokenType;
        if (length >= lengthKeptAtMost) longLengths.set(this, length);
        if (grammarSource) root.tokenTypes.remember(grammarSource, tokenType, this);
    }

    get root(): RootCstNode {
        return this.container.root;
    }

    get length(): number {
        const length = Math.floor(this.lengthAndShifts / shiftsRoom);
        return length === lengthKeptAtMost ? longLengths.get(this)! : length;
    }

    /** Comments and white space: Langium's builder makes a leaf without a grammar element only for them. */
    get hidden(): boolean {
        return (this.source as { $type?: string }).$type === undefined;
    }

    get grammarSource(): GrammarAST.AbstractElement | undefined {
        return this.hidden ? undefined : (this.source as GrammarAST.AbstractElement);
    }

    get tokenType(): TokenType {
        return this.hidden
            ? (this.source as TokenType)
            : (this.root as ShiftingRootCstNode).tokenTypes.of(this.source as GrammarAST.AbstractElement, this);
    }

    get offset(): number {
        const shifts = (this.root as ShiftingRootCstNode).shifts;
        if (this.shiftsTaken !== shifts.length) this.take(shifts);
        return this.at;
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
        const offset = this.offset;
        return { start: positionAt(lineStarts, offset), end: positionAt(lineStarts, offset + this.length) };
    }

    /**
     * Moves the leaf by `delta` now, or, hung under `container` of another tree, to where its
     * text starts `delta` further on in that tree.
     */
    move(delta: number, container: CompositeCstNode): void {
        this.place(this.offset + delta, container);
    }

    /** Hangs the leaf under `container` (of this tree or another) at `offset` of that tree's text as it is now. */
    place(offset: number, container: CompositeCstNode): void {
        const from = (this.root as ShiftingRootCstNode).tokenTypes;
        const root = container.root as ShiftingRootCstNode;
        // One parser's trees share their token types; a tree of another parser's is told this leaf's.
        if (root.tokenTypes !== from && !this.hidden)
            root.tokenTypes.remember(this.source as GrammarAST.AbstractElement, this.tokenType, this);
        this.container = container;
        this.at = offset;
        this.shiftsTaken = root.shifts.length;
    }

    /** Takes the waiting shifts, and counts from the first shift of a new list. */
    settle(shifts: Shift[]): void {
        this.take(shifts);
        this.shiftsTaken = 0;
    }

    private get shiftsTaken(): number {
        return this.lengthAndShifts % shiftsRoom;
    }

    private set shiftsTaken(count: number) {
        this.lengthAndShifts += count - this.shiftsTaken;
    }

    private take(shifts: Shift[]): void {
        let at = this.at;
        for (let index = this.shiftsTaken; index < shifts.length; index++) {
            if (at >= shifts[index].from) at += shifts[index].delta;
        }
        this.at = at;
        this.shiftsTaken = shifts.length;
    }
}

/** Room for a leaf's count of shifts taken, which goes up to `shiftsKeptAtMost` (inclusive) before it starts again. */
const shiftsRoom = 512;

/**
 * The length that a leaf's field holds as a small integer (V8 boxes a larger number, and then
 * every leaf's); a longer token (a huge comment) keeps its length in `longLengths`.
 */
const lengthKeptAtMost = Math.floor(0x7fffffff / shiftsRoom);

const longLengths = new WeakMap<TextLeafCstNode, number>();

/**
 * The token type of the tokens each grammar element consumes: a keyword's own, a terminal
 * rule's. One parser's leaves share one, which its root hands them (Langium builds new token
 * types for every language services). Should an element ever consume tokens of two types,
 * the leaves of the second keep theirs here by themselves.
 */
export class ElementTokenTypes {
    private readonly byElement = new Map<GrammarAST.AbstractElement, TokenType>();
    private readonly byLeaf = new WeakMap<LeafCstNode, TokenType>();

    remember(element: GrammarAST.AbstractElement, tokenType: TokenType, leaf: LeafCstNode): void {
        const known = this.byElement.get(element);
        if (known === undefined) this.byElement.set(element, tokenType);
        else if (known !== tokenType) this.byLeaf.set(leaf, tokenType);
    }

    of(element: GrammarAST.AbstractElement, leaf: LeafCstNode): TokenType {
        return this.byLeaf.get(leaf) ?? this.byElement.get(element)!;
    }
}

/**
 * Moves a leaf by `delta` characters, under `container` (its own by default), whose tree it then takes the shifts of.
 */
export function moveLeaf(leaf: LeafCstNode, delta: number, container: CompositeCstNode = leaf.container!): void {
    (leaf as TextLeafCstNode).move(delta, container);
}

/** Hangs a leaf under `container` at `offset` of the container's text as it is now. */
export function placeLeaf(leaf: LeafCstNode, offset: number, container: CompositeCstNode): void {
    (leaf as TextLeafCstNode).place(offset, container);
}

/**
 * Where each line of the parsed text starts; line breaks as Chevrotain counts them (\n, \r\n, \r). Kept on the root
 * with the text it was counted in: after an incremental parse the root holds a new text.
 */
function lineStartsOf(root: RootCstNode): Uint32Array {
    const shifting = root as ShiftingRootCstNode;
    if (shifting.lineStarts?.text !== root.fullText) {
        shifting.lineStarts = { text: root.fullText, starts: lineStartsIn(root.fullText) };
    }
    return shifting.lineStarts.starts;
}

function lineStartsIn(text: string): Uint32Array {
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

function positionAt(lineStarts: Uint32Array, offset: number): Position {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return { line: low, character: (offset - lineStarts[low]) | 0 };
}
