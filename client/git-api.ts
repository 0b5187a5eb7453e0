import * as vscode from 'vscode';

/**
 * The few parts of VS Code's built-in Git extension API (`vscode.git`, API version 1) that
 * Compare uses. The extension ships no npm types, so they are declared here as its
 * `git.d.ts` documents them.
 */
export interface GitCommit {
    hash: string;
    message: string;
    authorName?: string;
    authorDate?: Date;
}

export interface GitRepository {
    show(ref: string, path: string): Promise<string>;
    log(options: { path?: string; maxEntries?: number }): Promise<GitCommit[]>;
}

export interface GitApi {
    getRepository(uri: vscode.Uri): GitRepository | null;
}

/**
 * The Git API, activating the extension if needed; undefined where there is none (a browser without git, or git
 * disabled).
 */
export async function gitApi(): Promise<GitApi | undefined> {
    const extension = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): GitApi }>('vscode.git');
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
}
