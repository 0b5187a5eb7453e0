import { DefaultDocumentBuilder, DocumentState, type AstNode, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { JourneyLinker } from './journey-linker.js';

/**
 * Langium's document builder unlinks a changed document whole before parsing it again. When
 * an update changes one fully built document and nothing else, ours keeps that document's links
 * and its references in the index through the reset: if the parse then only swaps one step or
 * stage, the linker and the index redo that part alone (see JourneyLinker.link and
 * JourneyIndexManager), and otherwise they redo the whole document as before.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    /** The one document the update under way changes, when it changes one and deletes none. */
    private loneChange: string | undefined;

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.loneChange = changed.length === 1 && deleted.length === 0 ? changed[0].toString() : undefined;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.loneChange = undefined;
        }
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state !== DocumentState.Changed || document.state < DocumentState.IndexedReferences || document.uri.toString() !== this.loneChange) {
            super.resetToState(document, state);
            return;
        }
        // Langium's reset to Changed, less the unlink and the removal of the document's references from the index.
        (this.serviceRegistry.getServices(document.uri).references.Linker as JourneyLinker).keepLinks(document);
        this.indexManager.removeContent(document.uri);
        document.localSymbols = undefined;
        document.diagnostics = undefined;
        this.buildState.delete(document.uri.toString());
        document.state = DocumentState.Changed;
    }
}
