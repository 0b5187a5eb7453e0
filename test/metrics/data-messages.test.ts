import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { checkPeriods } from '../../metrics/period-values.js';
import { buildText, createTestServices, repoRoot } from '../journey-test-kit.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

/** A map linking one metric value to `data.csv`, built in a folder of the workspace with that file. */
async function errorsWith(
    csv: string,
    link: string,
    period = ' period week'
): Promise<Array<{ code: string; message: string }>> {
    mkdirSync(join(repoRoot, 'test', 'output'), { recursive: true });
    const dir = mkdtempSync(join(repoRoot, 'test', 'output', 'data-'));
    writeFileSync(join(dir, 'data.csv'), csv);
    const text = `metric conversion "Conversion" percent target >= 12\ndata funnel "data.csv"${period}\njourney J {\n  stage S {\n    step A { metric conversion = ${link} }\n    step B { metric conversion = ${link} }\n  }\n}\n`;
    const document = await buildText(createTestServices(), text, join(dir, 'map.journey'));
    return (document.diagnostics ?? [])
        .filter(d => d.severity === 1)
        .map(d => ({ code: String(d.code), message: diagnosticText(d) }));
}

const weekly =
    'week,step,conversion\n2026-W44,see-ad,11.2\n2026-W44,compare,8.4\n2026-W45,see-ad,12.8\n2026-W45,compare,n/a\n';

describe('data messages that point at the data', () => {
    it('lists the closest key values the file has when no row matches', async () => {
        const errors = await errorsWith(weekly, 'funnel.conversion where step = "see-adx"');
        assert.deepEqual(errors.map(error => error.message), [
            'No row matches step = "see-adx": the file has no step = "see-adx". Did you mean "see-ad"?',
            'No row matches step = "see-adx": the file has no step = "see-adx". Did you mean "see-ad"?'
        ]);
        const far = await errorsWith(weekly, 'funnel.conversion where step = "checkout"');
        assert.match(far[0].message, /its values are "see-ad", "compare"\.$/);
    });

    it('names the line of a cell that is not a number, and the lines of rows that match twice', async () => {
        const notNumeric = await errorsWith(weekly, 'funnel.conversion where step = "compare"');
        assert.equal(notNumeric[0].message, "The cell 'n/a' in column 'conversion' (line 5) is not a number.");
        const twice = await errorsWith(
            'step,conversion\nsee-ad,11\nsee-ad,12\n',
            'funnel.conversion where step = "see-ad"',
            ''
        );
        assert.match(twice[0].message, /^2 rows match step = "see-ad" \(line 2, line 3\)/);
    });

    it('checks the period column: one error naming the row for a month 13, a mixed form or no period, and nothing else', async () => {
        const cases: Array<[string, RegExp]> = [
            [
                'week,step,conversion\n2026-W44,see-ad,11\n2026-W45,see-ad,12\n2026-10,see-ad,13\n',
                /'2026-10' in period column 'week' \(line 4\) is a month, but the column began with weeks \('2026-W44'\)/
            ],
            [
                'week,step,conversion\n2026-13,see-ad,11\n',
                /'2026-13' in period column 'week' \(line 2\) is no real month/
            ],
            ['week,step,conversion\n2026-W54,see-ad,11\n', /'2026-W54' .* \(line 2\) is no real week/],
            ['week,step,conversion\n2026-02-30,see-ad,11\n', /'2026-02-30' .* \(line 2\) is no real date/],
            ['week,step,conversion\nlast week,see-ad,11\n', /'last week' .* \(line 2\) is not a period/]
        ];
        for (const [csv, message] of cases) {
            const errors = await errorsWith(csv, 'funnel.conversion where step = "see-ad"');
            assert.deepEqual(
                errors.map(error => error.code),
                [IssueCodes.DataPeriodInvalid],
                csv
            );
            assert.match(errors[0].message, message);
        }
    });

    it('gives a wrong period column one error, and nothing that depends on it', async () => {
        const errors = await errorsWith(weekly, 'funnel.conversion where step = "see-ad"', ' period wek');
        assert.deepEqual(errors, [
            {
                code: IssueCodes.DataColumnUnknown,
                message: "The data source has no period column 'wek'. Did you mean 'week'?"
            }
        ]);
    });

    it('reads ISO dates, weeks, months, quarters and years, each in one form', () => {
        for (const periods of [
            ['2026-09-14', '2026-09-21'],
            ['2026-W05', '2026-W6'],
            ['2026-09', '2026-10'],
            ['2026-Q3', '2026-Q4'],
            ['2025', '2026'],
            ['1', '2']
        ]) {
            assert.equal(checkPeriods(periods), undefined, periods.join(' '));
        }
        assert.deepEqual(checkPeriods(['2026-Q3', '2026-Q5']), {
            kind: 'invalid',
            row: 1,
            value: '2026-Q5',
            form: 'quarter'
        });
    });
});
