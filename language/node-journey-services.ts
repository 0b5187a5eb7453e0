import { realpath } from 'node:fs/promises';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver';
import { createJourneyServices, type JourneyServices } from './journey-module.js';

/**
 * The language on Node's file system (server, CLI, tests): files read with `fs`, and
 * symbolic links followed before a path is trusted to stay inside the workspace.
 */
export function createNodeJourneyServices(connection?: Connection): { shared: LangiumSharedServices; Journey: JourneyServices } {
    const services = createJourneyServices({ ...NodeFileSystem, connection });
    services.Journey.journey.Workspace.followLinksWith(realPathOf);
    return services;
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
