import { DefaultDocumentBuilder, DocumentState, isOperationCancelled, type AstNode, type LangiumDocument, type MaybePromise, type Mutable, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { JourneyLinker } from './journey-linker.js';
import { buildFailure, refusedParse } from './journey-text-guard.js';

/**
 * Langium's document builder unlinks a changed document whole before parsing it again. When
 * an update changes one fully built document and nothing else, ours keeps that document's links
 * and its references in the index through the reset: if the parse then only swaps one step or
 * stage, the linker and the index redo that part alone (see JourneyLinker.link and
 * JourneyIndexManager), and otherwise they redo the whole document as before.
 *
 * A document whose build throws in any phase is kept with an empty tree and one diagnostic
 * saying why (`document-failed`), and the build goes on with the others: before, one
 * exception stopped the whole build, and requests waiting for those documents never ended.
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

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, async document => {
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                await this.keepEmpty(document, targetState, error);
            }
        });
    }

    /** Gives a document whose build threw an empty tree, brought to the state the build was in, and the diagnostic of its failure. */
    private async keepEmpty(document: LangiumDocument, targetState: DocumentState, error: unknown): Promise<void> {
        console.error(`Building ${document.uri.toString()} failed:`, error);
        const services = this.serviceRegistry.getServices(document.uri);
        const failed = refusedParse(services.parser.LangiumParser, buildFailure(error));
        (failed.value as Mutable<AstNode>).$document = document;
        const emptied = document as Mutable<LangiumDocument>;
        emptied.parseResult = failed;
        emptied.references = [];
        emptied.localSymbols = undefined;
        emptied.diagnostics = undefined;
        // The index and the scopes must not keep what the old tree declared. Each step is
        // tried on its own: a service that failed on the document may fail on its empty tree too.
        await settle(() => this.indexManager.updateContent(document));
        await settle(async () => { emptied.localSymbols = await services.references.ScopeComputation.collectLocalSymbols(document); });
        if (targetState >= DocumentState.IndexedReferences) {
            await settle(() => this.indexManager.updateReferences(document));
        }
        if (targetState >= DocumentState.Validated) {
            emptied.diagnostics = await services.validation.DocumentValidator.validateDocument(document, {}, CancellationToken.None);
            this.markAsCompleted(document);
        }
    }
}

/** Runs a step of bringing a failed document to an empty state; a failure there is logged, not thrown. */
async function settle(step: () => Promise<unknown>): Promise<void> {
    try {
        await step();
    } catch (error) {
        console.error('Emptying a failed document:', error);
    }
}
