import {
    CompositeCstNodeImpl,
    CstUtils,
    isCompositeCstNode,
    type AstNode,
    type CompositeCstNode,
    type LeafCstNode,
    type RootCstNode
} from 'langium';
import { placeLeaf } from './lean-cst-builder.js';
import { appendAll } from './large-arrays.js';

/** Putting a node parsed on its own (a step or a stage) into a map's tree, for the incremental and the staged parse. */

/**
 * Puts `replacement`, the result of parsing the text of `node` on its own, where `node` is, in
 * the AST and the CST. The replacement's tokens count from the start of that text; they move
 * to where `node` starts in the map.
 */
export function replaceSubtree(node: AstNode, replacement: AstNode, cstRoot: RootCstNode): void {
    const container = node.$container as unknown as Record<string, AstNode[]>;
    container[node.$containerProperty!][node.$containerIndex!] = replacement;
    Object.assign(replacement, {
        $container: node.$container,
        $containerProperty: node.$containerProperty,
        $containerIndex: node.$containerIndex
    });

    // The replacement's CST is the root of its own parse: its content moves into a composite
    // node like the one it replaces, under the map's root.
    const oldCst = node.$cstNode as CompositeCstNode;
    const parentCst = oldCst.container as CompositeCstNode;
    // Each token's place in its own parse, read first: once under the map's root (appending to a
    // composite's content makes it the token's container), an offset takes that root's shifts of
    // the map's text, which are not its own.
    const places = new Map<LeafCstNode, number>();
    for (const leaf of CstUtils.flattenCst(replacement.$cstNode!)) places.set(leaf, leaf.offset);
    const newCst = new CompositeCstNodeImpl();
    newCst.grammarSource = oldCst.grammarSource;
    newCst.root = cstRoot;
    newCst.astNode = replacement;
    appendAll(newCst.content, (replacement.$cstNode as CompositeCstNode).content);
    adopt(newCst, cstRoot, oldCst.offset, places);
    parentCst.content[parentCst.content.indexOf(oldCst)] = newCst;
    newCst.container = parentCst;
    Object.assign(replacement, { $cstNode: newCst });
}

/**
 * Hangs a subtree under the map's root: each token at its place in its own parse plus `start`; the composites take
 * the root.
 */
function adopt(composite: CompositeCstNode, root: RootCstNode, start: number, places: Map<LeafCstNode, number>): void {
    Object.assign(composite, { root });
    for (const child of composite.content) {
        if (isCompositeCstNode(child)) {
            adopt(child, root, start, places);
        } else {
            placeLeaf(child as LeafCstNode, places.get(child as LeafCstNode)! + start, composite);
        }
    }
}
