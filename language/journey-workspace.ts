import { URI, UriUtils } from 'langium';
import { t } from '../model/localisation.js';

/** File-system facts beyond Langium's file-system interface; Node has them, a browser may not. */
export interface FileFacts {
    /** The URI with symbolic links followed (unchanged for a missing file). */
    realPath(uri: URI): Promise<URI>;
    /** The size in bytes, or undefined when unknown. */
    size(uri: URI): Promise<number | undefined>;
    /** The first `bytes` bytes of a file, where the file system can read part of a file. */
    head?(uri: URI, bytes: number): Promise<Uint8Array | undefined>;
}

export type ResolvedPath =
    | { kind: 'inside'; uri: URI }
    | { kind: 'outside'; uri: URI; reason: string };

/**
 * Knows the workspace folders, so that imports and data sources can be kept inside them.
 * The language server sets the roots from the client's workspace folders; the CLI sets
 * them from `--root` (default: the current directory). A file outside every root is its
 * own little workspace: it may only reach files below its own folder.
 */
export class JourneyWorkspace {
    private roots: URI[] = [];
    private facts: FileFacts | undefined;

    setRoots(roots: URI[]): void {
        this.roots = [...roots];
    }

    getRoots(): readonly URI[] {
        return this.roots;
    }

    /**
     * What a real file system can tell about files (Node): how to follow symbolic links, so
     * a link inside the workspace to a file outside it is refused like a path that leaves
     * it, and file sizes, so a huge file is refused before it is read.
     */
    useFileFacts(facts: FileFacts): void {
        this.facts = facts;
    }

    /** The size of a file in bytes, where the file system tells it. */
    async sizeOf(uri: URI): Promise<number | undefined> {
        return this.facts?.size(uri);
    }

    /** The first bytes of a file, or undefined where only whole files can be read. */
    async headOf(uri: URI, bytes: number): Promise<Uint8Array | undefined> {
        return this.facts?.head?.(uri, bytes);
    }

    /** Confirms a path that looks inside the workspace also is, once symbolic links are followed. */
    async followLinks(documentUri: URI, resolved: ResolvedPath): Promise<ResolvedPath> {
        if (resolved.kind !== 'inside' || !this.facts) return resolved;
        const root = this.rootFor(documentUri);
        const [realRoot, realTarget] = await Promise.all([this.facts.realPath(root), this.facts.realPath(resolved.uri)]);
        if (isWithin(realRoot, realTarget)) return resolved;
        return { kind: 'outside', uri: resolved.uri, reason: t('is a link to {target}, outside the workspace folder {root}', { target: realTarget.path, root: root.path }) };
    }

    rootFor(documentUri: URI): URI {
        return this.roots.find(root => isWithin(root, documentUri)) ?? UriUtils.dirname(documentUri);
    }

    /** Resolves a path written in a `.journey` file, relative to that file, and checks it stays inside. */
    resolve(documentUri: URI, writtenPath: string | undefined): ResolvedPath {
        const directory = UriUtils.dirname(documentUri);
        if (writtenPath === undefined) {
            // Text that did not parse (`import` without a path): the parser reports it.
            return { kind: 'outside', uri: directory, reason: t('is missing') };
        }
        const uri = UriUtils.resolvePath(directory, writtenPath.replace(/\\/g, '/'));
        if (looksAbsolute(writtenPath)) {
            return { kind: 'outside', uri, reason: t('is absolute; write it relative to this file') };
        }
        const root = this.rootFor(documentUri);
        if (!isWithin(root, uri)) {
            return { kind: 'outside', uri, reason: t('leaves the workspace folder {root}', { root: root.path }) };
        }
        return { kind: 'inside', uri };
    }
}

function looksAbsolute(path: string): boolean {
    return path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path);
}

export function isWithin(folder: URI, target: URI): boolean {
    if (folder.scheme !== target.scheme || folder.authority !== target.authority) {
        return false;
    }
    const prefix = folder.path.endsWith('/') ? folder.path : folder.path + '/';
    return target.path === folder.path || target.path.startsWith(prefix);
}
