/**
 * The Journey language server. VS Code starts it over IPC; any other editor can run
 * `node dist/server.js --stdio`.
 */
import { DocumentState, URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { registerCompareRequest } from './compare-request-handler.js';
import { DocumentsRebuiltNotification } from './documents-rebuilt.js';
import { registerModelRequest } from './model-request-handler.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Journey } = createNodeJourneyServices(connection);

shared.lsp.LanguageServer.onInitialize(params => {
    const folders = params.workspaceFolders?.map(folder => URI.parse(folder.uri))
        ?? (params.rootUri ? [URI.parse(params.rootUri)] : []);
    Journey.journey.Workspace.setRoots(folders);
});

registerModelRequest(connection, shared, Journey);
// Tell previews when a map was rebuilt, also because an imported map or a data file changed.
shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
    void connection.sendNotification(DocumentsRebuiltNotification, { uris: documents.map(document => document.uri.toString()) });
});
registerCompareRequest(connection, shared, Journey, () => createNodeJourneyServices());
startLanguageServer(shared);
