import { AstUtils, UriUtils, type FileSystemProvider, type LangiumDocuments, type URI } from 'langium';
import { parsePathsSnapshot, snapshotFileName, type PathsSnapshot } from '../paths/paths-snapshot.js';
import { isDataSource, type DataSource, type JourneyFile } from './generated/ast.js';
import type { JourneyServices } from './journey-module.js';
import type { JourneyWorkspace } from './journey-workspace.js';
import { t } from '../model/localisation.js';
import { formatMegabytes } from '../model/file-sizes.js';
import { dataFileColumns, isBinaryDataFile, parseDataTable, type DataTable } from '../metrics/data-table.js';

/**
 * Larger data files are refused before they are read: a 2 GB export is no file to read on every
 * start (and no JavaScript string holds more than about 512 MB). Aggregate such data with a query.
 */
export const maxDataFileBytes = 256 * 1024 * 1024;

/** Where a data source's query runs: DuckDB, unless `on postgres`; undefined for an engine we do not know. */
export function queryEngineOf(source: DataSource): 'duckdb' | 'postgres' | undefined {
    return source.engine === undefined ? 'duckdb' : source.engine === 'postgres' ? 'postgres' : undefined;
}

/** Why `on <engine>` is refused, for the editor and for `journeymap data pull`. */
export function unknownEngineMessage(engine: string): string {
    return t("Queries run in DuckDB (write no `on`) or `on postgres`; '{engine}' is neither.", { engine });
}

/** An event log's columns, or why they are not known here (the CLI reads the log itself). */
export type LoadedColumns =
    | Exclude<LoadedSource, { kind: 'table' }>
    | { kind: 'columns'; uri: URI; columns: string[] }
    | { kind: 'too-large'; uri: URI };

export type LoadedSnapshot =
    | { kind: 'snapshot'; uri: URI; snapshot: PathsSnapshot }
    | { kind: 'missing'; uri: URI }
    | { kind: 'unreadable'; uri: URI; reason: string };

export type LoadedSource =
    | { kind: 'table'; uri: URI; table: DataTable }
    | { kind: 'outside'; uri: URI; reason: string }
    | { kind: 'missing'; uri: URI }
    | { kind: 'unreadable'; uri: URI; reason: string };

/**
 * Reads `data` sources through the language's file-system interface (never `fs` directly,
 * so the same code can run in a browser worker). A file is read and parsed once, and again
 * only after the editor reports it changed (`invalidate`), not on every keystroke in a map.
 */
export class DataSources {
    private readonly fileSystem: FileSystemProvider;
    private readonly workspace: JourneyWorkspace;
    private readonly cache = new Map<string, Promise<LoadedSource>>();
    private readonly snapshots = new Map<string, Promise<LoadedSnapshot>>();
    /** The last table read from each file, with the hash of its content: a file rewritten unchanged is not parsed again. */
    private readonly lastRead = new Map<string, { hash: string; table: DataTable }>();
    private changes = 0;
    private readonly documents: LangiumDocuments;

    constructor(services: JourneyServices) {
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.workspace = services.journey.Workspace;
    }

    load(source: DataSource): Promise<LoadedSource> {
        const documentUri = AstUtils.getDocument(source).uri;
        const resolved = this.workspace.resolve(documentUri, source.path);
        if (resolved.kind === 'outside') {
            return Promise.resolve(resolved);
        }
        const key = resolved.uri.toString();
        let loaded = this.cache.get(key);
        if (!loaded) {
            loaded = this.workspace.followLinks(documentUri, resolved).then(checked => (checked.kind === 'outside' ? checked : this.read(checked.uri)));
            this.cache.set(key, loaded);
        }
        return loaded;
    }

    /**
     * The column names of an event log, from its header or schema alone: a log of millions of
     * events is never read into the editor. A log larger than the data-file limit is left to
     * `journeymap paths`, which reads it in DuckDB.
     */
    async logColumns(source: DataSource): Promise<LoadedColumns> {
        const documentUri = AstUtils.getDocument(source).uri;
        const resolved = await this.workspace.followLinks(documentUri, this.workspace.resolve(documentUri, source.path));
        if (resolved.kind === 'outside') return resolved;
        const uri = resolved.uri;
        if (!(await this.exists(uri))) return { kind: 'missing', uri };
        const size = await this.workspace.sizeOf(uri);
        if (size !== undefined && size > maxDataFileBytes) return { kind: 'too-large', uri };
        try {
            const content = isBinaryDataFile(uri.path) ? await this.fileSystem.readBinary(uri) : await this.textHeadOf(uri);
            return { kind: 'columns', uri, columns: dataFileColumns(content, uri.path) };
        } catch (error) {
            return { kind: 'unreadable', uri, reason: error instanceof Error ? error.message : String(error) };
        }
    }

    /**
     * The snapshot of a map's observed paths (`returns.paths.json` beside `returns.journey`),
     * read once until the editor reports it changed.
     */
    pathsSnapshot(documentUri: URI): Promise<LoadedSnapshot> {
        const uri = snapshotUriOf(documentUri);
        const key = uri.toString();
        let loaded = this.snapshots.get(key);
        if (!loaded) {
            loaded = this.readSnapshot(uri);
            this.snapshots.set(key, loaded);
        }
        return loaded;
    }

    private async readSnapshot(uri: URI): Promise<LoadedSnapshot> {
        if (!(await this.exists(uri))) return { kind: 'missing', uri };
        try {
            return { kind: 'snapshot', uri, snapshot: parsePathsSnapshot(await this.fileSystem.readFile(uri)) };
        } catch (error) {
            return { kind: 'unreadable', uri, reason: error instanceof Error ? error.message : String(error) };
        }
    }

    /**
     * A CSV's header line, read alone where the file system allows (a log of a million events
     * is not read to learn its columns); the whole text otherwise, and for JSON.
     */
    private async textHeadOf(uri: URI): Promise<string> {
        if (!uri.path.toLowerCase().endsWith('.json')) {
            const head = await this.workspace.headOf(uri, 64 * 1024);
            const text = head && new TextDecoder().decode(head);
            // Whole lines only: the last one may be cut.
            if (text !== undefined && text.includes('\n')) return text.slice(0, text.lastIndexOf('\n') + 1);
        }
        return this.fileSystem.readFile(uri);
    }

    /** Forgets what was read from these files (URIs as strings): they changed, were created or deleted. */
    invalidate(files: Iterable<string>): void {
        for (const file of files) {
            this.cache.delete(file);
            this.snapshots.delete(file);
        }
        this.changes++;
    }

    /** How many times data files were reported changed: checks of data links made before a change may no longer hold. */
    get generation(): number {
        return this.changes;
    }

    /** The loaded maps with a `data` source that reads one of these files (URIs as strings). */
    documentsReading(files: ReadonlySet<string>): URI[] {
        return this.documents.all
            .filter(document => files.has(snapshotUriOf(document.uri).toString()) || (document.parseResult.value as JourneyFile).elements?.some(element => {
                if (!isDataSource(element)) return false;
                const resolved = this.workspace.resolve(document.uri, element.path);
                return resolved.kind === 'inside' && files.has(resolved.uri.toString());
            }))
            .map(document => document.uri)
            .toArray();
    }

    private async read(uri: URI): Promise<LoadedSource> {
        if (!(await this.exists(uri))) {
            return { kind: 'missing', uri };
        }
        const size = await this.workspace.sizeOf(uri);
        if (size !== undefined && size > maxDataFileBytes) {
            return { kind: 'unreadable', uri, reason: t('it is {size}; data files up to {limit} are read (export a smaller period, or aggregate first)', { size: formatMegabytes(size), limit: formatMegabytes(maxDataFileBytes) }) };
        }
        try {
            const content = isBinaryDataFile(uri.path) ? await this.fileSystem.readBinary(uri) : await this.fileSystem.readFile(uri);
            const hash = contentHash(content);
            const last = this.lastRead.get(uri.toString());
            if (last?.hash === hash) return { kind: 'table', uri, table: last.table };
            const table = await parseDataTable(content, uri.path);
            this.lastRead.set(uri.toString(), { hash, table });
            return { kind: 'table', uri, table };
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

/** Where a map's paths snapshot is: `returns.journey` → `returns.paths.json` beside it. */
export function snapshotUriOf(documentUri: URI): URI {
    return UriUtils.joinPath(UriUtils.dirname(documentUri), snapshotFileName(UriUtils.basename(documentUri)));
}

/**
 * A fingerprint of a file's content: its length and two 32-bit FNV-1a hashes of different
 * seeds. Computed over the text as read, without copying it (a cryptographic digest would
 * need the 100 MB of an export encoded again); it only has to tell a rewritten file from
 * the same content written again.
 */
function contentHash(content: string | Uint8Array): string {
    let first = 0x811c9dc5;
    let second = 0x01000193;
    for (let index = 0; index < content.length; index++) {
        const unit = typeof content === 'string' ? content.charCodeAt(index) : content[index];
        first = Math.imul(first ^ unit, 0x01000193);
        second = Math.imul(second ^ unit, 0x5bd1e995);
    }
    return `${content.length}:${(first >>> 0).toString(16)}:${(second >>> 0).toString(16)}`;
}
