import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EditRequest, type JourneyEdit } from '../protocol/edit-request.js';

/**
 * A gesture on the preview's map made an edit of the text: the server plans it (`journey/edit`)
 * and VS Code applies it, so Ctrl+Z undoes it and the file shows as changed. An edit the server
 * refuses, or one VS Code cannot apply (a read-only file), changes nothing and says why.
 */
export async function applyMapEdit(
    client: BaseLanguageClient,
    document: vscode.TextDocument,
    edit: JourneyEdit,
    otherFile?: string
): Promise<boolean> {
    // The version is the shown document's; another file (an opportunity of the portfolio)
    // is edited as the server has it.
    const asked =
        otherFile && otherFile !== document.uri.toString()
            ? { textDocument: { uri: otherFile }, edit }
            : { textDocument: { uri: document.uri.toString() }, version: document.version, edit };
    try {
        const planned = await client.sendRequest(EditRequest, asked);
        const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(planned));
        if (!applied)
            void vscode.window.showWarningMessage(
                vscode.l10n.t('The map could not be edited: the file is read only or changed meanwhile.')
            );
        return applied;
    } catch (error) {
        void vscode.window.showWarningMessage(error instanceof Error ? error.message : String(error));
        return false;
    }
}
