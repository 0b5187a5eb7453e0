/**
 * bench/workspace: a repository of 1,000 maps of 50 steps, each importing one shared persona
 * file — the shape of a team's repository — opened in the language server over stdio, and
 * checked with `journeymap check`. Prints, with the baseline (JSON.parse of the same content,
 * measured in the same run) and each target as met or missed:
 *   - the opened file's first diagnostics, against the same file in a workspace of its own (≤ 2×);
 *   - diagnostics for the whole workspace (≤ 50× JSON.parse);
 *   - `journeymap check` of it on every processor against one thread (≤ 0.65×), and `--cache`
 *     after editing one map against the whole check (≤ 0.10×);
 *   - the server's resident memory once the workspace is built (≤ 300 MB).
 *   npm run build && node --import tsx bench/workspace.ts [maps] [steps]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLanguageServer } from '../test/e2e/lsp-client.js';
import { writeWorkspace } from './workspace-maps.js';

const maps = Number(process.argv[2] ?? 1000);
const steps = Number(process.argv[3] ?? 50);

/** The fastest of a few runs, in milliseconds. */
function fastest(runs: number, work: () => void): number {
    let best = Infinity;
    for (let run = 0; run < runs; run++) {
        const start = performance.now();
        work();
        best = Math.min(best, performance.now() - start);
    }
    return best;
}

const residentMb = (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/**
 * Opens the workspace in a fresh server, opens one file: when its diagnostics came, when every file's had, and the
 * memory then.
 */
async function openInServer(
    folder: string,
    opened: string,
    files: number
): Promise<{ openedMs: number; allMs: number; residentMb: number }> {
    const start = performance.now();
    const session = await startLanguageServer(folder);
    const uri = pathToFileURL(opened).toString();
    const published = new Set<string>();
    let openedMs = 0;
    let allMs = 0;
    let done: () => void = () => undefined;
    const everything = new Promise<void>(resolve => {
        done = resolve;
    });
    // One handler for the method (a second would replace the session's own).
    session.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
        published.add(params.uri);
        if (params.uri === uri && openedMs === 0) openedMs = performance.now() - start;
        if (published.size === files && allMs === 0) {
            allMs = performance.now() - start;
            done();
        }
    });
    session.open(uri, readFileSync(opened, 'utf8'));
    await everything;
    // Let the server settle before reading its memory.
    await session.connection.sendRequest('workspace/symbol', { query: 'T1' });
    const memory = residentMb(session.server.pid!);
    await session.stop();
    return { openedMs, allMs, residentMb: memory };
}

function verdict(ok: boolean): string {
    return ok ? 'met' : 'MISSED';
}

const alone = writeWorkspace(1, steps);
const workspace = writeWorkspace(maps, steps);
const jsonMs = fastest(5, () => { for (const content of workspace.json) JSON.parse(content); });
const totalBytes = workspace.json.reduce((sum, content) => sum + content.length, 0);
console.log(
    `workspace: ${maps} maps of ${steps} steps importing one persona file (${(totalBytes / 1e6).toFixed(1)} MB as JSON)`
);
console.log(`baseline: JSON.parse of the same content ${jsonMs.toFixed(1)} ms`);

const single = await openInServer(alone.folder, alone.opened, 2);
const whole = await openInServer(workspace.folder, workspace.opened, maps + 1);
const openRatio = whole.openedMs / single.openedMs;
console.log(
    `opened file diagnosed: ${whole.openedMs.toFixed(0)} ms in the workspace, ${single.openedMs.toFixed(0)} ms alone — ${openRatio.toFixed(2)}× (target ≤ 2×): ${verdict(openRatio <= 2)}`
);
const allRatio = whole.allMs / jsonMs;
console.log(
    `whole workspace diagnosed: ${whole.allMs.toFixed(0)} ms — ${allRatio.toFixed(0)}× JSON.parse (target ≤ 50×): ${verdict(allRatio <= 50)}`
);
console.log(
    `server resident memory: ${whole.residentMb.toFixed(0)} MB (target ≤ 300 MB): ${verdict(whole.residentMb <= 300)}`
);

/** `journeymap check` of the workspace with more arguments: the fastest of `runs`, in milliseconds. */
function timeCheck(runs: number, ...args: string[]): number {
    return fastest(runs, () => {
        const result = spawnSync(
            process.execPath,
            [join('bin', 'journeymap.cjs'), 'check', workspace.folder, '--root', workspace.folder, ...args],
            { encoding: 'utf8' }
        );
        if (result.status !== 0)
            throw new Error(
                `journeymap check ${args.join(' ')} exited ${result.status}: ${(result.stdout + result.stderr).slice(0, 500)}`
            );
    });
}

/**
 * What this machine allows: two independent processes, each checking half the maps on one thread,
 * side by side. No sharing between threads can beat it, so it says whether a missed target is ours.
 */
async function checkHalvesSideBySide(): Promise<number> {
    const mapFiles = readdirSync(join(workspace.folder, 'maps')).map(name => join(workspace.folder, 'maps', name));
    const halves = [mapFiles.slice(0, mapFiles.length / 2), mapFiles.slice(mapFiles.length / 2)];
    const start = performance.now();
    await Promise.all(halves.map(half => new Promise<void>((resolve, reject) => {
        const args = [join('bin', 'journeymap.cjs'), 'check', ...half, '--root', workspace.folder, '--jobs', '1'];
        spawn(process.execPath, args, { stdio: 'ignore' }).on('exit', code =>
            code === 0 ? resolve() : reject(new Error(`exit ${code}`))
        );
    })));
    return performance.now() - start;
}

// The three are interleaved, round by round, so that a slower minute of a shared machine slows all of them.
const rounds = { oneThread: [] as number[], threads: [] as number[], sideBySide: [] as number[] };
for (let round = 0; round < 5; round++) {
    rounds.oneThread.push(timeCheck(1, '--jobs', '1'));
    rounds.threads.push(timeCheck(1));
    rounds.sideBySide.push(await checkHalvesSideBySide());
}
const [oneThreadMs, checkMs, sideBySideMs] = [rounds.oneThread, rounds.threads, rounds.sideBySide].map(times =>
    Math.min(...times)
);
const threadsRatio = checkMs / oneThreadMs;
console.log(
    `journeymap check of it on one thread: ${oneThreadMs.toFixed(0)} ms — ${(oneThreadMs / jsonMs).toFixed(0)}× JSON.parse`
);
console.log(
    `journeymap check on every processor (${availableParallelism()}): ${checkMs.toFixed(0)} ms — ${threadsRatio.toFixed(2)}× one thread (target ≤ 0.65×): ${verdict(threadsRatio <= 0.65)}`
);
console.log(
    `this machine's bound: two processes checking half each, side by side, ${sideBySideMs.toFixed(0)} ms — ${(sideBySideMs / oneThreadMs).toFixed(2)}× one thread`
);

// The cache: filled once, then each run after one more map was edited.
const cacheFolder = mkdtempSync(join(tmpdir(), 'journeymap-cache-'));
timeCheck(1, '--cache', '--cache-location', cacheFolder);
const cachedMs = Math.min(...[0, 1, 2, 3, 4].map(index => {
    const edited = join(workspace.folder, 'maps', `m${String(index).padStart(4, '0')}.journey`);
    writeFileSync(edited, readFileSync(edited, 'utf8') + `// edit ${index}\n`);
    return timeCheck(1, '--cache', '--cache-location', cacheFolder);
}));
const cacheRatio = cachedMs / checkMs;
console.log(
    `journeymap check --cache after editing one map: ${cachedMs.toFixed(0)} ms — ${cacheRatio.toFixed(2)}× the whole check (target ≤ 0.10×): ${verdict(cacheRatio <= 0.1)}`
);
