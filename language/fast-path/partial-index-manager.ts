import type { LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { JourneyIndexManager } from '../journey-index-manager.js';
import type { FastPathDocuments } from './fast-path-documents.js';
import type { FastPathSharedServices } from './fast-path-module.js';
import { LazyReferenceDescriptionProvider } from './lazy-reference-descriptions.js';

/**
 * Langium's index describes every reference of a document again after each link. After a
 * link that redid only part of a document (see PartialLinker.link), this one redescribes that
 * part and keeps the rest of the document's descriptions, which the builder left in the index.
 */
export class PartialIndexManager extends JourneyIndexManager {
    private readonly memory: FastPathDocuments;

    constructor(services: FastPathSharedServices) {
        super(services);
        this.memory = services.fastPath.Documents;
    }

    override async updateReferences(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const relink = this.memory.partialRelinkOf(document);
        const key = document.uri.toString();
        const previous = this.referenceIndex.get(key);
        const descriptions = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (!relink || !previous || !(descriptions instanceof LazyReferenceDescriptionProvider)) {
            return super.updateReferences(document, cancelToken);
        }
        this.referenceIndex.set(key, descriptions.redescribe(previous, relink));
    }
}
