import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import stringWidth from 'string-width';
import { runCli, workspaceWith } from './cli-runner.js';

const people = `metric conversion "Conversion" percent target >= 12 warn 2
metric csat "CSAT" scale 1..5 target >= 4.2
`;

function mapWith(values: string): string {
    return `${people}data funnel "funnel.csv" period week
journey J "购买旅程" {
  stage S "考虑" {
    step A "看到广告" { ${values} }
    step B "Pays" { metric csat = 4.5 }
  }
}
`;
}

const funnel =
    'week,step,conversion\n2026-W46,see-ad,13.9\n2026-W47,see-ad,14.5\n2026-W46,cheap,9\n2026-W47,cheap,10.5\n2026-W47,bad,7\n';

describe('journeymap metrics', () => {
    it('lists every value with target, status, period, trend and source row, aligned for CJK', () => {
        const dir = workspaceWith({
            'map.journey': mapWith('metric conversion = funnel.conversion where step = "see-ad"'),
            'funnel.csv': funnel
        });
        const result = runCli(['metrics', 'map.journey'], dir);
        assert.equal(result.status, 0, result.stderr);
        const lines = result.stdout.trimEnd().split('\n');
        assert.match(lines[0], /^journey +stage +step +metric +value +target +status +period +trend +source$/);
        assert.match(
            lines[1],
            /^购买旅程 +考虑 +看到广告 +Conversion +14\.5% +≥ 12% +✓ met +2026-W47 +\+0\.6 pp since 2026-W46 \(better\) +funnel\.csv:3$/
        );
        const valueColumn = lines.map(line =>
            stringWidth(line.slice(0, line.indexOf('value') >= 0 ? line.indexOf('value') : line.search(/14\.5%|4\.5/)))
        );
        assert.equal(new Set(valueColumn).size, 1, `the value column starts at one width:\n${result.stdout}`);
    });

    it('--fail-on missed fails on a missed target and passes when every target is met or close', () => {
        const met = workspaceWith({
            'map.journey': mapWith('metric conversion = funnel.conversion where step = "see-ad"'),
            'funnel.csv': funnel
        });
        assert.equal(runCli(['metrics', '--fail-on', 'missed', 'map.journey'], met).status, 0);
        const close = workspaceWith({
            'map.journey': mapWith('metric conversion = funnel.conversion where step = "cheap"'),
            'funnel.csv': funnel
        });
        assert.equal(
            runCli(['metrics', '--fail-on', 'missed', 'map.journey'], close).status,
            0,
            '10.5 is close to 12 (warn 2), not missed'
        );
        const warned = runCli(['metrics', '--fail-on', 'warn', 'map.journey'], close);
        assert.equal(warned.status, 1);
        assert.match(
            warned.stderr,
            /1 metric value is close to or missing its target:\n {2}购买旅程 › 考虑 › 看到广告: Conversion 10\.5% \(target ≥ 12%\) ▲ close/
        );
        const missed = workspaceWith({
            'map.journey': mapWith('metric conversion = funnel.conversion where step = "bad"'),
            'funnel.csv': funnel
        });
        const failed = runCli(['metrics', '--fail-on', 'missed', 'map.journey'], missed);
        assert.equal(failed.status, 1);
        assert.match(failed.stderr, /Conversion 7% \(target ≥ 12%\) ✗ missed/);
    });

    it('writes CSV and JSON for tools in any language: statuses as keywords, targets and changes as numbers', () => {
        const dir = workspaceWith({
            'map.journey': 'language zh-cn\n' + mapWith('metric conversion = funnel.conversion where step = "see-ad"'),
            'funnel.csv': funnel
        });
        for (const lang of [[], ['--lang', 'zh-cn']]) {
            const csv: string[][] = parse(runCli([...lang, 'metrics', '--format', 'csv'], dir).stdout);
            const row = Object.fromEntries(csv[0].map((column, index) => [column, csv[1][index]]));
            assert.deepEqual(
                [row.value, row.target, row.status, row.change, row['previous period']],
                ['14.5', '>= 12', 'met', '0.6', '2026-W46']
            );
            const [value] = JSON.parse(runCli([...lang, 'metrics', '--format', 'json'], dir).stdout).metrics;
            assert.deepEqual(
                [value.value, value.target, value.status, value.change, value.previousPeriod, value.better],
                [14.5, { comparison: '>=', value: 12 }, 'met', 0.6, '2026-W46', true]
            );
            assert.doesNotMatch(JSON.stringify(value) + csv.join(), /达标|较|变好|✓/);
        }
    });

    it('fails on the examples, which miss targets, and writes CSV, JSON and Markdown', () => {
        assert.equal(runCli(['metrics', '--fail-on', 'missed', 'examples']).status, 1);
        const csv: string[][] = parse(runCli(['metrics', '--format', 'csv', 'examples/shop']).stdout);
        assert.deepEqual(csv[0], [
            'journey',
            'stage',
            'step',
            'aggregate',
            'metric',
            'value',
            'unit',
            'target',
            'status',
            'period',
            'change',
            'previous period',
            'source'
        ]);
        assert.ok(
            csv.some(
                row => row[2] === 'Sees a social ad' && row[5] === '14.5' && row[7] === '>= 12' && row[8] === 'met'
            ),
            JSON.stringify(csv)
        );
        const json = JSON.parse(runCli(['metrics', '--format', 'json', 'examples/service']).stdout);
        assert.equal(json.version, 2);
        const close = json.metrics.find(
            (row: { metric: string; step?: string }) => row.metric === 'Time to resolve (hours)' && row.step
        );
        assert.deepEqual([close.value, close.status, close.period], [52, 'close', '2026-11']);
        const markdown = runCli(['--lang', 'en', 'metrics', '--format', 'md', 'examples/service']).stdout; // the map says language zh-cn: --lang en keeps this table English
        assert.match(markdown, /^\| journey \| stage \| step \| metric \|/);
        assert.match(
            markdown,
            /\| 售后维修旅程 \| 售后阶段 \| \\\(stage, mean of 2\\\) \| CSAT \| 3\.8 \|/,
            'parentheses are escaped, so no Markdown link can form'
        );
    });

    it('refuses maps with errors (exit 1) and paths it cannot read (exit 2)', () => {
        const dir = workspaceWith({
            'map.journey': mapWith('metric conversion = funnel.conversoin where step = "see-ad"'),
            'funnel.csv': funnel
        });
        const broken = runCli(['metrics', 'map.journey'], dir);
        assert.equal(broken.status, 1);
        assert.match(broken.stderr, /data-column-unknown .*Did you mean 'conversion'/);
        assert.equal(runCli(['metrics', 'missing.journey'], dir).status, 2);
    });
});
