import * as vscode from 'vscode';

/**
 * The setting `journey.fastPath` reaches the language server as JOURNEYMAP_FAST_PATH in its
 * environment: the server wires its services once, at start, so a change applies after a reload.
 */
export function serverEnvironment(): NodeJS.ProcessEnv {
    const fastPath = vscode.workspace.getConfiguration('journey').get<boolean>('fastPath', true);
    return { ...process.env, JOURNEYMAP_FAST_PATH: fastPath ? 'on' : 'off' };
}

/** Offers a reload when the setting changes. */
export function watchFastPathSetting(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async change => {
        if (!change.affectsConfiguration('journey.fastPath')) return;
        const reload = vscode.l10n.t('Reload Window');
        const choice = await vscode.window.showInformationMessage(
            vscode.l10n.t('The Journey language server takes the fast-path setting when it starts.'), reload);
        if (choice === reload) await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }));
}
