import { AstUtils, WorkspaceCache, type FileSystemProvider, type URI } from 'langium';
import type { DataSource } from '../language/generated/ast.js';
import type { JourneyServices } from '../language/journey-module.js';
import type { JourneyWorkspace } from '../language/journey-workspace.js';
import { parseDataTable, type DataTable } from './data-table.js';

export type LoadedSource =
    | { kind: 'table'; uri: URI; table: DataTable }
    | { kind: 'outside'; uri: URI; reason: string }
    | { kind: 'missing'; uri: URI }
    | { kind: 'unreadable'; uri: URI; reason: string };

/**
 * Reads `data` sources through the language's file-system interface (never `fs` directly,
 * so the same code can run in a browser worker). Results are cached until the workspace
 * changes.
 */
export class DataSources {
    private readonly fileSystem: FileSystemProvider;
    private readonly workspace: JourneyWorkspace;
    private readonly cache: WorkspaceCache<string, Promise<LoadedSource>>;

    constructor(services: JourneyServices) {
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.workspace = services.journey.Workspace;
        this.cache = new WorkspaceCache(services.shared);
    }

    load(source: DataSource): Promise<LoadedSource> {
        const resolved = this.workspace.resolve(AstUtils.getDocument(source).uri, source.path);
        if (resolved.kind === 'outside') {
            return Promise.resolve(resolved);
        }
        return this.cache.get(resolved.uri.toString(), () => this.read(resolved.uri));
    }

    private async read(uri: URI): Promise<LoadedSource> {
        if (!(await this.exists(uri))) {
            return { kind: 'missing', uri };
        }
        try {
            const text = await this.fileSystem.readFile(uri);
            return { kind: 'table', uri, table: parseDataTable(text, uri.path) };
        } catch (error) {
            return { kind: 'unreadable', uri, reason: error instanceof Error ? error.message : String(error) };
        }
    }

    private async exists(uri: URI): Promise<boolean> {
        try {
            return (await this.fileSystem.stat(uri)).isFile;
        } catch {
            return false;
        }
    }
}
