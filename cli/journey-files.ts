import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { t } from '../model/localisation.js';

/** A problem with an input path that stops it from being checked (exit code 2). */
export interface InputProblem {
    path: string;
    message: string;
}

const skippedFolders = new Set(['node_modules', '.git', 'dist', 'out']);

/**
 * Expands the paths given on the command line into `.journey` files: files as given,
 * folders searched recursively (skipping node_modules, dist and hidden folders).
 */
export async function findJourneyFiles(paths: string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
    const files: string[] = [];
    const problems: InputProblem[] = [];
    for (const path of paths) {
        const info = await stat(path).catch(() => undefined);
        if (!info) {
            problems.push({ path, message: t('no such file or folder') });
        } else if (info.isDirectory()) {
            const found = await searchFolder(resolve(path));
            if (found.length === 0) {
                problems.push({ path, message: t('this folder contains no .journey files') });
            }
            files.push(...found);
        } else {
            files.push(resolve(path));
        }
    }
    return { files: [...new Set(files)].sort(), problems };
}

async function searchFolder(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const found: string[] = [];
    for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory() && !entry.name.startsWith('.') && !skippedFolders.has(entry.name)) {
            found.push(...await searchFolder(path));
        } else if (entry.isFile() && entry.name.endsWith('.journey')) {
            found.push(path);
        }
    }
    return found;
}
