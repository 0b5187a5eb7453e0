/**
 * The Journey language server in a browser worker (vscode.dev, github.dev). Files come
 * from the extension through `journey/fs/*` requests; everything else is the Node server's code.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createJourneyServices } from '../language/journey-module.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { journeyLspExtensions } from './journey-lsp-module.js';
import { startJourneyServer } from './start-journey-server.js';

/** The worker's global scope: messages from and to the extension. */
const worker = self as unknown as Worker;

const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const fileSystem = () => new ClientFileSystemProvider(connection);
startJourneyServer(
    connection,
    createJourneyServices({ connection, fileSystemProvider: fileSystem, extensions: journeyLspExtensions }),
    () => createJourneyServices({ fileSystemProvider: fileSystem })
);
