import { DocumentState, URI } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';
import { useMessageBundle } from '../language/localisation.js';
import type { JourneyInitializationOptions } from './initialization-options.js';
import { registerCompareRequest, type CreateSnapshotServices } from './compare-request-handler.js';
import { DocumentsRebuiltNotification } from './documents-rebuilt.js';
import { registerModelRequest } from './model-request-handler.js';

/**
 * Starts the Journey language server on a connection, the same in Node and in a browser
 * worker: workspace folders as roots, our requests (`journey/model`, `journey/compare`)
 * and the rebuild notices previews listen to.
 */
export function startJourneyServer(connection: Connection, services: { shared: LangiumSharedServices; Journey: JourneyServices }, createSnapshot: CreateSnapshotServices): void {
    const { shared, Journey } = services;
    shared.lsp.LanguageServer.onInitialize(params => {
        // Diagnostics, hovers and quick fixes speak the editor's language: the client sends its message bundle.
        useMessageBundle((params.initializationOptions as JourneyInitializationOptions | undefined)?.messages);
        const folders = params.workspaceFolders?.map(folder => URI.parse(folder.uri))
            ?? (params.rootUri ? [URI.parse(params.rootUri)] : []);
        Journey.journey.Workspace.setRoots(folders);
    });
    registerModelRequest(connection, shared, Journey);
    registerCompareRequest(connection, shared, Journey, createSnapshot);
    // Tell previews when a map was rebuilt, also because an imported map or a data file changed.
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        void connection.sendNotification(DocumentsRebuiltNotification, { uris: documents.map(document => document.uri.toString()) });
    });
    startLanguageServer(shared);
}
