import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The middle of some timings. */
export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/**
 * `journeymap ARGS` in a new Node process in `folder`, as a user runs it: its wall time and its
 * own peak resident memory (MB), which the process reports as it exits.
 */
export function runJourneymap(
    folder: string,
    args: string[]
): { elapsed: number; peak: number; result: SpawnSyncReturns<string> } {
    const reportPeak = join(folder, 'report-peak.cjs');
    writeFileSync(
        reportPeak,
        "process.on('exit', () => process.stderr.write('\\nPEAK_RSS ' + process.resourceUsage().maxRSS + '\\n'));\n"
    );
    const start = performance.now();
    const result = spawnSync(
        process.execPath,
        ['--require', reportPeak, join(process.cwd(), 'bin', 'journeymap.cjs'), ...args],
        { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    const elapsed = performance.now() - start;
    return { elapsed, peak: Number(/PEAK_RSS (\d+)/.exec(result.stderr)?.[1]) / 1024, result };
}
