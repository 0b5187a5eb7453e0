import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One changed .journey file between two revisions (git follows renames). */
export interface ChangedJourney {
    oldPath?: string;
    newPath?: string;
    oldText?: string;
    newText?: string;
}

async function git(args: string[], cwd: string): Promise<string> {
    try {
        return (await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
        const stderr = (error as { stderr?: string }).stderr?.trim();
        throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
    }
}

/**
 * The .journey files changed in `<rev>` (against the working tree) or `<a>..<b>`, with the
 * text of both sides. Paths are relative to the repository's top folder.
 */
export async function changedJourneys(range: string, paths: string[], cwd: string): Promise<{ root: string; files: ChangedJourney[] }> {
    const root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
    const [from, to] = range.includes('..') ? range.split(/\.\.\.?/) : [range, undefined];
    // `-z`: paths exactly as they are, NUL-separated. Without it git quotes any path with a
    // non-ASCII character, space or quote (core.quotePath), none of which ended in `.journey"`,
    // so `退货.journey` was silently left out.
    const listing = await git(['diff', '--name-status', '-z', '-M', from, ...(to ? [to] : []), '--', ...(paths.length > 0 ? paths : ['.'])], cwd);
    const files: ChangedJourney[] = [];
    for (const { status, first, second } of nameStatusEntries(listing)) {
        const oldPath = status.startsWith('A') ? undefined : first;
        const newPath = status.startsWith('D') ? undefined : second ?? first;
        if (![oldPath, newPath].some(path => path?.endsWith('.journey'))) continue;
        files.push({
            oldPath, newPath,
            oldText: oldPath ? await git(['show', `${from}:${oldPath}`], root) : undefined,
            newText: newPath ? (to ? await git(['show', `${to}:${newPath}`], root) : await readFile(join(root, newPath), 'utf8')) : undefined
        });
    }
    return { root, files };
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
