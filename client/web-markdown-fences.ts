/**
 * ```journey fences in the Markdown preview of the web extension (vscode.dev, github.dev). The
 * extension host there is a browser worker, which cannot wait for another worker as the desktop
 * plugin does: a fence is first a "drawing" box, its picture is asked of the language server's
 * worker, and the preview is refreshed when the pictures have come.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { useJourneyFences, type MarkdownIt } from '../markdown/journey-fences.js';
import { DrawFenceRequest } from '../protocol/fence-request.js';
import { editorThemeForFences } from './markdown-fence-theme.js';

export function webMarkdownFences(
    context: vscode.ExtensionContext,
    client: BaseLanguageClient
): (md: MarkdownIt) => MarkdownIt {
    // A map file a fence points at cannot be looked at synchronously here: any edit of a map draws `src` fences anew.
    let mapsEdited = 0;
    context.subscriptions.push(
        vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document.languageId === 'journey' && event.contentChanges.length > 0) mapsEdited++;
        })
    );
    let refresh: ReturnType<typeof setTimeout> | undefined;
    return md => {
        useJourneyFences(md, {
            documentOf: env => String((env.currentDocument as vscode.Uri | undefined)?.toString() ?? ''),
            rootOf: document =>
                (
                    vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(document))?.uri ??
                    vscode.Uri.joinPath(vscode.Uri.parse(document), '..')
                ).toString(),
            draw: request => client.sendRequest(DrawFenceRequest, request),
            stampOf: request => (request.src === undefined ? 0 : mapsEdited),
            // Many fences come back one after another: one refresh for them all.
            onDrawn: () => {
                clearTimeout(refresh);
                refresh = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh'), 50);
            },
            theme: editorThemeForFences
        });
        return md;
    };
}
