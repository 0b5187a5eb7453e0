import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import {
    ReadBinaryRequest,
    ReadDirectoryRequest,
    ReadFileRequest,
    StatRequest,
    type FileEntry
} from '../protocol/file-system-requests.js';

/** Langium's file access for a server in a browser worker: every read is a request to the extension. */
export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly connection: Connection) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const entry = await this.connection.sendRequest(StatRequest, { uri: uri.toString() });
        if (!entry) throw new Error(`${uri.toString()} does not exist`);
        return node(entry);
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.connection.sendRequest(StatRequest, { uri: uri.toString() })) !== null;
    }

    async readFile(uri: URI): Promise<string> {
        return this.connection.sendRequest(ReadFileRequest, { uri: uri.toString() });
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        const binary = atob(await this.connection.sendRequest(ReadBinaryRequest, { uri: uri.toString() }));
        return Uint8Array.from(binary, character => character.charCodeAt(0));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return (await this.connection.sendRequest(ReadDirectoryRequest, { uri: uri.toString() })).map(node);
    }

    statSync(): FileSystemNode { return noSyncAccess(); }
    existsSync(): boolean { return noSyncAccess(); }
    readBinarySync(): Uint8Array { return noSyncAccess(); }
    readFileSync(): string { return noSyncAccess(); }
    readDirectorySync(): FileSystemNode[] { return noSyncAccess(); }
}

function node(entry: FileEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory };
}

function noSyncAccess(): never {
    throw new Error('Files are read asynchronously in the browser.');
}
