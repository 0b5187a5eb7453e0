/**
 * The Journey language server in Node. VS Code starts it over IPC; any other editor can
 * run `node dist/server.js --stdio`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { journeyLspExtensions } from './journey-lsp-module.js';
import { startJourneyServer } from './start-journey-server.js';

const connection = createConnection(ProposedFeatures.all);
startJourneyServer(connection, createNodeJourneyServices(connection, { extensions: journeyLspExtensions }), () => createNodeJourneyServices());
