import { AstUtils, CstUtils, isReference, type AstNode, type LangiumDocument } from 'langium';
import { describeDiagnostics, type TestServices } from '../journey-test-kit.js';

/**
 * Everything a build decides, to compare a document parsed and linked in parts with one built
 * whole: AST with text regions, every CST node, every link (and whether its target is a node of
 * the tree, not one a graft took out), the index's references, diagnostics.
 */
export function treeSnapshot(document: LangiumDocument, services: TestServices) {
    const root = document.parseResult.value;
    const locator = services.Journey.workspace.AstNodeLocator;
    const path = (node: AstNode) =>
        `${locator.getAstNodePath(node)}${isInTree(node, root) ? '' : ' (not in the tree)'}`;
    const nodes = [...AstUtils.streamAst(root)];
    const named = nodes.filter(node => typeof (node as { name?: unknown }).name === 'string');
    return {
        ast: JSON.parse(
            services.Journey.serializer.JsonSerializer.serialize(root, {
                textRegions: true,
                refText: true,
                comments: true
            })
        ) as unknown,
        cst: [...CstUtils.streamCst(root.$cstNode!)].map(node => ({
            offset: node.offset,
            end: node.end,
            range: node.range,
            hidden: node.hidden,
            text: node.text,
            // Held by the node it names as its container, in the document's one tree.
            linked:
                (node.container ? node.container.content.includes(node) : node === root.$cstNode) &&
                node.root === root.$cstNode!.root
        })),
        links: nodes.flatMap(node =>
            AstUtils.streamReferences(node)
                .map(({ reference }) =>
                    isReference(reference)
                        ? `${path(node)} ${reference.$refText} → ${reference.ref ? path(reference.ref) : reference.error?.message}`
                        : `${path(node)} ${reference.$refText} (a multi-reference)`
                )
                .toArray()
        ),
        indexedReferences: named
            .flatMap(node =>
                services.shared.workspace.IndexManager.findAllReferences(node, locator.getAstNodePath(node))
                    .map(found => `${found.sourcePath} ${JSON.stringify(found.segment.range)} → ${found.targetPath}`)
                    .toArray()
            )
            .sort(),
        diagnostics: describeDiagnostics(document.diagnostics),
        diagnosticRanges: (document.diagnostics ?? []).map(diagnostic => diagnostic.range),
        errors: document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length
    };
}

/** Whether each container up to the root still holds the node where the node says it is. */
function isInTree(node: AstNode, root: AstNode): boolean {
    let current = node;
    while (current.$container) {
        const slot = (current.$container as unknown as Record<string, unknown>)[current.$containerProperty!];
        if ((Array.isArray(slot) ? slot[current.$containerIndex!] : slot) !== current) return false;
        current = current.$container;
    }
    return current === root;
}
