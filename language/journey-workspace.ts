import { URI, UriUtils } from 'langium';

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
    private realPath: ((uri: URI) => Promise<URI>) | undefined;

    setRoots(roots: URI[]): void {
        this.roots = [...roots];
    }

    getRoots(): readonly URI[] {
        return this.roots;
    }

    /**
     * Where the file system has symbolic links (Node), how to follow them: then a link
     * inside the workspace to a file outside it is refused like a path that leaves it.
     */
    followLinksWith(realPath: (uri: URI) => Promise<URI>): void {
        this.realPath = realPath;
    }

    /** Confirms a path that looks inside the workspace also is, once symbolic links are followed. */
    async followLinks(documentUri: URI, resolved: ResolvedPath): Promise<ResolvedPath> {
        if (resolved.kind !== 'inside' || !this.realPath) return resolved;
        const root = this.rootFor(documentUri);
        const [realRoot, realTarget] = await Promise.all([this.realPath(root), this.realPath(resolved.uri)]);
        if (isWithin(realRoot, realTarget)) return resolved;
        return { kind: 'outside', uri: resolved.uri, reason: `is a link to ${realTarget.path}, outside the workspace folder ${root.path}` };
    }

    rootFor(documentUri: URI): URI {
        return this.roots.find(root => isWithin(root, documentUri)) ?? UriUtils.dirname(documentUri);
    }

    /** Resolves a path written in a `.journey` file, relative to that file, and checks it stays inside. */
    resolve(documentUri: URI, writtenPath: string): ResolvedPath {
        const directory = UriUtils.dirname(documentUri);
        const uri = UriUtils.resolvePath(directory, writtenPath.replace(/\\/g, '/'));
        if (looksAbsolute(writtenPath)) {
            return { kind: 'outside', uri, reason: 'is absolute; write it relative to this file' };
        }
        const root = this.rootFor(documentUri);
        if (!isWithin(root, uri)) {
            return { kind: 'outside', uri, reason: `leaves the workspace folder ${root.path}` };
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
