import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
    CompletionList,
    DocumentSymbol,
    Hover,
    Location,
    MarkupContent,
    TextEdit,
    WorkspaceEdit,
    WorkspaceSymbol
} from 'vscode-languageserver';
import type { CompareRequestResult } from '../../protocol/compare-request.js';
import type { ModelRequestResult } from '../../protocol/model-request.js';
import { designDir } from '../journey-test-kit.js';
import { describePublished, startLanguageServer, type LspSession } from './lsp-client.js';

/**
 * Another editor's view: a plain LSP client talking to `node dist/server.js --stdio`
 * about the design examples (test/fixtures/design/).
 */
describe('language server over stdio (node dist/server.js --stdio)', () => {
    let session: LspSession;
    let connection: LspSession['connection'];
    const checkoutUri = pathToFileURL(join(designDir, 'checkout.journey')).toString();
    const peopleUri = pathToFileURL(join(designDir, 'people.journey')).toString();
    const checkoutText = readFileSync(join(designDir, 'checkout.journey'), 'utf8');

    function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
        let offset = -1;
        for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
        assert.ok(offset >= 0, `${needle} not found`);
        const before = text.slice(0, offset).split('\n');
        return { line: before.length - 1, character: before.at(-1)!.length };
    }

    const diagnosticsFor = (uri: string) => session.diagnosticsFor(uri);

    before(async () => {
        session = await startLanguageServer(designDir);
        connection = session.connection;
        session.open(checkoutUri, checkoutText);
    });

    after(async () => session?.stop());

    it('publishes no diagnostics for the design example (test/fixtures/design/)', async () => {
        assert.deepEqual(await diagnosticsFor(checkoutUri), []);
    });

    it('answers completion with the personas visible through the import', async () => {
        const list = await connection.sendRequest<CompletionList>('textDocument/completion', {
            textDocument: { uri: checkoutUri }, position: positionOf(checkoutText, 'Ana')
        });
        const items = Array.isArray(list) ? list : list.items;
        assert.ok(items.some(item => item.label === 'Ana'), items.map(item => item.label).join(', '));
    });

    it('answers hover with the persona card', async () => {
        const hover = await connection.sendRequest<Hover>('textDocument/hover', {
            textDocument: { uri: checkoutUri },
            position: positionOf(checkoutText, 'Ana')
        });
        assert.match((hover.contents as MarkupContent).value, /\*\*Persona\*\* `Ana`/);
    });

    it('answers definition with the persona in people.journey', async () => {
        const result = await connection.sendRequest<Location[] | Location>('textDocument/definition', {
            textDocument: { uri: checkoutUri },
            position: positionOf(checkoutText, 'Ana')
        });
        const locations = Array.isArray(result) ? result : [result];
        assert.equal((locations[0] as { targetUri?: string; uri?: string }).targetUri ?? locations[0].uri, peopleUri);
    });

    it('answers references to a metric', async () => {
        const locations = await connection.sendRequest<Location[]>('textDocument/references', {
            textDocument: { uri: checkoutUri },
            position: positionOf(checkoutText, 'conversion'),
            context: { includeDeclaration: true }
        });
        assert.equal(locations.length, 2);
    });

    it('answers rename with edits in both files', async () => {
        const edit = await connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: checkoutUri },
            position: positionOf(checkoutText, 'Ana'),
            newName: 'Anna'
        });
        assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [checkoutUri, peopleUri].sort());
    });

    it('answers document symbols as journey › stage › step and workspace symbols', async () => {
        const symbols = await connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
            textDocument: { uri: checkoutUri }
        });
        const journey = symbols.find(symbol => symbol.name === 'FirstPurchase');
        assert.deepEqual(journey?.children?.map(stage => stage.name), ['Awareness', 'Consideration', 'Purchase']);
        const found = await connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'Compare' });
        assert.ok(found.some(symbol => symbol.name === 'Compare'));
    });

    it('answers formatting with edits that tidy a messy document', async () => {
        const uri = pathToFileURL(join(designDir, 'messy.journey')).toString();
        connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'journey', version: 1, text: 'persona   P {\nrole "r"\n}' }
        });
        const edits = await connection.sendRequest<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri },
            options: { tabSize: 2, insertSpaces: true }
        });
        assert.ok(edits.length > 0);
        assert.ok(edits.some(edit => edit.newText === '\n  '), JSON.stringify(edits));
    });

    it('answers journey/model with the model, or with the first error of a broken map', async () => {
        const good = await connection.sendRequest<ModelRequestResult>('journey/model', { uri: checkoutUri });
        assert.equal(good.model?.journeys[0].name, 'FirstPurchase');
        assert.equal(
            good.model?.journeys[0].stages[0].steps[0].metrics[0].value,
            14.5,
            'the data-linked value is read'
        );
        const uri = pathToFileURL(join(designDir, 'broken-model.journey')).toString();
        connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'journey', version: 1, text: 'journey B {\n  persona Nobody\n}' }
        });
        const bad = await connection.sendRequest<ModelRequestResult>('journey/model', { uri });
        assert.equal(bad.model, undefined);
        assert.deepEqual([bad.error?.line, bad.error?.character], [1, 10]);
        assert.match(bad.error?.message ?? '', /Unknown persona 'Nobody'/);
    });

    it('answers journey/compare with the changes since an older text, built apart from the open workspace', async () => {
        const older = checkoutText
            .replace('emotion 2 anxious', 'emotion 4 anxious')
            .replace('      pain "Ad does not show a price"\n', '');
        const result = await connection.sendRequest<CompareRequestResult>('journey/compare', {
            uri: checkoutUri,
            baseText: older
        });
        assert.equal(result.error, undefined);
        assert.deepEqual(
            result.changes.map(change => change.summary),
            [
                "Step 'Sees a social ad': pain point added: “Ad does not show a price”",
                "Emotion of 'Compares offers' fell from 4 to 2"
            ]
        );
        assert.deepEqual(
            result.emotions[0].points.find(point => point.step === 'Compare'),
            { step: 'Compare', label: 'Compares offers', before: 4, after: 2 }
        );
        assert.equal(
            result.before?.journeys[0].stages[0].steps[0].metrics[0].value,
            14.5,
            'the older version reads its imports and data too'
        );
        const again = await connection.sendRequest<ModelRequestResult>('journey/model', { uri: checkoutUri });
        assert.equal(again.model?.journeys[0].stages[1].steps[0].emotion?.score, 2, 'the open document is untouched');
        const broken = await connection.sendRequest<CompareRequestResult>('journey/compare', {
            uri: checkoutUri,
            baseText: 'journey J { stage'
        });
        assert.match(broken.error ?? '', /older version has syntax errors/);
        const added = await connection.sendRequest<CompareRequestResult>('journey/compare', {
            uri: checkoutUri,
            baseText: ''
        });
        assert.equal(added.changes.find(change => change.element === 'journey')?.kind, 'added');
    });

    it('publishes the three errors of a broken map as it is typed', async () => {
        const uri = pathToFileURL(join(designDir, 'typed.journey')).toString();
        connection.sendNotification('textDocument/didOpen', {
            textDocument: {
                uri,
                languageId: 'journey',
                version: 1,
                text: 'journey B { stage S { step A { emotion 3 } } }'
            }
        });
        assert.deepEqual(await diagnosticsFor(uri), []);
        session.forgetDiagnostics(uri);
        connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [
                { text: 'journey B { persona Bob stage S { step A { emotion 9 } step A { emotion 3 } } }' }
            ]
        });
        const published = await diagnosticsFor(uri);
        assert.deepEqual(published.map(d => d.code).sort(), [
            'duplicate-name',
            'emotion-out-of-scale',
            'unresolved-reference'
        ]);
    });

    it('publishes, after each edit typed inside a step, what opening the new text publishes', async () => {
        // Edits inside one step take the server's incremental path: one step parsed, linked and checked again.
        const uri = pathToFileURL(join(designDir, 'typed-steps.journey')).toString();
        let text =
            'persona Ana "Ana"\njourney B {\n  persona Ana\n  stage S {\n    step A { emotion 3 }\n    step B { emotion 9 }  step C { next A emotion 2 }\n  }\n}\n';
        const edits: Array<[string, string]> = [
            ['emotion 3', 'emotion 3\n      pain "贵 <script>"\n   '],
            ['emotion 3', 'emotion 7'],
            ['next A', 'next X'],
            ['emotion 9', 'emotion 4']
        ];
        session.open(uri, text);
        await diagnosticsFor(uri);
        for (const [index, [before, after]] of edits.entries()) {
            session.forgetDiagnostics(uri);
            // Each replaced text is on one line.
            const start = positionOf(text, before);
            const end = { line: start.line, character: start.character + before.length };
            connection.sendNotification('textDocument/didChange', {
                textDocument: { uri, version: index + 2 },
                contentChanges: [{ range: { start, end }, text: after }]
            });
            text = text.replace(before, after);
            const typed = describePublished(await diagnosticsFor(uri));
            const fresh = pathToFileURL(join(designDir, `typed-steps-${index}.journey`)).toString();
            session.open(fresh, text);
            assert.deepEqual(
                typed,
                describePublished(await diagnosticsFor(fresh)),
                `after edit ${index + 1}: ${after}`
            );
        }
        assert.match(text, /next X/);
    });
});
