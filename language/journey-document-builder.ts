import {
    DefaultDocumentBuilder, DocumentState, isOperationCancelled, OperationCancelled,
    type AstNode, type BuildOptions, type LangiumDocument, type MaybePromise, type Mutable
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { buildFailure, refusedParse } from './journey-text-guard.js';
import { markBuildCompleted } from '../langium-lean/langium-internals.js';

/**
 * A document whose build throws in any phase is kept with an empty tree and one diagnostic
 * saying why (`document-failed`), and the build goes on with the others: in Langium's
 * builder, one exception stopped the whole build, and requests waiting for those documents
 * never ended.
 *
 * A build that a later edit can cancel starts once the edits that came in with it are read:
 * a burst (a paste, a replace-all, a checkout) is built once, at its last text, not version
 * by version.
 */
export function journeyDocumentBuilder(Base: typeof DefaultDocumentBuilder) {
    return class JourneyDocumentBuilder extends Base {
        protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
            if (cancelToken !== CancellationToken.None) await afterPendingMessages(cancelToken);
            await super.buildDocuments(documents, options, cancelToken);
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
                markBuildCompleted(this, document);
            }
        }
    };
}

/**
 * Resolves after the messages already received have been handled (each in its own turn of the
 * event loop, before the timers of the next), or throws when one of them cancelled the build.
 */
async function afterPendingMessages(cancelToken: CancellationToken): Promise<void> {
    await new Promise(resolve => setTimeout(resolve, 0));
    if (cancelToken.isCancellationRequested) throw OperationCancelled;
}

/** Runs a step of bringing a failed document to an empty state; a failure there is logged, not thrown. */
async function settle(step: () => Promise<unknown>): Promise<void> {
    try {
        await step();
    } catch (error) {
        console.error('Emptying a failed document:', error);
    }
}
