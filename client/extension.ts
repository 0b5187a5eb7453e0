import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { compareJourney } from './compare-commands.js';
import { exportActiveJourney, exportPreviewPng } from './export-commands.js';
import { newJourneyMap } from './new-journey-map.js';
import { JourneyPreview } from './preview-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    const languageClient = client;
    const preview = new JourneyPreview(context, languageClient);
    context.subscriptions.push(
        preview,
        vscode.commands.registerCommand('journey.newJourneyMap', newJourneyMap),
        vscode.commands.registerCommand('journey.openPreview', () => preview.open(false)),
        vscode.commands.registerCommand('journey.openPreviewToSide', () => preview.open(true)),
        vscode.commands.registerCommand('journey.exportSvg', () => exportActiveJourney(languageClient, 'svg')),
        vscode.commands.registerCommand('journey.exportHtml', () => exportActiveJourney(languageClient, 'html')),
        vscode.commands.registerCommand('journey.exportMarkdown', () => exportActiveJourney(languageClient, 'md')),
        vscode.commands.registerCommand('journey.exportPng', () => exportPreviewPng(preview)),
        vscode.commands.registerCommand('journey.compareWithHead', (target?: unknown) => compareJourney(preview, target, false)),
        vscode.commands.registerCommand('journey.compareWithRevision', (target?: unknown) => compareJourney(preview, target, true))
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}

function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'journey' }],
        synchronize: {
            // Data files and other maps change what a map's diagnostics say.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{journey,csv,json}')
        }
    };
    return new LanguageClient('journey', 'Journey Language Server', serverOptions, clientOptions);
}
