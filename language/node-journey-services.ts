import { open, realpath, stat } from 'node:fs/promises';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver';
import { createJourneyServices, type JourneyModuleContext, type JourneyServices, type JourneySharedServices } from './journey-module.js';

/**
 * The language on Node's file system (server, CLI, tests): files read with `fs`, symbolic
 * links followed before a path is trusted to stay inside the workspace, and file sizes
 * known before a data file is read.
 */
export function createNodeJourneyServices(connection?: Connection, options: Pick<JourneyModuleContext, 'fastPath' | 'extensions'> = {}): { shared: JourneySharedServices; Journey: JourneyServices } {
    const services = createJourneyServices({ ...NodeFileSystem, connection, ...options });
    services.Journey.journey.Workspace.useFileFacts({ realPath: realPathOf, size: sizeOf, head: headOf });
    return services;
}

async function sizeOf(uri: URI): Promise<number | undefined> {
    return uri.scheme === 'file' ? stat(uri.fsPath).then(info => info.size, () => undefined) : undefined;
}

/** The first bytes of a file: the header of a CSV log without reading its million rows. */
async function headOf(uri: URI, bytes: number): Promise<Uint8Array | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const file = await open(uri.fsPath, 'r');
    try {
        const buffer = new Uint8Array(bytes);
        const { bytesRead } = await file.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
    } finally {
        await file.close();
    }
}

/** A file URI with its symbolic links followed; unchanged when the file does not exist (it is reported as missing). */
async function realPathOf(uri: URI): Promise<URI> {
    if (uri.scheme !== 'file') return uri;
    try {
        return URI.file(await realpath(uri.fsPath));
    } catch {
        return uri;
    }
}
