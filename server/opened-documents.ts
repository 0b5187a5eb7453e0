import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Resolves once the workspace holds a document the editor has opened (Langium adds it when the
 * update for it starts, which may be after a request about it came in), or when the request is
 * cancelled; undefined (nothing to wait for) for a document that is not open or already known.
 */
export function openedDocumentKnown(shared: LangiumSharedServices, uri: string,
    token: CancellationToken): Promise<void> | undefined {
    const parsed = URI.parse(uri);
    const documents = shared.workspace.LangiumDocuments;
    if (documents.hasDocument(parsed) || !shared.workspace.TextDocuments.get(uri)) return undefined;
    return new Promise(resolve => {
        const subscriptions = [
            shared.workspace.DocumentBuilder.onUpdate(changed => {
                if (changed.some(each => each.toString() === parsed.toString())) done();
            }),
            token.onCancellationRequested(() => done())
        ];
        function done(): void {
            subscriptions.forEach(subscription => subscription.dispose());
            resolve();
        }
    });
}
