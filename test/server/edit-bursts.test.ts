import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, type Hover } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatedJourney } from '../../bench/generated-journey.js';
import { startLanguageServer, type LspSession } from '../e2e/lsp-client.js';

/**
 * A burst of edits sent at once (a paste, a replace-all, a checkout): the server builds the
 * latest text, not every version on the way, and answers every request: from the text it was
 * made for, or `ContentModified` when an edit overtook it (test/server/stale-requests.test.ts).
 * Counts of answers and builds, not times (bench/storm.ts prints how long it takes).
 */
describe('the language server in a burst of edits', function () {
    this.timeout(120_000);
    const edits = 300;
    let workspace: string;
    let session: LspSession;

    before(async () => {
        workspace = mkdtempSync(join(tmpdir(), 'journey-burst-'));
        session = await startLanguageServer(workspace);
    });
    after(async () => {
        await session.stop();
        rmSync(workspace, { recursive: true, force: true });
    });

    it('answers every request, the last from the latest text, after a few builds', async () => {
        const uri = pathToFileURL(join(workspace, 'burst.journey')).toString();
        let document = TextDocument.create(uri, 'journey', 1, generatedJourney(1000).text);
        session.open(uri, document.getText());
        await session.diagnosticsFor(uri);
        let builds = 0;
        session.connection.onNotification('journey/documentsRebuilt', (params: { uris: string[] }) => {
            if (params.uris.includes(uri)) builds++;
        });

        const titleEnd = document.getText().indexOf('看到广告"', document.getText().indexOf('step T500 ')) + 4;
        const overtaken: Array<Promise<unknown>> = [];
        const outcome = (request: Promise<unknown>) =>
            request.then(
                () => 'answered',
                (error: { code?: number }) => error.code
            );
        for (let index = 0; index < edits; index++) {
            const at = document.positionAt(titleEnd + index);
            const version = document.version + 1;
            session.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: '改' }]
            });
            document = TextDocument.update(document, [{ range: { start: at, end: at }, text: '改' }], version);
            if (index % 10 === 0 && index < edits - 1) overtaken.push(outcome(hoverOn(session, uri, document, 'T500')));
        }
        const latest = (await hoverOn(session, uri, document, 'T500')) as Hover;
        const early = await Promise.all(overtaken);

        assert.ok(JSON.stringify(latest.contents).includes('改'.repeat(edits)), 'the last hover shows the latest title');
        // Each was answered from its own text before the next edit came in, or ContentModified after.
        assert.deepEqual(early.filter(result => result !== 'answered' && result !== LSPErrorCodes.ContentModified), []);
        assert.ok(builds <= 3, `${builds} builds of ${edits} for one burst of ${edits} edits`);
    });

    it('answers a request sent right after a document is opened from that document, not "No document found"', async () => {
        const uris = ['first', 'second', 'third'].map(name =>
            pathToFileURL(join(workspace, `${name}.journey`)).toString()
        );
        const text = 'journey J { stage S { step A "看到广告" { emotion 3 } } }\n';
        const hovers = uris.map(uri => {
            session.open(uri, text);
            return session.connection.sendRequest('textDocument/hover', {
                textDocument: { uri },
                position: { line: 0, character: 27 }
            });
        });
        for (const hover of await Promise.all(hovers)) assert.match(JSON.stringify(hover), /看到广告/);
    });
});

function hoverOn(session: LspSession, uri: string, document: TextDocument, step: string): Promise<unknown> {
    const position = document.positionAt(document.getText().indexOf(`step ${step} `) + 6);
    return session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
}
