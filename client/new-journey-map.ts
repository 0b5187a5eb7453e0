import * as vscode from 'vscode';
import { journeyScaffold, toFileName } from './journey-scaffold.js';

/** "Journey: New Journey Map": asks for a title, writes a scaffold, opens it. */
export async function newJourneyMap(): Promise<void> {
    const title = await vscode.window.showInputBox({
        title: vscode.l10n.t('New Journey Map'),
        prompt: vscode.l10n.t('Title of the journey (for example "First purchase" or "售后维修")'),
        value: 'First purchase',
        validateInput: value => value.trim() === '' ? 'Enter a title' : undefined
    });
    if (title === undefined) {
        return;
    }
    const text = journeyScaffold(title.trim());
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        const document = await vscode.workspace.openTextDocument({ language: 'journey', content: text });
        await vscode.window.showTextDocument(document);
        return;
    }
    const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder.uri, toFileName(title.trim())),
        filters: { 'Journey maps': ['journey'] }
    });
    if (!target) {
        return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(target);
}
