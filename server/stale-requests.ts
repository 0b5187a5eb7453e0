import {
    CancellationTokenSource, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Disposable
} from 'vscode-languageserver';

/** The requests about one document's text whose answer an edit of that text makes stale. */
const documentRequests = [
    'onHover', 'onCompletion', 'onDefinition', 'onReferences', 'onDocumentHighlight', 'onDocumentSymbol',
    'onCodeAction', 'onRenameRequest', 'onPrepareRename', 'onFoldingRanges', 'onSignatureHelp',
    'onDocumentFormatting', 'onDocumentRangeFormatting', 'onDocumentOnTypeFormatting', 'onSelectionRanges'
] as const;

type RequestHandler = (params: { textDocument: { uri: string } }, token: CancellationToken, ...rest: unknown[])
    => unknown;

/**
 * Edits a client sends in a burst (a paste, a replace-all, a checkout, a storm) queue up with
 * the requests made between them. A request about a document that is edited before it is
 * answered is answered `ContentModified`, as the protocol provides, instead of being computed
 * for a text that is gone: its positions name places of an older version. Requests made after
 * the last edit wait for the build of the latest text and are answered from it.
 *
 * A request about a document just opened waits until the server knows it (`documentKnown`):
 * its build now starts once the messages received with it are read.
 *
 * Call before the handlers are registered; `onEdit` must fire synchronously for every edit.
 */
export function answerStaleRequestsModified(connection: Connection,
    onEdit: (listener: (uri: string) => void) => Disposable,
    documentKnown: (uri: string, token: CancellationToken) => Promise<void> | undefined = () => undefined): void {
    const waiting = new Map<string, Set<CancellationTokenSource>>();
    onEdit(uri => {
        for (const source of waiting.get(uri) ?? []) source.cancel();
        waiting.delete(uri);
    });
    const track = (uri: string, source: CancellationTokenSource) => {
        const sources = waiting.get(uri) ?? new Set();
        sources.add(source);
        waiting.set(uri, sources);
        return () => {
            sources.delete(source);
            if (sources.size === 0 && waiting.get(uri) === sources) waiting.delete(uri);
        };
    };
    for (const name of documentRequests) {
        const register = connection[name].bind(connection) as (handler: RequestHandler) => Disposable;
        (connection as unknown as Record<string, unknown>)[name] = (handler: RequestHandler) =>
            register(async (params, token, ...rest) => {
                const edited = new CancellationTokenSource();
                const untrack = track(params.textDocument.uri, edited);
                const linked = linkedToken(token, edited);
                try {
                    const known = documentKnown(params.textDocument.uri, linked.token);
                    if (known) await known;
                    const result = await handler(params, linked.token, ...rest);
                    const overtaken = edited.token.isCancellationRequested && !token.isCancellationRequested;
                    return overtaken ? contentModified() : result;
                } finally {
                    untrack();
                    linked.dispose();
                    edited.dispose();
                }
            });
    }
}

/** A token cancelled when either the client cancels the request or the document is edited. */
function linkedToken(client: CancellationToken, edited: CancellationTokenSource): CancellationTokenSource {
    const source = new CancellationTokenSource();
    const cancel = () => source.cancel();
    const subscriptions = [client.onCancellationRequested(cancel), edited.token.onCancellationRequested(cancel)];
    if (client.isCancellationRequested) cancel();
    const dispose = source.dispose.bind(source);
    source.dispose = () => {
        subscriptions.forEach(subscription => subscription.dispose());
        dispose();
    };
    return source;
}

function contentModified(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed before this request was answered.');
}
