import {
    DefaultReferenceDescriptionProvider,
    type AstNode,
    type LangiumDocument,
    type ReferenceDescription,
    type ReferenceInfo
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { appendAll, spliceAll } from './large-arrays.js';
import type { LeanDocuments } from './lean-documents.js';
import type { LeanServices } from './lean-module.js';
import { LeanReference } from './lean-reference.js';
import { forEachReference } from './node-list.js';
import type { PartialRelink } from './partial-linker.js';

/**
 * The reference index holds one description per reference of every file. Langium's carry the
 * source path and range, worked out up front; ours are the references themselves, which work
 * those out when find-references, rename or highlight asks (see lean-reference.ts).
 * Multi-references keep Langium's.
 */
export class LazyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly memory: LeanDocuments;

    constructor(services: LeanServices) {
        super(services);
        this.memory = services.shared.lean.Documents;
    }

    /** Langium's, over the document's node list instead of its streams (see node-list.ts). */
    override async createDescriptions(
        document: LangiumDocument,
        cancelToken?: CancellationToken
    ): Promise<ReferenceDescription[]> {
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
            description instanceof LeanReference &&
            (relink.removed.has(description.container) || relinked.has(description.container));
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

    /**
     * A linked reference of ours describes itself; an unlinked one is not described; any other (a multi-reference) as
     * Langium does.
     */
    private describe(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        if (!(reference instanceof LeanReference)) {
            return super.createInfoDescriptions(refInfo);
        }
        const target = reference.error ? undefined : reference.$nodeDescription;
        return target && reference.$refNode ? [reference.describedAs(target)] : [];
    }
}
