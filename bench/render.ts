/**
 * bench/render: time to draw a journey of 100, 1,000 and 10,000 steps, our map renderer
 * versus Mermaid's journey diagram of the same tasks, both in the same Chromium page.
 * Prints medians and the ratio; run with `npm run bench:render`. Never part of `npm test`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumHint, findChromiumPath } from '../test/chromium-path.js';
import type { JourneyModel, StageModel } from '../model/journey-model.js';
import { renderMermaidJourney } from '../render/index.js';

const sizes = [100, 1000, 10000];
const runs = Number(process.env.BENCH_RUNS ?? 5);
const mermaidTimeoutMs = 120_000;

function syntheticModel(steps: number): JourneyModel {
    const stages: StageModel[] = Array.from({ length: Math.max(1, Math.round(steps / 10)) }, (_, s) => ({
        name: `S${s}`,
        title: `Stage ${s} 阶段`,
        steps: [],
        metrics: []
    }));
    for (let i = 0; i < steps; i++) {
        stages[i % stages.length].steps.push({
            name: `T${i}`,
            title: `Step ${i} 看到广告`,
            personas: [],
            channels: [],
            touchpoints: [`Touchpoint ${i}`],
            emotion: { score: 1 + (i % 5), feeling: 'curious' },
            pains: i % 3 === 0 ? ['A pain point that is long enough to wrap'] : [],
            opportunities: [],
            momentsOfTruth: [],
            metrics: [],
            next: [],
            exit: false
        });
    }
    return {
        uri: 'file:///bench.journey',
        imports: [],
        personas: [],
        channels: [],
        metrics: [],
        dataSources: [],
        journeys: [{ name: 'Bench', personas: [], emotionScale: { min: 1, max: 5 }, stages }]
    };
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
    const executablePath = findChromiumPath();
    if (!executablePath) throw new Error(chromiumHint);
    const dir = mkdtempSync(join(tmpdir(), 'bench-render-'));
    await esbuild.build({
        entryPoints: ['bench/render-page.ts'],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        outfile: join(dir, 'page.js'),
        logLevel: 'warning'
    });
    writeFileSync(
        join(dir, 'page.html'),
        '<!DOCTYPE html><meta charset="utf-8"><div id="host"></div><script src="page.js"></script>'
    );
    const browser = await chromium.launch({
        executablePath,
        args: [...chromiumArgs, '--allow-file-access-from-files']
    });
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'page.html')).toString());
    console.log(`render time, median of ${runs} runs in Chromium (ms)`);
    console.log('steps'.padStart(8) + 'ours'.padStart(12) + 'mermaid'.padStart(12) + 'mermaid / ours'.padStart(18));
    for (const size of sizes) {
        const model = syntheticModel(size);
        const text = renderMermaidJourney(model.journeys[0]);
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let run = 0; run < runs; run++) {
            ours.push(
                await page.evaluate(
                    m => (window as unknown as { bench: { ours: (m: unknown) => Promise<number> } }).bench.ours(m),
                    model
                )
            );
            const mermaidTime = await Promise.race([
                page.evaluate(
                    t => (window as unknown as { bench: { mermaid: (t: string) => Promise<number> } }).bench.mermaid(t),
                    text
                ),
                new Promise<number>(resolve => setTimeout(() => resolve(Number.POSITIVE_INFINITY), mermaidTimeoutMs))
            ]);
            theirs.push(mermaidTime);
            if (!Number.isFinite(mermaidTime)) break;
        }
        const oursMedian = median(ours);
        const theirsMedian = median(theirs);
        const ratio = Number.isFinite(theirsMedian)
            ? (theirsMedian / oursMedian).toFixed(1) + '×'
            : `> ${mermaidTimeoutMs / 1000}s`;
        console.log(
            String(size).padStart(8) +
                oursMedian.toFixed(1).padStart(12) +
                (Number.isFinite(theirsMedian) ? theirsMedian.toFixed(1) : 'timeout').padStart(12) +
                ratio.padStart(18)
        );
    }
    await browser.close();
}

main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
