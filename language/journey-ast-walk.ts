import {
    interruptAndCheck, isAstNode, isMultiReference, isReference,
    type AstNode, type LangiumDocument, type ParseResult, type ReferenceInfo
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { spliceAll } from './large-arrays.js';

/**
 * Plain loops over a document's AST, in the order of Langium's `streamAst` and
 * `streamReferences`. Langium's generator-based streams, walked once per build phase,
 * were the largest cost of rebuilding a large map after an edit; the node list is made once
 * per parse and shared by scope computation, linking, indexing and validation.
 */
const nodesByParse = new WeakMap<ParseResult, AstNode[]>();

/** Every node of the document, root first, depth first. */
export function nodesOf(document: LangiumDocument): AstNode[] {
    let nodes = nodesByParse.get(document.parseResult);
    if (!nodes) {
        nodes = [];
        collect(document.parseResult.value, nodes);
        nodesByParse.set(document.parseResult, nodes);
    }
    return nodes;
}

/** A node and all nodes below it, in the order of the node list. */
export function subtreeNodes(node: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    collect(node, nodes);
    return nodes;
}

/**
 * After an incremental parse replaced the subtree `removed` (its nodes, root first) by
 * `added`, the new parse's node list is the old one with that run swapped, if there was one.
 */
export function carryNodeList(previous: ParseResult, next: ParseResult, removed: AstNode[], added: AstNode[]): void {
    const nodes = nodesByParse.get(previous);
    const start = nodes?.indexOf(removed[0]) ?? -1;
    if (!nodes || start < 0) {
        return;
    }
    spliceAll(nodes, start, removed.length, added);
    nodesByParse.delete(previous);
    nodesByParse.set(next, nodes);
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
                if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
            }
        }
    }
}

/**
 * Runs `work` on every node, letting other requests in (and noticing cancellation) every
 * few hundred nodes, where Langium's phases awaited a promise per node.
 */
export async function forEachNode(document: LangiumDocument, cancelToken: CancellationToken | undefined, work: (node: AstNode) => void | Promise<void>): Promise<void> {
    const nodes = nodesOf(document);
    for (let index = 0; index < nodes.length; index++) {
        if (cancelToken && index % 256 === 0) await interruptAndCheck(cancelToken);
        const pending = work(nodes[index]);
        if (pending) await pending;
    }
}
