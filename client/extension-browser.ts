/**
 * The extension on the web (vscode.dev, github.dev): the language server runs in a web
 * worker and reads files through the extension, with `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateJourney, clientOptions } from './activate-journey.js';
import { serveWorkspaceFiles } from './workspace-files.js';
import type { JourneyExtensionApi } from './extension.js';
import { webMarkdownFences } from './web-markdown-fences.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    // The worker itself, not a function that makes it: the client tells a worker from transports by
    // `instanceof Worker`, which VS Code's web extension host, with a Worker of its own, fails.
    const worker = await startServerWorker(context);
    client = new LanguageClient('journey', 'Journey Language Server', worker, clientOptions(context));
    context.subscriptions.push(...serveWorkspaceFiles(client));
    await activateJourney(context, client);
    return { extendMarkdownIt: webMarkdownFences(context, client) };
}

/**
 * The language server's worker. From its URL where the extension is served over http (vscode.dev,
 * github.dev); where it is a remote extension (`vscode-remote:`, as in code-server) VS Code
 * refuses that, so the worker starts from the bundle's bytes, read through VS Code.
 */
async function startServerWorker(context: vscode.ExtensionContext): Promise<Worker> {
    const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    if (serverMain.scheme !== 'vscode-remote') return new Worker(serverMain.toString(true));
    const script = await vscode.workspace.fs.readFile(serverMain);
    return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(script)], { type: 'text/javascript' })));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
