import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type MessageConnection
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { repoRoot } from '../journey-test-kit.js';

/** A plain LSP client on `node dist/server.js --stdio`, as another editor would start it. */
export interface LspSession {
    connection: MessageConnection;
    /** The server's process: `exitCode` stays null while it lives. */
    server: ChildProcess;
    /** The latest diagnostics published for a document; waits for the first. */
    diagnosticsFor(uri: string): Promise<Diagnostic[]>;
    /** Forgets a document's diagnostics, so the next `diagnosticsFor` waits for new ones. */
    forgetDiagnostics(uri: string): void;
    /** Resolves with the next notification of this method whose params pass the test. */
    nextNotification<T>(method: string, test: (params: T) => boolean): Promise<T>;
    open(uri: string, text: string): void;
    stop(): Promise<void>;
}

/**
 * Starts the server on a workspace; `initializationOptions` as the extension would send them
 * (e.g. its message bundle), `settings` as the editor's `journey.*` settings.
 */
export async function startLanguageServer(
    workspaceFolder: string,
    initializationOptions?: object,
    settings: Record<string, unknown> = {}
): Promise<LspSession> {
    const serverJs = join(repoRoot, 'dist', 'server.js');
    assert.ok(existsSync(serverJs), 'dist/server.js is missing: run `npm run build` first (npm test does).');
    const server: ChildProcess = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(
        new StreamMessageReader(server.stdout!),
        new StreamMessageWriter(server.stdin!)
    );
    const diagnostics = new Map<string, Diagnostic[]>();
    const waiters: Array<() => void> = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        diagnostics.set(params.uri, params.diagnostics);
        waiters.splice(0).forEach(wake => wake());
    });
    const listeners: Array<(method: string, params: unknown) => void> = [];
    connection.onNotification((method: string, params: unknown) =>
        listeners.forEach(listener => listener(method, params))
    );
    connection.onRequest('workspace/configuration', () => [settings]);
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const workspaceUri = pathToFileURL(workspaceFolder).toString();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: workspaceUri,
        workspaceFolders: [{ uri: workspaceUri, name: 'workspace' }],
        initializationOptions,
        capabilities: {
            workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { hover: { contentFormat: ['markdown'] } }
        }
    });
    connection.sendNotification('initialized', {});
    return {
        connection,
        server,
        async diagnosticsFor(uri) {
            while (!diagnostics.has(uri)) await new Promise<void>(resolve => waiters.push(resolve));
            return diagnostics.get(uri)!;
        },
        forgetDiagnostics: uri => {
            diagnostics.delete(uri);
        },
        nextNotification: <T,>(method: string, test: (params: T) => boolean) =>
            new Promise<T>(resolve => {
                const listener = (received: string, params: unknown) => {
                    if (received === method && test(params as T)) {
                        listeners.splice(listeners.indexOf(listener), 1);
                        resolve(params as T);
                    }
                };
                listeners.push(listener);
            }),
        open: (uri, text) =>
            connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'journey', version: 1, text }
            }),
        async stop() {
            await connection.sendRequest('shutdown').catch(() => undefined);
            await connection.sendNotification('exit').catch(() => undefined);
            connection.dispose();
            server.kill();
        }
    };
}

/** Published diagnostics as `line:char-line:char code message`, to compare two servers' (or two moments') exactly. */
export function describePublished(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(
        d =>
            `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`
    );
}
