import { RequestType } from 'vscode-jsonrpc';

/**
 * In a browser the server cannot read files: it asks the extension, which reads them with
 * `vscode.workspace.fs` (also from github.dev's virtual file systems).
 */
export interface FileEntry {
    uri: string;
    isFile: boolean;
    isDirectory: boolean;
}

/** The entry for a URI, or null when there is none. */
export const StatRequest = new RequestType<{ uri: string }, FileEntry | null, void>('journey/fs/stat');
/** A file's text (UTF-8); fails when it cannot be read. */
export const ReadFileRequest = new RequestType<{ uri: string }, string, void>('journey/fs/readFile');
/** A file's bytes, base64-encoded (JSON-RPC carries text): Parquet data files. */
export const ReadBinaryRequest = new RequestType<{ uri: string }, string, void>('journey/fs/readBinary');
/** The entries of a folder. */
export const ReadDirectoryRequest = new RequestType<{ uri: string }, FileEntry[], void>('journey/fs/readDirectory');
