/**
 * The Journey language server in Node. VS Code starts it over IPC; any other editor can
 * run `node dist/server.js --stdio`. Started as a worker thread instead, it draws the
 * ```journey fences of VS Code's Markdown preview (markdown/markdown-it-journey.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { journeyLspExtensions } from './journey-lsp-module.js';
import { startJourneyServer } from './start-journey-server.js';
import { isMainThread } from 'node:worker_threads';
import { answerMarkdownFences } from './markdown-render-worker.js';
import { checkMapsInTheirLanguage } from '../model/node-message-scopes.js';

if (isMainThread) {
    checkMapsInTheirLanguage();
    const connection = createConnection(ProposedFeatures.all);
    startJourneyServer(connection, createNodeJourneyServices(connection, { extensions: journeyLspExtensions }), () =>
        createNodeJourneyServices()
    );
} else {
    answerMarkdownFences();
}
