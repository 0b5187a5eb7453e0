import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    ReadBinaryRequest,
    ReadDirectoryRequest,
    ReadFileRequest,
    StatRequest,
    type FileEntry
} from '../protocol/file-system-requests.js';

/** Answers the web server's file requests with `vscode.workspace.fs`, which also reads github.dev's virtual files. */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
    return [
        client.onRequest(StatRequest, async ({ uri }) => {
            const target = vscode.Uri.parse(uri);
            const stat = await Promise.resolve(vscode.workspace.fs.stat(target)).catch(() => undefined);
            return stat ? entry(target, stat.type) : null;
        }),
        client.onRequest(ReadFileRequest, async ({ uri }) =>
            new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)))
        ),
        client.onRequest(ReadBinaryRequest, async ({ uri }) =>
            base64Of(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)))
        ),
        client.onRequest(ReadDirectoryRequest, async ({ uri }) => {
            const folder = vscode.Uri.parse(uri);
            const children = await vscode.workspace.fs.readDirectory(folder);
            return children.map(([name, type]) => entry(vscode.Uri.joinPath(folder, name), type));
        })
    ];
}

function entry(uri: vscode.Uri, type: vscode.FileType): FileEntry {
    return {
        uri: uri.toString(),
        isFile: (type & vscode.FileType.File) !== 0,
        isDirectory: (type & vscode.FileType.Directory) !== 0
    };
}

/** Bytes as base64, in pieces: `String.fromCharCode(...bytes)` of a whole file overflows the stack. */
function base64Of(bytes: Uint8Array): string {
    let binary = '';
    for (let offset = 0; offset < bytes.length; offset += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
    return btoa(binary);
}
