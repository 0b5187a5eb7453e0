import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { markdownTable } from '../render/markdown-text.js';
import { failingRows, metricReport, type MetricReportRow } from '../metrics/metric-report.js';
import { statusWord } from '../metrics/metric-format.js';
import { ExitCode } from './check-command.js';
import { inLanguageOfMaps } from './cli-language.js';
import { loadCheckedModels } from './load-checked-models.js';
import { formatTextTable } from './text-table.js';
import { t } from '../model/localisation.js';
import type { metricsFormats } from './command-options.js';

export interface MetricsOptions {
    format: typeof metricsFormats[number];
    failOn?: 'missed' | 'warn';
    root: string;
    /** `--lang`, when given: it wins over the language the maps declare. */
    lang?: string;
}

/**
 * `journeymap metrics [paths…]`: every metric value against its target, per journey,
 * stage and step. With `--fail-on missed|warn`, exit 1 when any value is in that state (a
 * CI gate). Maps with errors are reported and give exit 1 too: their numbers cannot be trusted.
 */
export async function runMetrics(
    paths: string[],
    options: MetricsOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const loaded = await loadCheckedModels(paths, options.root, err);
    if (typeof loaded === 'number') return loaded;
    const models = loaded.models.filter(model => loaded.asked.has(model.uri));
    // The report about maps that declare their language (`language zh-cn`) is in it; the command's own lines are not.
    const report = await inLanguageOfMaps(models, options.lang, () => {
        const rows = metricReport(models, uri => relative(process.cwd(), fileURLToPath(uri)));
        return { rows, text: formatRows(rows, options.format) };
    });
    const rows = report.rows;
    out(report.text);
    const failing = options.failOn ? failingRows(rows, options.failOn) : [];
    if (failing.length > 0) {
        err(failingSummary(failing.length, options.failOn!));
        for (const row of failing)
            err(
                `  ${row.journey} › ${row.stage} › ${row.step}: ${row.metric} ${row.shown} (${t('target {value}', { value: row.target ?? '' })}) ${statusWord(row.status)}`
            );
        return ExitCode.Errors;
    }
    return ExitCode.Clean;
}

function failingSummary(count: number, failOn: 'missed' | 'warn'): string {
    if (failOn === 'warn')
        return count === 1
            ? t('1 metric value is close to or missing its target:')
            : t('{count} metric values are close to or missing their targets:', { count });
    return count === 1
        ? t('1 metric value is missing its target:')
        : t('{count} metric values are missing their targets:', { count });
}

/** The columns of the text and Markdown tables, translated for the reader. */
const columns: Array<[string, (row: MetricReportRow) => string]> = [
    ['journey', row => row.journey],
    ['stage', row => row.stage],
    ['step', row => row.step ?? `(${t('stage, {aggregate}', { aggregate: row.aggregate ?? '' })})`],
    ['metric', row => row.metric],
    ['value', row => row.shown],
    ['target', row => row.target ?? ''],
    ['status', row => statusWord(row.status)],
    ['period', row => row.period ?? ''],
    ['trend', row => row.trend ?? ''],
    ['source', row => row.source ?? '']
];

function formatRows(rows: MetricReportRow[], format: MetricsOptions['format']): string {
    if (format === 'json') return JSON.stringify({ version: 2, metrics: rows.map(machineRow) }, null, 2);
    if (format === 'csv') return csvRows(rows);
    if (rows.length === 0) return t('No metric values in these maps.');
    const cells = rows.map(row => columns.map(([, cell]) => cell(row)));
    const header = columns.map(([title]) => columnTitle(title));
    if (format === 'md') {
        return markdownTable(header, cells);
    }
    return formatTextTable(header, cells);
}

function columnTitle(column: string): string {
    switch (column) {
        case 'journey': return t('journey');
        case 'stage': return t('stage');
        case 'step': return t('step');
        case 'metric': return t('metric');
        case 'value': return t('value');
        case 'target': return t('target');
        case 'status': return t('status');
        case 'period': return t('period');
        case 'trend': return t('trend');
        default: return t('source');
    }
}

/**
 * A row for tools, the same in every language: numbers, keywords (`met`, `missed`, `close`,
 * `no-target`, `no-data`; `mean`) and the writer's own names, never words of the message catalogue.
 */
function machineRow(row: MetricReportRow): Record<string, unknown> {
    return {
        journey: row.journey,
        stage: row.stage,
        step: row.step,
        metric: row.metric,
        value: row.value,
        unit: row.unit,
        target: row.machine.target,
        status: row.status,
        n: row.n,
        margin: row.margin,
        aggregate: row.machine.aggregate,
        period: row.period,
        change: row.machine.change,
        previousPeriod: row.machine.previousPeriod,
        better: row.machine.better,
        source: row.source
    };
}

const csvColumns: Array<[string, (row: MetricReportRow) => unknown]> = [
    ['journey', row => row.journey],
    ['stage', row => row.stage],
    ['step', row => row.step],
    ['aggregate', row => row.machine.aggregate?.how],
    ['metric', row => row.metric],
    ['value', row => row.value],
    ['unit', row => row.unit],
    ['target', row => row.machine.target && `${row.machine.target.comparison} ${row.machine.target.value}`],
    ['status', row => row.status],
    ['period', row => row.period],
    ['change', row => row.machine.change],
    ['previous period', row => row.machine.previousPeriod],
    ['source', row => row.source]
];

/** CSV keeps numbers raw and statuses as keywords; survey values add their sample size and margin as columns. */
function csvRows(rows: MetricReportRow[]): string {
    const sampled = rows.some(row => row.n !== undefined);
    const header = [...csvColumns.map(([title]) => title), ...(sampled ? ['n', 'margin'] : [])];
    const body = rows.map(row => [
        ...csvColumns.map(([, cell]) => String(cell(row) ?? '')),
        ...(sampled
            ? [String(row.n ?? ''), row.margin === undefined ? '' : String(Math.round(row.margin * 100) / 100)]
            : [])
    ]);
    return stringify([header, ...body]).trimEnd();
}
