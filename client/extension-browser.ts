/**
 * The extension on the web (vscode.dev, github.dev): the language server runs in a web
 * worker and reads files through the extension, with `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser.js';
import { activateJourney, clientOptions } from './activate-journey.js';
import { serveWorkspaceFiles } from './workspace-files.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    client = new LanguageClient('journey', 'Journey Language Server', clientOptions(context), new Worker(serverMain.toString(true)));
    context.subscriptions.push(...serveWorkspaceFiles(client));
    await activateJourney(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
