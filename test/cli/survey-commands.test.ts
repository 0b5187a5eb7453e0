import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from './cli-runner.js';

/** A copy of test/fixtures/survey to change answers in. */
function surveyCopy(): string {
    const folder = mkdtempSync(join(tmpdir(), 'survey-'));
    cpSync('test/fixtures/survey', folder, { recursive: true });
    return folder;
}

/** Survey values in `journeymap metrics` and `journeymap diff`: the value with its margin and sample. */
describe('survey values in the commands', function () {
    this.timeout(60_000);

    it('journeymap metrics shows "20 ± 54, n = 10", and gives n and margin in CSV and JSON', () => {
        const text = runCli(['metrics', 'test/fixtures/survey/checkout.journey']);
        assert.match(
            text.stdout,
            /Pays for the order\s+NPS\s+20 ± 54, n = 10\s+≥ 30\s+✗ missed\s+2026-W10\s+\+20 since 2026-W09 \(better\)/
        );
        const csv = parse(runCli(['metrics', 'test/fixtures/survey/checkout.journey', '-f', 'csv']).stdout, {
            columns: true
        }) as Array<Record<string, string>>;
        assert.deepEqual([csv[0].value, csv[0].n, csv[0].margin], ['20', '10', '54.03']);
        const json = JSON.parse(runCli(['metrics', 'test/fixtures/survey/checkout.journey', '-f', 'json']).stdout) as {
            metrics: Array<{ value: number; n: number; margin: number }>;
        };
        assert.deepEqual(
            [json.metrics[0].value, json.metrics[0].n, Math.round(json.metrics[0].margin * 100) / 100],
            [20, 10, 54.03]
        );
    });

    it('journeymap diff reports new answers as a changed value and sample, and a moved measured emotion', () => {
        const before = surveyCopy();
        const after = surveyCopy();
        // Thirty more promoters at checkout in the latest week.
        const answers = Array.from({ length: 30 }, () => 'checkout,2026-W10,10,Loved it').join('\n');
        writeFileSync(
            join(after, 'research', 'survey.csv'),
            `${readFileSync(join(after, 'research', 'survey.csv'), 'utf8')}${answers}\n`
        );
        const result = runCli([
            'diff',
            join(before, 'checkout.journey'),
            join(after, 'checkout.journey'),
            '--root',
            tmpdir(),
            '-f',
            'json'
        ]);
        assert.equal(result.status, 0, result.stderr);
        const changes = (
            JSON.parse(result.stdout) as { changes: Array<{ element: string; field?: string; summary: string }> }
        ).changes;
        const summaries = changes.map(change => change.summary);
        assert.ok(
            summaries.some(summary =>
                /Metric nps of .Pays for the order.: value 20 → 80 \(✗ missed → ✓ met\)/.test(summary)
            ),
            summaries.join('\n')
        );
        assert.ok(summaries.some(summary => /sample ± 54, n = 10 → ± 1\d, n = 40/.test(summary)), summaries.join('\n'));
        assert.ok(
            changes.some(change => change.element === 'step' && change.field === 'measuredEmotion'),
            summaries.join('\n')
        );
    });
});
