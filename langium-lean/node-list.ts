import { interruptAndCheck, isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Plain loops over a document's AST, in the order of Langium's `streamAst` and
 * `streamReferences`. Langium's generator-based streams, walked once per build phase,
 * were the largest cost of rebuilding a large map after an edit; the node list is made once
 * per parse (kept by LeanDocuments) and shared by scope computation, linking, indexing
 * and validation.
 */

/** A node and all nodes below it, root first, depth first. */
export function subtreeNodes(node: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    collect(node, nodes);
    return nodes;
}

function collect(node: AstNode, into: AstNode[]): void {
    into.push(node);
    const properties = node as unknown as Record<string, unknown>;
    for (const property in properties) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = properties[property];
        if (Array.isArray(value)) {
            for (const element of value) {
                if (isAstNode(element)) collect(element, into);
            }
        } else if (isAstNode(value)) {
            collect(value, into);
        }
    }
}

/** Calls `visit` for each reference held by `node` itself (not its children). */
export function forEachReference(node: AstNode, visit: (reference: ReferenceInfo) => void): void {
    const properties = node as unknown as Record<string, unknown>;
    for (const property in properties) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = properties[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isReference(element) || isMultiReference(element))
                    visit({ reference: element, container: node, property, index });
            }
        }
    }
}

/**
 * Runs `work` on every node of the list, letting other requests in (and noticing
 * cancellation) every few hundred nodes, where Langium's phases awaited a promise per node.
 */
export async function forEachNodeOf(
    nodes: readonly AstNode[],
    cancelToken: CancellationToken | undefined,
    work: (node: AstNode) => void | Promise<void>
): Promise<void> {
    for (let index = 0; index < nodes.length; index++) {
        if (cancelToken && index % 256 === 0) await interruptAndCheck(cancelToken);
        const pending = work(nodes[index]);
        if (pending) await pending;
    }
}
