import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EditRequest, type JourneyEdit } from '../protocol/edit-request.js';

/**
 * A gesture on the preview's map made an edit of the text: the server plans it (`journey/edit`)
 * and VS Code applies it, so Ctrl+Z undoes it and the file shows as changed. An edit the server
 * refuses, or one VS Code cannot apply (a read-only file), changes nothing and says why.
 */
export async function applyMapEdit(client: BaseLanguageClient, document: vscode.TextDocument, edit: JourneyEdit): Promise<boolean> {
    try {
        const planned = await client.sendRequest(EditRequest, { textDocument: { uri: document.uri.toString() }, version: document.version, edit });
        const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(planned));
        if (!applied) void vscode.window.showWarningMessage(vscode.l10n.t('The map could not be edited: the file is read only or changed meanwhile.'));
        return applied;
    } catch (error) {
        void vscode.window.showWarningMessage(error instanceof Error ? error.message : String(error));
        return false;
    }
}
