/**
 * bench/data: `journeymap metrics` over a raw survey export of 1,000,000 answers (one row per
 * response: step, week, score and, for one answer in ten, a comment), read by a map with an
 * NPS per step and week, a measured emotion and quotes at every step; then the same export
 * without a quote in it (issue 29: a quadratic search for quotes showed only there). Targets
 * (issues 19, 29): within 10× the time Node takes to read the file and split it into lines,
 * measured in the same run, and under 300 MB resident at the command's peak.
 *   npm run build && node --import tsx bench/data.ts        (BENCH_ROWS=… for another size)
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, runJourneymap } from './measured-command.js';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const steps = ['see-ad', 'compare', 'checkout', 'delivery', 'support'];
const comments = [
    'Too slow',
    'Shipping cost was a surprise, again',
    '运费太贵了',
    'Great, "fast" delivery',
    'Could not find the invoice'
];

function writeSurvey(file: string, quoted: boolean): void {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lines = ['step,week,score,comment'];
    for (let index = 0; index < rows; index++) {
        const comment = random() < 0.1 ? comments[Math.floor(random() * comments.length)] : '';
        const cell = !/[,"]/.test(comment)
            ? comment
            : quoted
              ? `"${comment.replace(/"/g, '""')}"`
              : comment.replace(/[,"]/g, '');
        lines.push(
            `${steps[index % steps.length]},2026-W${String(1 + Math.floor(random() * 12)).padStart(2, '0')},${Math.floor(random() * 11)},${cell}`
        );
    }
    writeFileSync(file, lines.join('\n') + '\n');
}

function writeMap(file: string): void {
    const step = (name: string) => `    step S_${name.replace('-', '_')} {
      emotion from survey.score scale 0..10 where step = "${name}"
      metric nps = survey.score where step = "${name}"
      quotes from survey.comment where step = "${name}"
    }`;
    writeFileSync(file, `data survey "survey.csv" period week
metric nps "NPS" nps target >= 30
journey Survey { emotion scale 1..5 stage All {
${steps.map(step).join('\n')}
} }
`);
}

function measure(name: string, quoted: boolean): void {
    const folder = mkdtempSync(join(tmpdir(), 'bench-data-'));
    const survey = join(folder, 'survey.csv');
    writeSurvey(survey, quoted);
    writeMap(join(folder, 'survey.journey'));
    const megabytes = statSync(survey).size / 1024 / 1024;

    const baseline = median(Array.from({ length: runs }, () => {
        const start = performance.now();
        const lines = readFileSync(survey, 'utf8').split('\n');
        if (lines.length < rows) throw new Error('short read');
        return performance.now() - start;
    }));

    const measured = Array.from({ length: runs }, () => {
        const { elapsed, peak, result } = runJourneymap(folder, ['metrics', 'survey.journey', '-f', 'json']);
        if (result.status !== 1 && result.status !== 0)
            throw new Error(`journeymap metrics failed (${result.status}): ${result.stderr}`);
        const values = JSON.parse(result.stdout).metrics as Array<{ step?: string; value?: number; n?: number }>;
        return { elapsed, peak, answers: values.filter(value => value.step).length };
    });

    const time = median(measured.map(run => run.elapsed));
    const peak = Math.max(...measured.map(run => run.peak));
    const ratio = time / baseline;
    console.log(
        `${name}: ${rows.toLocaleString('en-US')} answers, ${megabytes.toFixed(1)} MB; ${measured[0].answers} NPS values on the map`
    );
    console.log(`read + split into lines: ${baseline.toFixed(0)} ms (baseline)`);
    console.log(
        `journeymap metrics: ${time.toFixed(0)} ms = ${ratio.toFixed(1)}× the baseline (target ≤ 10×): ${ratio <= 10 ? 'met' : 'MISSED'}`
    );
    console.log(`peak resident memory: ${peak.toFixed(0)} MB (target < 300 MB): ${peak < 300 ? 'met' : 'MISSED'}`);
}

measure('survey export, one answer in ten with a comment, some quoted', true);
console.log();
measure('the same export without a quote', false);
