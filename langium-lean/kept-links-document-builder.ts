import { DefaultDocumentBuilder, DocumentState, type AstNode, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { LeanDocuments } from './lean-documents.js';
import type { LeanSharedServices } from './lean-module.js';
import { buildStateOf } from './langium-internals.js';

/**
 * Langium's document builder unlinks a changed document whole before parsing it again. When
 * an update changes one fully built document and nothing else, this one keeps that document's
 * links and its references in the index through the reset: if the parse then only swaps one
 * step or stage, the linker and the index redo that part alone (see PartialLinker.link and
 * PartialIndexManager), and otherwise they redo the whole document as before.
 */
export class KeptLinksDocumentBuilder extends DefaultDocumentBuilder {
    private readonly memory: LeanDocuments;
    /** The one document the update under way changes, when it changes one and deletes none. */
    private loneChange: string | undefined;

    constructor(services: LeanSharedServices) {
        super(services);
        this.memory = services.lean.Documents;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.loneChange = changed.length === 1 && deleted.length === 0 ? changed[0].toString() : undefined;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.loneChange = undefined;
        }
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (
            state !== DocumentState.Changed ||
            document.state < DocumentState.IndexedReferences ||
            document.uri.toString() !== this.loneChange
        ) {
            super.resetToState(document, state);
            return;
        }
        // Langium's reset to Changed, less the unlink and the removal of the document's references from the index.
        this.memory.keepLinks(document);
        this.indexManager.removeContent(document.uri);
        document.localSymbols = undefined;
        document.diagnostics = undefined;
        buildStateOf(this).delete(document.uri.toString());
        document.state = DocumentState.Changed;
    }
}
