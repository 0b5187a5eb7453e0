import {
    AstUtils,
    DefaultLinker,
    DocumentState,
    isAstNode,
    isAstNodeDescription,
    RefResolving,
    type AstNode,
    type CstNode,
    type LangiumDocument,
    type Reference
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { detached } from './detached-string.js';
import type { LeanDocuments } from './lean-documents.js';
import type { Graft } from './incremental-parse.js';
import { LeanReference } from './lean-reference.js';
import { forEachReference } from './node-list.js';
import type { LeanServices } from './lean-module.js';

type DocumentReference = LangiumDocument['references'][number];

/**
 * Langium's linker with references that are instances of one class (see lean-reference.ts),
 * which resolve exactly as Langium's do (the steps of `resolve` follow its `buildReference`).
 */
export class PartialLinker extends DefaultLinker {
    private readonly memory: LeanDocuments;

    constructor(services: LeanServices) {
        super(services);
        this.memory = services.shared.lean.Documents;
    }

    /**
     * Langium's `link`, over the document's node list instead of its streams (see
     * node-list.ts). When the builder kept the links and the parse only swapped one step or
     * stage for another declaring the same names, only the references that swap touched are linked.
     */
    override async link(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        this.memory.setPartialRelink(document, undefined);
        if (this.memory.takeKeptLinks(document)) {
            const graft = this.memory.graftOf(document);
            if (graft && declaresSameNames(graft)) {
                this.memory.setPartialRelink(document, this.relinkGraft(document, graft));
                return;
            }
            this.unlink(document);
        }
        await this.memory.forEachNode(document, cancelToken, node =>
            forEachReference(node, reference => this.doLink(reference, document))
        );
    }

    /**
     * Every other node keeps its links: the names in scope are the same as before. The references
     * of the removed subtree go, those that led into it are looked up again (they find its
     * replacement), and those of the added subtree are linked. The list keeps the document's
     * order, as a whole link makes it: the added references take the removed ones' place.
     */
    private relinkGraft(document: LangiumDocument, graft: Graft): PartialRelink {
        const removed = new Set(graft.removed);
        const retargeted = new Set<AstNode>();
        const lookedUpAgain = new Set<DocumentReference>();
        const kept: DocumentReference[] = [];
        let removedAt = -1;
        for (const reference of document.references) {
            if (reference instanceof LeanReference && removed.has(reference.container)) {
                if (removedAt < 0) removedAt = kept.length;
                continue;
            }
            if (reference instanceof LeanReference && isAstNode(reference._ref) && removed.has(reference._ref)) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
                retargeted.add(reference.container);
                lookedUpAgain.add(reference);
            }
            kept.push(reference);
        }
        document.references = kept;
        const linkedBefore = kept.length;
        const relinked = [...retargeted, ...graft.added];
        for (const node of relinked) forEachReference(node, reference => this.doLink(reference, document));
        // Linking appended each reference it linked; those looked up again are in their place already.
        const added = kept.splice(linkedBefore).filter(reference => !lookedUpAgain.has(reference));
        kept.splice(removedAt >= 0 ? removedAt : insertionPoint(kept, graft.added[0]), 0, ...added);
        return { graft, removed, relinked };
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new LeanReference(this, node, property, refNode, detached(refText));
    }

    /** Langium's unlink `delete`s `_nodeDescription`; ours are reset in place and the rest left to it. */
    override unlink(document: LangiumDocument): void {
        this.memory.takeKeptLinks(document);
        this.memory.setPartialRelink(document, undefined);
        for (const reference of document.references) {
            if (reference instanceof LeanReference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            }
        }
        document.references = document.references.filter(reference => !(reference instanceof LeanReference));
        super.unlink(document);
    }

    /** The path of a node in its document, as the index gives it. */
    pathOf(node: AstNode): string {
        return this.astNodeLocator.getAstNodePath(node);
    }

    /** What `reference.ref` answers: linked on first use when the linker has not been there yet. */
    resolve(reference: LeanReference): AstNode | undefined {
        if (isAstNode(reference._ref)) {
            return reference._ref;
        }
        const info = { reference, container: reference.container, property: reference.property };
        if (isAstNodeDescription(reference._nodeDescription)) {
            // A candidate was found before, but its document was not loaded then.
            reference._ref =
                this.loadAstNode(reference._nodeDescription) ??
                this.createLinkingError(info, reference._nodeDescription);
        } else if (reference._ref === undefined) {
            reference._ref = RefResolving;
            const document = AstUtils.findRootNode(reference.container).$document;
            const linked = this.getLinkedNode(info);
            if (linked.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not ready: leave it for the linker to try again.
                reference._ref = undefined;
                return undefined;
            }
            reference._ref = linked.node ?? linked.error;
            reference._nodeDescription = linked.descr;
            document?.references.push(reference);
        } else if (reference._ref === RefResolving) {
            this.throwCyclicReferenceError(reference.container, reference.property, reference.$refText);
        }
        return isAstNode(reference._ref) ? reference._ref : undefined;
    }
}

/**
 * A link pass that redid part of a document after `graft`: the nodes it dropped, and those whose references it linked
 * anew.
 */
export interface PartialRelink {
    graft: Graft;
    removed: ReadonlySet<AstNode>;
    relinked: AstNode[];
}

/**
 * Whether the graft took out the same declarations, by kind and name in order, as it put in: then nothing else in the
 * file links differently.
 */
function declaresSameNames(graft: Graft): boolean {
    const names = (nodes: AstNode[]) =>
        nodes
            .flatMap(node => {
                const name = (node as { name?: unknown }).name;
                return typeof name === 'string' ? [`${node.$type}:${name}`] : [];
            })
            .join('\n');
    return names(graft.removed) === names(graft.added);
}

/** Where the references of a subtree that replaced one without any go: before the first reference after it. */
function insertionPoint(references: DocumentReference[], subtree: AstNode): number {
    const start = subtree.$cstNode?.offset ?? 0;
    const after = references.findIndex(reference =>
        reference instanceof LeanReference && (reference.container.$cstNode?.offset ?? -1) > start);
    return after < 0 ? references.length : after;
}
