import {
    AstUtils, CstUtils, DefaultReferenceDescriptionProvider, isReference, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumDocument,
    type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { appendAll, spliceAll } from '../large-arrays.js';
import type { FastPathDocuments } from './fast-path-documents.js';
import type { FastPathServices } from './fast-path-module.js';
import { forEachReference } from './node-list.js';
import type { PartialRelink } from './partial-linker.js';

/**
 * The reference index holds one description per reference of every file (a 50,000-step map
 * has over 100,000). Langium's descriptions carry the source path and the range, worked
 * out up front; ours work them out when find-references, rename or highlight asks, which
 * halves what the index keeps per reference. Multi-references (none in our grammar) keep
 * Langium's.
 */
export class LazyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly memory: FastPathDocuments;

    constructor(services: FastPathServices) {
        super(services);
        this.memory = services.shared.fastPath.Documents;
    }

    /** Langium's, over the document's node list instead of its streams (see node-list.ts). */
    override async createDescriptions(document: LangiumDocument, cancelToken?: CancellationToken): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await this.memory.forEachNode(document, cancelToken, node => this.describeReferencesOf(node, descriptions));
        return descriptions;
    }

    /**
     * A document's descriptions after a partial relink: those of the relinked nodes made anew,
     * where the first description of a dropped or relinked node was (or at the end), the rest kept.
     */
    redescribe(previous: ReferenceDescription[], relink: PartialRelink): ReferenceDescription[] {
        const relinked = new Set(relink.relinked);
        const redone = (description: ReferenceDescription) =>
            description instanceof LazyReferenceDescription && (relink.removed.has(description.source) || relinked.has(description.source));
        const fresh: ReferenceDescription[] = [];
        for (const node of relink.relinked) this.describeReferencesOf(node, fresh);
        const first = previous.findIndex(redone);
        const kept = previous.filter(description => !redone(description));
        spliceAll(kept, first < 0 ? kept.length : first, 0, fresh);
        return kept;
    }

    /** Adds the descriptions of the linked references `node` holds itself. */
    private describeReferencesOf(node: AstNode, into: ReferenceDescription[]): void {
        forEachReference(node, info => {
            if (!info.reference.error) appendAll(into, this.describe(info));
        });
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        return this.describe(refInfo);
    }

    /** Ours for a linked single reference, none for an unlinked one, Langium's for a multi-reference. */
    private describe(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        if (!isReference(reference)) {
            return super.createInfoDescriptions(refInfo);
        }
        const target = reference.error ? undefined : reference.$nodeDescription;
        return target && reference.$refNode ? [new LazyReferenceDescription(refInfo.container, reference.$refNode, target, this.nodeLocator)] : [];
    }
}

/**
 * What the index keeps of a reference: its node, its CST node and its target, as the target was
 * when linked (a relink resets the reference before the index drops this). The rest is worked
 * out when asked: 16 bytes less for each of a workspace's hundred thousand references.
 */
class LazyReferenceDescription implements ReferenceDescription {
    readonly targetUri: URI;
    readonly targetPath: string;

    constructor(
        readonly source: AstNode,
        private readonly referenceNode: CstNode,
        target: AstNodeDescription,
        private readonly locator: AstNodeLocator
    ) {
        this.targetUri = target.documentUri;
        this.targetPath = target.path;
    }

    get sourceUri(): URI {
        return AstUtils.getDocument(this.source).uri;
    }

    get local(): boolean {
        return UriUtils.equals(this.targetUri, this.sourceUri);
    }

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.source);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.referenceNode);
    }
}
