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

    setRoots(roots: URI[]): void {
        this.roots = [...roots];
    }

    getRoots(): readonly URI[] {
        return this.roots;
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
