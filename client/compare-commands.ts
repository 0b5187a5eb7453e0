import * as vscode from 'vscode';
import { gitApi, type GitRepository } from './git-api.js';
import type { JourneyPreview } from './preview-panel.js';

/** An older text of a file to compare the current one with. */
export interface CompareBase {
    label: string;
    text: string;
}

/**
 * "Journey: Compare with HEAD" and "Compare with Revision…": from the editor, the explorer
 * or the Source Control view (whose menus pass the file's URI or resource state). The
 * older text comes from VS Code's Git extension; the preview shows both versions.
 */
export async function compareJourney(preview: JourneyPreview, target: unknown, pickRevision: boolean): Promise<void> {
    const uri = uriOf(target) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri || !uri.path.endsWith('.journey')) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a .journey file to compare it with another version.'));
        return;
    }
    const git = await gitApi();
    const repository = git?.getRepository(uri);
    if (!repository) {
        void vscode.window.showErrorMessage(
            git
                ? vscode.l10n.t(
                      '{0} is not in a git repository, so there is no older version to compare with.',
                      fileName(uri)
                  )
                : vscode.l10n.t(
                      "Compare needs VS Code's built-in Git extension, which is disabled or not available here."
                  )
        );
        return;
    }
    const revision = pickRevision ? await pickCommit(repository, uri) : { ref: 'HEAD', label: 'HEAD' };
    if (!revision) return;
    const base = await olderText(repository, uri, revision);
    await preview.compare(await vscode.workspace.openTextDocument(uri), base);
}

/** A command's argument: a URI (editor title, explorer) or an SCM resource state. */
function uriOf(target: unknown): vscode.Uri | undefined {
    if (target instanceof vscode.Uri) return target;
    const resourceUri = (target as { resourceUri?: unknown } | undefined)?.resourceUri;
    return resourceUri instanceof vscode.Uri ? resourceUri : undefined;
}

async function pickCommit(
    repository: GitRepository,
    uri: vscode.Uri
): Promise<{ ref: string; label: string } | undefined> {
    const commits = await repository.log({ path: uri.fsPath, maxEntries: 50 });
    if (commits.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no commits yet.', fileName(uri)));
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(
        commits.map(commit => ({
            label: commit.message.split('\n')[0],
            description: commit.hash.slice(0, 7),
            detail: [commit.authorName, commit.authorDate?.toLocaleString()].filter(Boolean).join(', '),
            commit
        })),
        { placeHolder: vscode.l10n.t('Compare {0} with the version of…', fileName(uri)), matchOnDescription: true }
    );
    return picked && { ref: picked.commit.hash, label: picked.commit.hash.slice(0, 7) };
}

/** The file's text in that revision; empty when the file did not exist then (everything is new). */
async function olderText(
    repository: GitRepository,
    uri: vscode.Uri,
    revision: { ref: string; label: string }
): Promise<CompareBase> {
    try {
        return { label: revision.label, text: await repository.show(revision.ref, uri.fsPath) };
    } catch {
        return { label: vscode.l10n.t('{0} (file not there yet)', revision.label), text: '' };
    }
}

function fileName(uri: vscode.Uri): string {
    return uri.path.split('/').pop() ?? uri.path;
}
