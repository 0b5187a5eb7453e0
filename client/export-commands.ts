import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { renderJourneyHtml, renderJourneyMapSvg, renderJourneyMarkdown } from '../render/index.js';
import { ModelRequest } from '../protocol/model-request.js';
import type { JourneyPreview } from './preview-panel.js';

type ExportFormat = 'svg' | 'html' | 'md';

/** The .journey document in the active editor, or a warning that there is none. */
function activeJourneyDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'journey') return document;
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .journey file to export its map.'));
    return undefined;
}

/** "Journey: Export Map as PNG": rasterised by the preview, so it is exactly what is shown. */
export async function exportPreviewPng(preview: JourneyPreview): Promise<void> {
    const document = activeJourneyDocument();
    if (!document) return;
    const target = await vscode.window.showSaveDialog({
        defaultUri: document.uri.with({ path: document.uri.path.replace(/\.journey$/, '.png') }),
        filters: { PNG: ['png'] }
    });
    if (!target) return;
    try {
        await vscode.workspace.fs.writeFile(target, await preview.exportPng(2));
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(target))
        );
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('PNG export failed: {0}', error instanceof Error ? error.message : String(error))
        );
    }
}

/** "Journey: Export as SVG / HTML / Markdown": the same files as `journeymap render`. */
export async function exportActiveJourney(client: BaseLanguageClient, format: ExportFormat): Promise<void> {
    const document = activeJourneyDocument();
    if (!document) return;
    const result = await client.sendRequest(ModelRequest, { uri: document.uri.toString() });
    if (!result.model) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t(
                'Fix the errors before exporting: line {0}: {1}',
                (result.error?.line ?? 0) + 1,
                result.error?.message ?? ''
            )
        );
        return;
    }
    const model = result.model;
    const journey = model.journeys[0];
    if (!journey) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This file declares no journey.'));
        return;
    }
    const content = format === 'svg' ? renderJourneyMapSvg(model)
        : format === 'html' ? renderJourneyHtml(journey, renderJourneyMapSvg(model))
            : renderJourneyMarkdown(model, journey);
    const target = await vscode.window.showSaveDialog({
        defaultUri: document.uri.with({ path: document.uri.path.replace(/\.journey$/, `.${format}`) }),
        filters: { [format.toUpperCase()]: [format] }
    });
    if (target) {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(target))
        );
    }
}
