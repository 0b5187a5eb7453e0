import { DefaultIndexManager, UriUtils, type LangiumDocument, type URI } from 'langium';
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

    /**
     * The paths of the nodes of the document `uri` that some reference in the workspace points
     * at, in one pass over the index: asking per node (`findAllReferences`) went over the whole
     * index once per node, minutes for a file of 20,000 declarations.
     */
    referencedPaths(uri: URI): Set<string> {
        const paths = new Set<string>();
        for (const descriptions of this.referenceIndex.values()) {
            for (const description of descriptions) {
                if (UriUtils.equals(description.targetUri, uri)) paths.add(description.targetPath);
            }
        }
        return paths;
    }
}
