import { DefaultIndexManager, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { LeanDocuments } from './lean-documents.js';
import type { LeanSharedServices } from './lean-module.js';
import { LazyReferenceDescriptionProvider } from './lazy-reference-descriptions.js';
import { referenceIndexOf } from './langium-internals.js';

/**
 * Langium's index describes every reference of a document again after each link. After a
 * link that redid only part of a document (see PartialLinker.link), this one redescribes that
 * part and keeps the rest of the document's descriptions, which the builder left in the index.
 */
export class PartialIndexManager extends DefaultIndexManager {
    private readonly memory: LeanDocuments;

    constructor(services: LeanSharedServices) {
        super(services);
        this.memory = services.lean.Documents;
    }

    override async updateReferences(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const relink = this.memory.partialRelinkOf(document);
        const key = document.uri.toString();
        const previous = referenceIndexOf(this).get(key);
        const descriptions = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (!relink || !previous || !(descriptions instanceof LazyReferenceDescriptionProvider)) {
            return super.updateReferences(document, cancelToken);
        }
        referenceIndexOf(this).set(key, descriptions.redescribe(previous, relink));
    }
}
