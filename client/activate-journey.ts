import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { useMessageBundle } from '../language/localisation.js';
import type { JourneyInitializationOptions } from '../server/initialization-options.js';
import { compareJourney } from './compare-commands.js';
import { exportActiveJourney, exportPreviewPng } from './export-commands.js';
import { newJourneyMap } from './new-journey-map.js';
import { JourneyPreview } from './preview-panel.js';

/** The language client's options, the same on the desktop and on the web; the file watcher is disposed with the extension. */
export function clientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
    // Data files and other maps change what a map's diagnostics say.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{journey,csv,json}');
    context.subscriptions.push(watcher);
    const initializationOptions: JourneyInitializationOptions = { messages: vscode.l10n.bundle };
    return { documentSelector: [{ language: 'journey' }], synchronize: { fileEvents: watcher }, initializationOptions };
}

/** Registers the commands and the preview on a language client, then starts it: the desktop and web entries differ only in their client. */
export async function activateJourney(context: vscode.ExtensionContext, client: BaseLanguageClient): Promise<void> {
    // The renderers and the preview page run here too (exports, the webview's page): same language as the editor.
    useMessageBundle(vscode.l10n.bundle);
    const preview = new JourneyPreview(context, client);
    context.subscriptions.push(
        preview,
        vscode.commands.registerCommand('journey.newJourneyMap', newJourneyMap),
        vscode.commands.registerCommand('journey.openPreview', () => preview.open(false)),
        vscode.commands.registerCommand('journey.openPreviewToSide', () => preview.open(true)),
        vscode.commands.registerCommand('journey.exportSvg', () => exportActiveJourney(client, 'svg')),
        vscode.commands.registerCommand('journey.exportHtml', () => exportActiveJourney(client, 'html')),
        vscode.commands.registerCommand('journey.exportMarkdown', () => exportActiveJourney(client, 'md')),
        vscode.commands.registerCommand('journey.exportPng', () => exportPreviewPng(preview)),
        vscode.commands.registerCommand('journey.compareWithHead', (target?: unknown) => compareJourney(preview, target, false)),
        vscode.commands.registerCommand('journey.compareWithRevision', (target?: unknown) => compareJourney(preview, target, true))
    );
    await client.start();
}
