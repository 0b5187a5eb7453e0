import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

export interface CliResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

const bin = join(repoRoot, 'bin', 'journeymap.cjs');

/** Runs `journeymap` as a user would: a separate Node process, in a given folder. */
export function runCli(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = process.env): CliResult {
    if (!existsSync(join(repoRoot, 'dist', 'cli.js'))) {
        throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does).');
    }
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding the given files (paths may have folders). */
export function workspaceWith(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-'));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), content);
    }
    return dir;
}
