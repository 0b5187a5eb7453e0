import { DefaultIndexManager, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { JourneyLinker } from './journey-linker.js';
import type { JourneyReferenceDescriptionProvider } from './journey-reference-descriptions.js';

/**
 * Langium's index, which describes every reference of a document again after each link. After
 * a link that redid only part of a document (see JourneyLinker.link), ours redescribes that part
 * and keeps the rest of the document's descriptions, which the builder left in the index.
 */
export class JourneyIndexManager extends DefaultIndexManager {
    override async updateReferences(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const services = this.serviceRegistry.getServices(document.uri);
        const relink = (services.references.Linker as JourneyLinker).partialRelinkOf(document);
        const key = document.uri.toString();
        const previous = this.referenceIndex.get(key);
        if (!relink || !previous) {
            return super.updateReferences(document, cancelToken);
        }
        const descriptions = services.workspace.ReferenceDescriptionProvider as JourneyReferenceDescriptionProvider;
        this.referenceIndex.set(key, descriptions.redescribe(previous, relink, document.uri));
    }
}
