import * as vscode from 'vscode';
import {
    CloseAction,
    ErrorAction,
    type BaseLanguageClient,
    type ErrorHandler,
    type LanguageClientOptions
} from 'vscode-languageclient';
import { useMessageBundle } from '../model/localisation.js';
import type { JourneyInitializationOptions } from '../protocol/initialization-options.js';
import { compareJourney } from './compare-commands.js';
import { exportActiveJourney, exportPreviewPng } from './export-commands.js';
import { newJourneyMap } from './new-journey-map.js';
import { JourneyPreview } from './preview-panel.js';
import { ServerWatchdog } from './server-watchdog.js';

/**
 * The language client's options, the same on the desktop and on the web; the file watcher is
 * disposed with the extension. A server that dies is started again (see ServerWatchdog).
 */
export function clientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
    // Data files and other maps change what a map's diagnostics say.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{journey,csv,json,parquet}');
    context.subscriptions.push(watcher);
    const initializationOptions: JourneyInitializationOptions = { messages: vscode.l10n.bundle };
    const outputChannel = vscode.window.createOutputChannel('Journey Language Server', { log: true });
    context.subscriptions.push(outputChannel);
    return {
        documentSelector: [{ language: 'journey' }],
        synchronize: { fileEvents: watcher, configurationSection: 'journey' },
        initializationOptions,
        outputChannel,
        errorHandler: watchdogHandler(outputChannel)
    };
}

/** The client's error handler: the watchdog decides, VS Code's notifications tell, the output channel is the log. */
function watchdogHandler(outputChannel: vscode.OutputChannel): ErrorHandler {
    const watchdog = new ServerWatchdog({
        warn: message => { void vscode.window.showWarningMessage(message); },
        fail: async (message, button) => vscode.window.showErrorMessage(message, button),
        showLog: () => outputChannel.show(true)
    });
    return {
        // `handled`: the watchdog told the user already, the client need not say it again.
        error: (_error, _message, count) => ({
            action: watchdog.connectionError(count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown,
            handled: true
        }),
        closed: () => ({
            action: watchdog.serverDied() === 'restart' ? CloseAction.Restart : CloseAction.DoNotRestart,
            handled: true
        })
    };
}

/**
 * Registers the commands and the preview on a language client, then starts it: the desktop and web entries differ only
 * in their client.
 */
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
        vscode.commands.registerCommand('journey.compareWithHead', (target?: unknown) =>
            compareJourney(preview, target, false)
        ),
        vscode.commands.registerCommand('journey.compareWithRevision', (target?: unknown) =>
            compareJourney(preview, target, true)
        )
    );
    await client.start();
}
