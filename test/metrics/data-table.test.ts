import * as assert from 'node:assert/strict';
import { numericCell, parseDataTable, rowOf, type DataTable } from '../../metrics/data-table.js';

const rows = (table: DataTable) => Array.from({ length: table.rowCount }, (_, row) => rowOf(table, row));

describe('data tables: CSV and JSON as exported by real tools', () => {
    it('reads quoted fields, a BOM, `;` separators, CJK, blank lines, and knows each row\'s line', async () => {
        const table = await parseDataTable(
            '\uFEFF环节;"满意度";note\n\n"联系客服";3.1;"said ""slow"", then; hung up"\n上门维修;4.5;"two\nlines"\n',
            'survey.csv'
        );
        assert.deepEqual(table.columns, ['环节', '满意度', 'note']);
        assert.deepEqual(rows(table), [
            { 环节: '联系客服', 满意度: '3.1', note: 'said "slow", then; hung up' },
            { 环节: '上门维修', 满意度: '4.5', note: 'two\nlines' }
        ]);
        assert.deepEqual(table.lines, [3, 5], 'a row that spans lines is found by its last line');
    });

    it('reads a JSON array of records, numbers and nulls as text', async () => {
        const table = await parseDataTable(
            '[{"step":"see-ad","conversion":14.5},{"step":"buy","conversion":null,"extra":true}]',
            'funnel.json'
        );
        assert.deepEqual(table.columns, ['step', 'conversion', 'extra']);
        assert.deepEqual(rowOf(table, 1), { step: 'buy', conversion: '', extra: 'true' });
    });

    it('says what is wrong with an empty, truncated or malformed file', async () => {
        await assert.rejects(parseDataTable('', 'empty.csv'), /empty: it needs a header row/);
        await assert.rejects(parseDataTable('step,conversion\n"see-ad,14.5\n', 'cut.csv'), /Quote Not Closed/i);
        await assert.rejects(parseDataTable('{"step":"x"}', 'object.json'), /array of records/);
        await assert.rejects(parseDataTable('[{"step":', 'cut.json'), /JSON/);
    });

    it('parses a large CSV in pieces, letting other work run in between', async () => {
        const lines = Array.from(
            { length: 300_000 },
            (_, index) => `2026-W${index % 52},step-${index},${index % 100}.5,"${index}, quoted"`
        );
        const text = ['week,step,conversion,visitors', ...lines].join('\n');
        let turns = 0;
        const ticker = setInterval(() => turns++, 0);
        const table = await parseDataTable(text, 'big.csv');
        clearInterval(ticker);
        assert.equal(table.rowCount, 300_000);
        assert.equal(table.lines!.at(-1), 300_001);
        assert.equal(rowOf(table, 299_999).visitors, '299999, quoted');
        assert.ok(
            turns > 1,
            `other work ran ${turns} times while parsing ${(text.length / 1024 / 1024).toFixed(1)} MB`
        );
    });

    it('reads a file in one pass: the characters its searches pass over grow with the rows, not with rows × file', async () => {
        // The shapes of real exports: a quoted field now and then, and none at all (where it was quadratic).
        const row = (index: number, quoted: boolean) =>
            `${quoted ? '"see-ad, again"' : `step-${index % 5}`},2026-W${index % 52},${index % 11}`;
        const survey = (rows: number, quotedEvery: number) =>
            [
                'step,week,score',
                ...Array.from({ length: rows }, (_, index) => row(index, quotedEvery > 0 && index % quotedEvery === 7))
            ].join('\n');
        const scanned = async (text: string) => {
            let passed = 0;
            const indexOf = String.prototype.indexOf;
            String.prototype.indexOf = function (this: string, search: string, from = 0) {
                const found = indexOf.call(this, search, from);
                if (this.length === text.length) passed += (found < 0 ? this.length : found) - from;
                return found;
            };
            try {
                assert.equal((await parseDataTable(text, 'survey.csv')).rowCount, text.split('\n').length - 1);
            } finally {
                String.prototype.indexOf = indexOf;
            }
            return passed / text.length;
        };
        const shapes = [
            ['no quote at all', 0],
            ['a quoted field in a thousand rows', 1000]
        ] as const;
        for (const [shape, quotedEvery] of shapes) {
            const small = await scanned(survey(100_000, quotedEvery));
            const large = await scanned(survey(400_000, quotedEvery));
            assert.ok(large <= 4, `${shape}: the searches passed over the 400,000-row file ${large.toFixed(1)} times`);
            assert.ok(
                large <= small * 1.5,
                `${shape}: passes over the file: ${small.toFixed(1)} at 100,000 rows, ${large.toFixed(1)} at 400,000`
            );
        }
    });

    it('reads numbers as analytics tools write them', () => {
        assert.deepEqual(['14.5', '14.5%', '1,580', '-3', '.5', '1e3', 'n/a', '', '12 %'].map(numericCell), [
            14.5,
            14.5,
            1580,
            -3,
            0.5,
            1000,
            undefined,
            undefined,
            undefined
        ]);
    });
});
