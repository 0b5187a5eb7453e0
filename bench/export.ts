/**
 * bench/export: `journeymap render` to PNG against the same map to SVG, as a user runs them
 * (each a fresh process). The PNG is drawn in-process by resvg; the target is at most 3× the
 * SVG's time. Median of a few runs per map, the English and the Chinese example.
 *   npm run build && node --import tsx bench/export.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const maps = ['examples/shop/checkout.journey', 'examples/service/售后服务.journey'];
const out = mkdtempSync(join(tmpdir(), 'export-'));

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function timeRender(map: string, format: 'svg' | 'png'): number {
    return median(Array.from({ length: runs }, () => {
        const start = performance.now();
        const result = spawnSync(
            process.execPath,
            [join('bin', 'journeymap.cjs'), 'render', map, '-f', format, '-o', join(out, `map.${format}`)],
            { encoding: 'utf8' }
        );
        if (result.status !== 0) throw new Error(`render ${map} -f ${format} failed: ${result.stderr}`);
        return performance.now() - start;
    }));
}

for (const map of maps) {
    const svg = timeRender(map, 'svg');
    const png = timeRender(map, 'png');
    const ratio = png / svg;
    console.log(
        `${map}: SVG ${svg.toFixed(0)} ms, PNG ${png.toFixed(0)} ms — ${ratio.toFixed(2)}× (target ≤ 3×): ${ratio <= 3 ? 'met' : 'MISSED'}`
    );
}
