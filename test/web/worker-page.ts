/**
 * A test page that plays VS Code's part for the web language server: it starts
 * dist/web/server.js in a worker, speaks LSP to it, and answers its file requests from
 * files the test hands over.
 */
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';

interface Published {
    uri: string;
    diagnostics: Array<{ code?: string; message: string }>;
}

const published: Published[] = [];

async function start(given: Record<string, string>, rootUri: string, messages?: Record<string, string>) {
    // The server sends URIs percent-encoded (售后 → %E5%94%AE…), as VS Code does.
    const files = Object.fromEntries(Object.entries(given).map(([uri, text]) => [encodeURI(uri), text]));
    const worker = new Worker('/dist/web/server.js');
    const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
    const entry = (uri: string) => ({
        uri,
        isFile: uri in files,
        isDirectory: !(uri in files) && Object.keys(files).some(file => file.startsWith(uri.replace(/\/?$/, '/')))
    });
    connection.onRequest('journey/fs/stat', ({ uri }: { uri: string }) =>
        entry(uri).isFile || entry(uri).isDirectory ? entry(uri) : null
    );
    connection.onRequest('journey/fs/readFile', ({ uri }: { uri: string }) => {
        if (!(uri in files)) throw new Error(`${uri} does not exist`);
        return files[uri];
    });
    // Binary files come as `base64:…`; a text file read as bytes is its UTF-8.
    connection.onRequest('journey/fs/readBinary', ({ uri }: { uri: string }) => {
        if (!(uri in files)) throw new Error(`${uri} does not exist`);
        const content = files[uri];
        return content.startsWith('base64:')
            ? content.slice('base64:'.length)
            : btoa(String.fromCharCode(...new TextEncoder().encode(content)));
    });
    connection.onRequest('journey/fs/readDirectory', ({ uri }: { uri: string }) => {
        const prefix = uri.replace(/\/?$/, '/');
        const children = new Set(
            Object.keys(files)
                .filter(file => file.startsWith(prefix))
                .map(file => prefix + file.slice(prefix.length).split('/')[0])
        );
        return [...children].map(entry);
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: Published) => { published.push(params); });
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: null,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'examples' }],
        initializationOptions: { messages },
        capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } }
    });
    connection.sendNotification('initialized', {});
    return connection;
}

let connection: Awaited<ReturnType<typeof start>> | undefined;

(window as unknown as { lsp: object }).lsp = {
    start: async (files: Record<string, string>, rootUri: string, messages?: Record<string, string>) => {
        connection = await start(files, rootUri, messages);
    },
    open: (uri: string, text: string) =>
        connection!.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'journey', version: 1, text }
        }),
    request: (method: string, params: unknown) => connection!.sendRequest(method, params),
    diagnostics: (uri: string) => published.filter(entry => entry.uri === uri).at(-1)?.diagnostics
};
