import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One changed .journey file between two revisions (git follows renames and copies). */
export interface ChangedJourney {
    /** git's status letter: A added, D deleted, M modified, R renamed, C copied (T type changed). */
    status: string;
    oldPath?: string;
    newPath?: string;
}

/** A range as `journeymap diff --git` takes it: `<rev>` (against the working tree) or `<a>..<b>`. */
export interface RevisionRange {
    from: string;
    /** Undefined: the working tree. */
    to?: string;
}

async function git(args: string[], cwd: string): Promise<string> {
    try {
        return (await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
        const stderr = (error as { stderr?: string }).stderr?.trim();
        throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
    }
}

/**
 * The two sides of a range as git reads it: `<rev>` against the working tree, `<a>..<b>`
 * (either side defaults to HEAD), and `<a>...<b>` from where the two branched.
 */
export async function resolveRange(range: string, cwd: string): Promise<RevisionRange> {
    const symmetric = range.includes('...');
    if (!range.includes('..')) return { from: range };
    const [from, to] = range.split(symmetric ? '...' : '..').map(side => side || 'HEAD');
    return { from: symmetric ? (await git(['merge-base', from, to], cwd)).trim() : from, to };
}

/**
 * The .journey files changed between two revisions (or a revision and the working tree),
 * with paths relative to the repository's top folder. The files themselves are read later,
 * each side at its own revision.
 */
export async function changedJourneys(
    range: RevisionRange,
    paths: string[],
    cwd: string
): Promise<{ root: string; files: ChangedJourney[] }> {
    const root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
    // `-z`: paths exactly as they are, NUL-separated. Without it git quotes any path with a
    // non-ASCII character, space or quote (core.quotePath), none of which ended in `.journey"`,
    // so `退货.journey` was silently left out. `-M -C`: renamed and copied files keep their history.
    const listing = await git(
        [
            'diff',
            '--name-status',
            '-z',
            '-M',
            '-C',
            range.from,
            ...(range.to ? [range.to] : []),
            '--',
            ...(paths.length > 0 ? paths : ['.'])
        ],
        cwd
    );
    const files: ChangedJourney[] = [];
    const snapshots: string[] = [];
    for (const { status, first, second } of nameStatusEntries(listing)) {
        const oldPath = status.startsWith('A') ? undefined : first;
        const newPath = status.startsWith('D') ? undefined : (second ?? first);
        if ([oldPath, newPath].some(path => path?.endsWith('.journey')))
            files.push({ status: status[0], oldPath, newPath });
        else if (newPath?.endsWith('.paths.json')) snapshots.push(newPath);
    }
    files.push(...(await mapsOfSnapshots(snapshots, files, range, root)));
    return { root, files };
}

/**
 * A map whose paths snapshot changed changed too, though its text did not: what customers do is
 * part of what the map says (`returns.paths.json` → `returns.journey`), when the map is on both sides.
 */
async function mapsOfSnapshots(
    snapshots: string[],
    listed: ChangedJourney[],
    range: RevisionRange,
    root: string
): Promise<ChangedJourney[]> {
    const maps: ChangedJourney[] = [];
    for (const snapshot of snapshots) {
        const map = snapshot.replace(/\.paths\.json$/, '.journey');
        if (listed.some(file => file.newPath === map || file.oldPath === map)) continue;
        const onBothSides = await Promise.all([range.from, range.to].map(revision => existsAt(root, revision, map)));
        if (onBothSides.every(Boolean)) maps.push({ status: 'M', oldPath: map, newPath: map });
    }
    return maps;
}

/** Whether a file is there at a revision (undefined: in the working tree). */
async function existsAt(root: string, revision: string | undefined, path: string): Promise<boolean> {
    if (revision === undefined) return access(resolve(root, path)).then(() => true, () => false);
    return git(['cat-file', '-e', `${revision}:${path}`], root).then(() => true, () => false);
}

/** The entries of `git diff --name-status -z`: a status, its path, and for a rename or copy (R, C) the new path. */
export function nameStatusEntries(listing: string): Array<{ status: string; first: string; second?: string }> {
    const fields = listing.split('\0');
    const entries: Array<{ status: string; first: string; second?: string }> = [];
    for (let index = 0; index + 1 < fields.length && fields[index] !== '';) {
        const status = fields[index];
        const twoPaths = status.startsWith('R') || status.startsWith('C');
        entries.push({ status, first: fields[index + 1], second: twoPaths ? fields[index + 2] : undefined });
        index += twoPaths ? 3 : 2;
    }
    return entries;
}

/**
 * Where a file's content lives in a repository: its path, and the revision to read its imports at (none: the working
 * tree).
 */
export interface FileRevision {
    root: string;
    path: string;
    revision?: string;
}

/**
 * Which revision a file that git handed to a textconv driver comes from. Git gives the driver
 * the working-tree file itself, or a temporary copy of a blob and nothing else; the blob's
 * hash finds it: in HEAD's tree, else the latest commit that added it (read there) or
 * replaced it (read in that commit's parent). Undefined outside a repository or for content
 * that no commit has (a staged-only version).
 */
export async function revisionOfFile(file: string, cwd: string): Promise<FileRevision | undefined> {
    const root = await git(['rev-parse', '--show-toplevel'], cwd).then(out => out.trim(), () => undefined);
    if (!root) return undefined;
    const path = relative(root, resolve(cwd, file));
    if (!path.startsWith('..') && !isAbsolute(path) && !path.split(sep).includes('.git'))
        return { root, path: path.split(sep).join('/') };
    const blob = (await git(['hash-object', '--no-filters', '--', resolve(cwd, file)], cwd)).trim();
    const inHead = await git(['ls-tree', '-r', '-z', 'HEAD'], root).catch(() => '');
    for (const entry of inHead.split('\0')) {
        const [meta, entryPath] = [entry.slice(0, entry.indexOf('\t')), entry.slice(entry.indexOf('\t') + 1)];
        if (meta.split(' ')[2] === blob) return { root, path: entryPath, revision: 'HEAD' };
    }
    const log = await git(
        ['log', '--all', '--no-abbrev', '--no-renames', '--raw', '-z', '--format=commit %H', `--find-object=${blob}`],
        root
    );
    let commit = '';
    const fields = log.split('\0');
    for (let index = 0; index < fields.length; index++) {
        const field = fields[index].trim();
        if (field.startsWith('commit ')) commit = field.slice('commit '.length);
        if (!field.startsWith(':')) continue;
        const [, , oldHash, newHash] = field.split(' ');
        const entryPath = fields[++index];
        if (newHash === blob) return { root, path: entryPath, revision: commit };
        if (oldHash === blob) return { root, path: entryPath, revision: `${commit}^` };
    }
    return undefined;
}
