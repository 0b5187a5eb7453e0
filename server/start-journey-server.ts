import { DocumentState, URI } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';
import { useMessageBundle } from '../model/localisation.js';
import type { JourneyInitializationOptions } from '../protocol/initialization-options.js';
import { registerCompareRequest, type CreateSnapshotServices } from './compare-request-handler.js';
import { DocumentsRebuiltNotification } from '../protocol/documents-rebuilt.js';
import { registerModelRequest } from './model-request-handler.js';
import { registerPortfolioRequest } from './portfolio-request-handler.js';
import { registerEditRequest } from './edit-request-handler.js';
import { registerFenceRequest } from './fence-request-handler.js';
import { IssueCodes } from '../language/journey-issue-codes.js';
import { refusalOf } from '../language/journey-text-guard.js';
import { answerStaleRequestsModified } from './stale-requests.js';
import { openedDocumentKnown } from './opened-documents.js';

/**
 * Starts the Journey language server on a connection, the same in Node and in a browser
 * worker: workspace folders as roots, our requests (`journey/model`, `journey/compare`, `journey/drawFence`)
 * and the rebuild notices previews listen to.
 */
export function startJourneyServer(
    connection: Connection,
    services: { shared: LangiumSharedServices; Journey: JourneyServices },
    createSnapshot: CreateSnapshotServices
): void {
    const { shared, Journey } = services;
    shared.lsp.LanguageServer.onInitialize(params => {
        // Diagnostics, hovers and quick fixes speak the editor's language: the client sends its message bundle.
        useMessageBundle((params.initializationOptions as JourneyInitializationOptions | undefined)?.messages);
        const folders =
            params.workspaceFolders?.map(folder => URI.parse(folder.uri)) ??
            (params.rootUri ? [URI.parse(params.rootUri)] : []);
        Journey.journey.Workspace.setRoots(folders);
    });
    registerModelRequest(connection, shared, Journey);
    registerPortfolioRequest(connection, shared, Journey);
    registerEditRequest(connection, shared, Journey);
    registerCompareRequest(connection, shared, Journey, createSnapshot);
    registerFenceRequest(connection, createSnapshot);
    // Tell previews when a map was rebuilt, also because an imported map or a data file changed.
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        void connection.sendNotification(DocumentsRebuiltNotification, {
            uris: documents.map(document => document.uri.toString())
        });
    });
    rebuildRefusedOnSettingChange(shared);
    answerStaleRequestsModified(
        connection,
        listener => shared.workspace.TextDocuments.onDidChangeContent(change => listener(change.document.uri)),
        (uri, token) => openedDocumentKnown(shared, uri, token)
    );
    startLanguageServer(shared);
}

/** When `journey.*` settings change, texts refused for their size are read and parsed again under the new limits. */
function rebuildRefusedOnSettingChange(shared: LangiumSharedServices): void {
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'journey') return;
        const refused = shared.workspace.LangiumDocuments.all
            .filter(document => isSizeRefusal(refusalOf(document.parseResult)?.code))
            .map(document => document.uri).toArray();
        if (refused.length > 0) {
            void shared.workspace.WorkspaceLock.write(cancelToken =>
                shared.workspace.DocumentBuilder.update(refused, [], cancelToken)
            );
        }
    });
}

function isSizeRefusal(code: string | undefined): boolean {
    return code === IssueCodes.FileTooLarge || code === IssueCodes.LineTooLong;
}
