/**
 * bench/paths: `journeymap paths` over an event log of 1,000,000 events (150,000 cases) in CSV and
 * in Parquet, and 10,000,000 events in Parquet (a figure, no target). Targets (issue 30): within
 * 4× the time Node takes to read the CSV and split it into lines, measured in the same run, and
 * at most 400 MB resident at the command's peak. PM4Py end to end on such a log is about 6× that
 * baseline (docs/performance.md): the command should be ahead of it.
 *   npm run build && node --import tsx bench/paths.ts     (BENCH_CASES=…, BENCH_LARGE=0 to skip 10M)
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { returnsMap } from '../test/paths/event-log-kit.js';
import { median, runJourneymap } from './measured-command.js';

const cases = Number(process.env.BENCH_CASES ?? 150_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const large = process.env.BENCH_LARGE !== '0';

/**
 * A log of the returns journey made by DuckDB itself (a JavaScript loop would be the slow part of
 * the bench): each case files a return, browses, is reviewed (some twice, via manual review), and
 * most are refunded; some cancel, some stop while waiting. About 6.7 events a case, in time order.
 * `exported`: with a column of JSON properties no step reads, quoted (commas and quotes in it), as
 * an analytics export has; otherwise the bare four columns, no quote in the file.
 */
async function writeLog(
    folder: string,
    caseCount: number,
    formats: Array<'csv' | 'parquet'>,
    exported = false
): Promise<number> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('SELECT setseed(0.42)');
    await connection.run(`CREATE TABLE log AS
        WITH cases AS (
            SELECT i, CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END AS variant, random() AS r1, random() AS r2, random() AS r3,
                1767225600 + CAST(random() * 2592000 AS BIGINT) AS t0
            FROM range(${caseCount}) AS cases(i)
        ),
        lists AS (
            SELECT *, list_concat(list_concat(list_concat(['return_form'], CASE WHEN r1 < 0.5 THEN ['return_submit'] ELSE [] END),
                CASE WHEN r3 < 0.3 THEN ['page_view', 'help_center', 'page_view'] ELSE ['page_view', 'page_view'] END),
                CASE WHEN r1 > 0.88 THEN ['return_cancel']
                    ELSE list_concat(list_concat(['review_pending'], CASE WHEN r2 < 0.2 THEN ['manual_review', 'review_pending'] ELSE [] END),
                        CASE WHEN r3 > 0.9 THEN [] ELSE list_concat(CASE WHEN r2 > 0.9 THEN [] ELSE ['review_ok'] END, ['refund_paid']) END) END
            ) AS events FROM cases
        )
        SELECT 'c' || i AS user_id, unnest(events) AS event, t0 AS start, variant, generate_subscripts(events, 1) AS position FROM lists`);
    const properties = exported
        ? `, '{"page": "/returns/' || user_id || '", "items": [' || position || ', 2]}' AS properties`
        : '';
    const select = `SELECT user_id, event, strftime(to_timestamp(start + position * 600), '%Y-%m-%d %H:%M:%S') AS ts, variant${properties}
        FROM log ORDER BY start + position * 600, user_id`;
    for (const format of formats) {
        const file = join(folder, `events.${format}`).replace(/'/g, "''");
        await connection.run(`COPY (${select}) TO '${file}' (FORMAT ${format === 'csv' ? 'csv, HEADER' : 'parquet'})`);
    }
    const [[events]] = (await connection.runAndReadAll('SELECT count(*) FROM log')).getRows();
    connection.closeSync();
    instance.closeSync();
    return Number(events);
}

/** Node reading the CSV and splitting it into lines: what any tool reading the log must at least do. */
function baselineOf(csv: string, events: number): number {
    return median(Array.from({ length: runs }, () => {
        const start = performance.now();
        const lines = readFileSync(csv, 'utf8').split('\n');
        if (lines.length < events) throw new Error('short read');
        return performance.now() - start;
    }));
}

/** `journeymap paths` on the folder's map, its median time and its peak resident memory. */
function measurePaths(folder: string, repeat: number): { time: number; peak: number; fitness: number } {
    const measured = Array.from({ length: repeat }, () => {
        const { elapsed, peak, result } = runJourneymap(folder, ['paths', 'returns.journey', '-f', 'json']);
        if (result.status !== 0) throw new Error(`journeymap paths failed (${result.status}): ${result.stderr}`);
        return { elapsed, peak, fitness: JSON.parse(result.stdout).journeys[0].fitness as number };
    });
    return {
        time: median(measured.map(run => run.elapsed)),
        peak: Math.max(...measured.map(run => run.peak)),
        fitness: measured[0].fitness
    };
}

function report(
    name: string,
    result: { time: number; peak: number; fitness: number },
    baseline: number,
    targets: boolean
): void {
    const ratio = result.time / baseline;
    console.log(
        `${name}: ${result.time.toFixed(0)} ms = ${ratio.toFixed(1)}× the baseline${targets ? ` (target ≤ 4×): ${ratio <= 4 ? 'met' : 'MISSED'}` : ''}; ` +
            `fitness ${(result.fitness * 100).toFixed(1)} %`
    );
    console.log(
        `  peak resident memory: ${result.peak.toFixed(0)} MB${targets ? ` (target ≤ 400 MB): ${result.peak <= 400 ? 'met' : 'MISSED'}` : ''}`
    );
}

async function main(): Promise<void> {
    const folder = mkdtempSync(join(tmpdir(), 'bench-paths-'));
    try {
        const events = await writeLog(folder, cases, ['csv', 'parquet']);
        const csv = join(folder, 'events.csv');
        const megabytes = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1);
        console.log(
            `event log: ${events.toLocaleString('en-US')} events, ${cases.toLocaleString('en-US')} cases; CSV ${megabytes(csv)} MB, Parquet ${megabytes(join(folder, 'events.parquet'))} MB`
        );
        const baseline = baselineOf(csv, events);
        console.log(`read + split into lines (CSV): ${baseline.toFixed(0)} ms (baseline)`);
        writeFileSync(join(folder, 'returns.journey'), returnsMap);
        report('journeymap paths, CSV', measurePaths(folder, runs), baseline, true);
        writeFileSync(join(folder, 'returns.journey'), returnsMap.replace('"events.csv"', '"events.parquet"'));
        report('journeymap paths, Parquet', measurePaths(folder, runs), baseline, true);
        console.log(`PM4Py end to end on the same size of log (docs/performance.md): about 6× the baseline, 424 MiB`);
        await writeLog(folder, cases, ['csv'], true);
        const exportedBaseline = baselineOf(csv, events);
        console.log(`\nthe same log as an analytics export (a quoted JSON column): CSV ${megabytes(csv)} MB; `
            + `read + split ${exportedBaseline.toFixed(0)} ms (baseline)`);
        writeFileSync(join(folder, 'returns.journey'), returnsMap);
        report('journeymap paths, exported CSV', measurePaths(folder, runs), exportedBaseline, true);
        if (!large) return;
        rmSync(csv);
        writeFileSync(join(folder, 'returns.journey'), returnsMap.replace('"events.csv"', '"events.parquet"'));
        const many = await writeLog(folder, cases * 10, ['parquet']);
        console.log(
            `\nlarge log: ${many.toLocaleString('en-US')} events in Parquet (${megabytes(join(folder, 'events.parquet'))} MB)`
        );
        report('journeymap paths, Parquet', measurePaths(folder, 1), baseline * many / events, false);
        console.log('  (the baseline scaled from the 1,000,000-event CSV by the number of events)');
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

await main();
