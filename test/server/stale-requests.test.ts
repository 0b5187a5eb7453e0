import { strict as assert } from 'node:assert';
import {
    CancellationTokenSource,
    Emitter,
    LSPErrorCodes,
    ResponseError,
    type CancellationToken,
    type Connection
} from 'vscode-languageserver';
import { answerStaleRequestsModified } from '../../server/stale-requests.js';

type Handler = (params: { textDocument: { uri: string } }, token: CancellationToken) => Promise<unknown>;

/** A connection that keeps the hover handler registered on it, so the test can call it as a client's request would. */
function fakeConnection(): { connection: Connection; hover: () => Handler } {
    let registered: Handler | undefined;
    const connection = {
        onHover: (handler: Handler) => {
            registered = handler;
            return { dispose() {} };
        }
    } as unknown as Connection;
    for (const name of [
        'onCompletion',
        'onDefinition',
        'onReferences',
        'onDocumentHighlight',
        'onDocumentSymbol',
        'onCodeAction',
        'onRenameRequest',
        'onPrepareRename',
        'onFoldingRanges',
        'onSignatureHelp',
        'onDocumentFormatting',
        'onDocumentRangeFormatting',
        'onDocumentOnTypeFormatting',
        'onSelectionRanges'
    ]) {
        (connection as unknown as Record<string, unknown>)[name] = () => ({ dispose() {} });
    }
    return { connection, hover: () => registered! };
}

describe('requests overtaken by an edit', () => {
    const a = 'file:///a.journey';
    const b = 'file:///b.journey';

    function setUp() {
        const edits = new Emitter<string>();
        const { connection, hover } = fakeConnection();
        answerStaleRequestsModified(connection, listener => edits.event(listener));
        let release: () => void = () => undefined;
        const computed: CancellationToken[] = [];
        connection.onHover(async (_params, token) => {
            computed.push(token);
            await new Promise<void>(resolve => { release = resolve; });
            return token.isCancellationRequested
                ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled')
                : { contents: 'hover' };
        });
        return { edits, hover: hover(), release: () => release(), computed };
    }

    it('are answered ContentModified, and the work under way sees its token cancelled', async () => {
        const { edits, hover, release, computed } = setUp();
        const answer = hover({ textDocument: { uri: a } }, new CancellationTokenSource().token);
        edits.fire(a);
        release();
        const result = await answer;
        assert.ok(
            result instanceof ResponseError && result.code === LSPErrorCodes.ContentModified,
            `answered ${JSON.stringify(result)}`
        );
        assert.equal(computed[0].isCancellationRequested, true);
    });

    it('are answered as usual when another document is edited, or the edit came before the request', async () => {
        const { edits, hover, release } = setUp();
        edits.fire(a);
        const answer = hover({ textDocument: { uri: a } }, new CancellationTokenSource().token);
        edits.fire(b);
        release();
        assert.deepEqual(await answer, { contents: 'hover' });
    });

    it('keep the client\'s own cancellation: RequestCancelled, not ContentModified', async () => {
        const { edits, hover, release } = setUp();
        const client = new CancellationTokenSource();
        const answer = hover({ textDocument: { uri: a } }, client.token);
        client.cancel();
        edits.fire(a);
        release();
        const result = await answer;
        assert.ok(
            result instanceof ResponseError && result.code === LSPErrorCodes.RequestCancelled,
            `answered ${JSON.stringify(result)}`
        );
    });
});
