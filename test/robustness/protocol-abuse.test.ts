import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { startLanguageServer, type LspSession } from '../e2e/lsp-client.js';

/** Whatever a client sends, the server answers (a result or an error) and keeps serving. */
describe('the language server under protocol abuse', function () {
    this.timeout(120_000);
    let workspace: string;
    let session: LspSession;
    let uri: string;
    const text = 'persona Ana "Ana"\njourney J {\n  persona Ana\n  stage S {\n    step A { emotion 3 }\n  }\n}\n';

    before(async () => {
        workspace = mkdtempSync(join(tmpdir(), 'journey-abuse-'));
        session = await startLanguageServer(workspace);
        uri = pathToFileURL(join(workspace, 'abused.journey')).toString();
        session.open(uri, text);
        await session.diagnosticsFor(uri);
    });

    after(async () => {
        await session?.stop();
        rmSync(workspace, { recursive: true, force: true });
    });

    /** The answer to a request: its result, or the error's code. */
    async function answer(method: string, params: unknown): Promise<{ result?: unknown; error?: number }> {
        return session.connection.sendRequest(method, params).then(
            result => ({ result }),
            (error: { code: number }) => ({ error: error.code })
        );
    }

    /** An error, or a result with nothing in it. */
    function isEmpty({ result, error }: { result?: unknown; error?: number }): boolean {
        return error !== undefined || result === null || (Array.isArray(result) && result.length === 0);
    }

    function assertAlive(): void {
        assert.equal(session.server.exitCode, null, 'the server exited');
    }

    it('answers positions before the start or past the end with empty results', async () => {
        for (const position of [
            { line: -1, character: -5 },
            { line: 1_000_000, character: 1_000_000 },
            { line: 0.5, character: Number.MAX_SAFE_INTEGER }
        ]) {
            for (const method of [
                'textDocument/hover',
                'textDocument/definition',
                'textDocument/references',
                'textDocument/prepareRename'
            ]) {
                assert.ok(
                    isEmpty(
                        await answer(method, { textDocument: { uri }, position, context: { includeDeclaration: true } })
                    ),
                    `${method} at ${JSON.stringify(position)}`
                );
            }
            // Completion clamps the position to the text: it may offer the keywords of the end of the file.
            const completion = await answer('textDocument/completion', { textDocument: { uri }, position });
            assert.ok(completion.error !== undefined || completion.result !== undefined);
        }
        assertAlive();
    });

    it('answers requests for documents never opened, and for unknown methods, without dying', async () => {
        const never = pathToFileURL(join(workspace, 'never-opened.journey')).toString();
        const position = { line: 0, character: 0 };
        for (const [method, params] of [
            ['textDocument/hover', { textDocument: { uri: never }, position }],
            ['textDocument/documentSymbol', { textDocument: { uri: never } }],
            ['textDocument/completion', { textDocument: { uri: 'untitled:nothing' }, position }],
            [
                'textDocument/formatting',
                { textDocument: { uri: 'file:///elsewhere/x.txt' }, options: { tabSize: 2, insertSpaces: true } }
            ],
            ['textDocument/hover', {}],
            ['textDocument/hover', null],
            ['journey/model', { uri: never }],
            ['no/such/method', {}]
        ] as const) {
            const answered = await answer(method, params);
            const noModel =
                method === 'journey/model' &&
                typeof answered.result === 'object' &&
                !(answered.result as { model?: unknown })?.model;
            assert.ok(isEmpty(answered) || noModel, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answered)}`);
        }
        assertAlive();
    });

    it('takes a change with an inverted range as the range it spans, and a change to an unopened document as nothing', async () => {
        session.forgetDiagnostics(uri);
        // Replace `3` of `emotion 3` by 9 with start and end swapped: the server must end with the out-of-scale error.
        const line = 4;
        const character = text.split('\n')[line].indexOf('3');
        session.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [
                { range: { start: { line, character: character + 1 }, end: { line, character } }, text: '9' }
            ]
        });
        session.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: pathToFileURL(join(workspace, 'unopened.journey')).toString(), version: 7 },
            contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]
        });
        const diagnostics = await session.diagnosticsFor(uri);
        assert.deepEqual(
            diagnostics.map(diagnostic => diagnostic.code),
            ['emotion-out-of-scale']
        );
        const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 2, character: 11 }
        });
        assert.match((hover?.contents as MarkupContent).value, /Ana/);
        assertAlive();
    });

    it('opens binary text and a text over the size limit with one diagnostic each', async () => {
        const binary = pathToFileURL(join(workspace, 'binary.journey')).toString();
        const huge = pathToFileURL(join(workspace, 'huge.journey')).toString();
        session.open(binary, '\u0000\u0001\u0002PNG\u00ff\ufffd'.repeat(1000));
        session.open(huge, 'persona Ana\n' + `// ${'x'.repeat(97)}\n`.repeat(63_000));
        assert.deepEqual((await session.diagnosticsFor(binary)).map(diagnostic => diagnostic.code), ['binary-file']);
        assert.deepEqual((await session.diagnosticsFor(huge)).map(diagnostic => diagnostic.code), ['file-too-large']);
        const { result } = await answer('textDocument/completion', {
            textDocument: { uri: huge },
            position: { line: 1, character: 5 }
        });
        assert.ok(result === null || (result as { items: unknown[] }).items.length === 0);
        assertAlive();

        // A larger limit in the settings: the file is parsed and checked.
        session.forgetDiagnostics(huge);
        session.connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { journey: { maxFileSize: 10 } }
        });
        assert.deepEqual((await session.diagnosticsFor(huge)).map(diagnostic => diagnostic.code), ['unused-persona']);
    });

    it('opens a line holding a string of 5,000,000 characters, inside the workspace and outside it, and keeps answering', async () => {
        const text = `persona Ana "${'a'.repeat(5_000_000)}"\n`;
        const inside = pathToFileURL(join(workspace, 'long-string.journey')).toString();
        const outside = pathToFileURL(join(tmpdir(), 'journey-outside-long-string.journey')).toString();
        session.open(inside, text);
        session.open(outside, text);
        assert.deepEqual(
            (await session.diagnosticsFor(inside)).map(diagnostic => diagnostic.code),
            ['line-too-long']
        );
        assert.deepEqual(
            (await session.diagnosticsFor(outside)).map(diagnostic => diagnostic.code),
            ['line-too-long']
        );
        const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 2, character: 11 }
        });
        assert.match((hover?.contents as MarkupContent).value, /Ana/);

        // With the line limit raised, the string is lexed in one pass and the file checked.
        session.forgetDiagnostics(inside);
        session.connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { journey: { maxLineLength: 10_000_000 } }
        });
        assert.deepEqual(
            (await session.diagnosticsFor(inside)).map(diagnostic => diagnostic.code),
            ['unused-persona']
        );
        assertAlive();
    });
});
