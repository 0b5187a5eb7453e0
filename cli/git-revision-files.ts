import { execFile } from 'node:child_process';
import { relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { FileSystemNode, FileSystemProvider, URI } from 'langium';
import { createJourneyServices, type JourneyServices } from '../language/journey-module.js';
import type { LangiumSharedServices } from 'langium/lsp';

const run = promisify(execFile);

/**
 * The files of a repository as they were at one revision (`git show <rev>:<path>`), for the
 * language's file-system interface: a map of an older revision imports and reads data from
 * that same revision, so a diff never shows linked values changing because the working tree
 * moved on. Paths outside the repository do not exist here. Read only: nothing is written.
 */
export class GitRevisionFileSystemProvider implements FileSystemProvider {
    private readonly objects = new Map<string, Promise<{ type: string; size: number } | undefined>>();

    constructor(private readonly root: string, private readonly revision: string) {}

    /** `rev:path` for a file URI inside the repository, with git's forward slashes. */
    private objectName(uri: URI): string | undefined {
        const path = relative(this.root, uri.fsPath);
        if (path === '' || path.startsWith('..') || path.includes(`..${sep}`)) return undefined;
        return `${this.revision}:${path.split(sep).join('/')}`;
    }

    /** What git has at a path of the revision: its type (blob, tree) and size, or nothing. */
    private object(uri: URI): Promise<{ type: string; size: number } | undefined> {
        const name = this.objectName(uri);
        if (name === undefined) return Promise.resolve(undefined);
        let found = this.objects.get(name);
        if (!found) {
            found = treeEntry(this.root, this.revision, name.slice(this.revision.length + 1));
            this.objects.set(name, found);
        }
        return found;
    }

    async size(uri: URI): Promise<number | undefined> {
        return (await this.object(uri))?.size;
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        const object = await this.object(uri);
        if (!object) throw new Error(`${uri.fsPath} does not exist at ${this.revision}`);
        return { uri, isFile: object.type === 'blob', isDirectory: object.type === 'tree' };
    }

    statSync(): FileSystemNode {
        throw new Error('files of a git revision are read asynchronously');
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.object(uri)) !== undefined;
    }

    existsSync(): boolean {
        throw new Error('files of a git revision are read asynchronously');
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        const name = this.objectName(uri);
        if (name === undefined || !(await this.object(uri)))
            throw new Error(`${uri.fsPath} does not exist at ${this.revision}`);
        return (
            await run('git', ['cat-file', 'blob', name], {
                cwd: this.root,
                encoding: 'buffer',
                maxBuffer: 256 * 1024 * 1024
            })
        ).stdout;
    }

    readBinarySync(): Uint8Array {
        throw new Error('files of a git revision are read asynchronously');
    }

    async readFile(uri: URI): Promise<string> {
        return new TextDecoder().decode(await this.readBinary(uri));
    }

    readFileSync(): string {
        throw new Error('files of a git revision are read asynchronously');
    }

    async readDirectory(): Promise<FileSystemNode[]> {
        return []; // the CLI names its files; nothing scans a revision's folders
    }

    readDirectorySync(): FileSystemNode[] {
        return [];
    }
}

/**
 * What the revision's tree holds at a path: `git ls-tree -l -z` prints `<mode> <type> <sha> <size>\t<path>`
 * (size `-` for a folder). Literal pathspecs, so a `*` or `?` in a file name matches only itself.
 */
async function treeEntry(
    root: string,
    revision: string,
    path: string
): Promise<{ type: string; size: number } | undefined> {
    try {
        const { stdout } = await run('git', ['--literal-pathspecs', 'ls-tree', '-l', '-z', revision, '--', path], {
            cwd: root,
            maxBuffer: 1024 * 1024
        });
        const entry = stdout.split('\0').find(line => line.slice(line.indexOf('\t') + 1) === path);
        if (!entry) return undefined;
        const [, type, , size] = entry.slice(0, entry.indexOf('\t')).trim().split(/\s+/);
        return { type, size: size === '-' ? 0 : Number(size) };
    } catch {
        return undefined;
    }
}

/** The language's services over a revision's files: imports, data and their sizes read from git. */
export function createRevisionJourneyServices(
    root: string,
    revision: string
): { shared: LangiumSharedServices; Journey: JourneyServices } {
    const files = new GitRevisionFileSystemProvider(root, revision);
    const services = createJourneyServices({ fileSystemProvider: () => files });
    // A revision has no symbolic links to follow out of the repository: git stores a link as a blob with its target's
    // name.
    services.Journey.journey.Workspace.useFileFacts({ realPath: async uri => uri, size: uri => files.size(uri) });
    return services;
}
