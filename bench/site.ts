/**
 * bench/site: `journeymap site` over a repository of 1,000 maps of 50 steps (bench/workspace's
 * repository), against `journeymap check` of the same maps, measured in the same run. Target
 * (issue 20): building the site takes at most 2× the check.
 *   npm run build && node --import tsx bench/site.ts [maps] [steps]
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkspace } from './workspace-maps.js';

const maps = Number(process.argv[2] ?? 1000);
const steps = Number(process.argv[3] ?? 50);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const { folder } = writeWorkspace(maps, steps);
const cli = join(process.cwd(), 'bin', 'journeymap.cjs');

function median(values: number[]): number {
    return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function timed(args: string[]): number {
    return median(Array.from({ length: runs }, () => {
        rmSync(join(folder, 'site'), { recursive: true, force: true });
        const start = performance.now();
        const result = spawnSync(process.execPath, [cli, ...args], {
            cwd: folder,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024
        });
        const elapsed = performance.now() - start;
        if (result.status !== 0)
            throw new Error(`journeymap ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
        return elapsed;
    }));
}

const check = timed(['check', 'maps']);
const site = timed(['site', 'maps', '-o', 'site']);
const ratio = site / check;
console.log(`${maps} maps of ${steps} steps`);
console.log(`journeymap check: ${(check / 1000).toFixed(1)} s (baseline)`);
console.log(
    `journeymap site: ${(site / 1000).toFixed(1)} s = ${ratio.toFixed(2)}× the check (target ≤ 2×): ${ratio <= 2 ? 'met' : 'MISSED'}`
);
