import { relative } from 'node:path';
import { opportunityStatusLabel } from '../model/opportunity-status-label.js';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { comparisonSymbol, formatNumber, statusWord } from '../metrics/metric-format.js';
import { t } from '../model/localisation.js';
import { opportunityStatuses } from '../model/journey-model.js';
import { markdownTable } from '../render/markdown-text.js';
import {
    filterBacklog,
    isOpportunityStatus,
    opportunityBacklog,
    type BacklogRow,
    type BacklogStep
} from '../analysis/opportunity-backlog.js';
import { ExitCode } from './check-command.js';
import { inLanguageOfMaps } from './cli-language.js';
import { loadCheckedModels } from './load-checked-models.js';
import { formatTextTable } from './text-table.js';
import type { opportunitiesFormats } from './command-options.js';

export interface OpportunitiesOptions {
    format: typeof opportunitiesFormats[number];
    status?: string[];
    owner?: string[];
    root: string;
    lang?: string;
}

/**
 * `journeymap opportunities [paths…]`: the backlog across the repository — every declared
 * opportunity with its owner, status, value and effort, the steps it addresses (with their
 * lowest emotion and pains) and the metric it should move, as it stands now. Most value for
 * the effort first; `--status` and `--owner` narrow it.
 */
export async function runOpportunities(
    paths: string[],
    options: OpportunitiesOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const unknown = (options.status ?? []).filter(status => !isOpportunityStatus(status));
    if (unknown.length > 0) {
        err(
            t("Unknown status '{status}': use one of {statuses}.", {
                status: unknown.join(', '),
                statuses: opportunityStatuses.join(', ')
            })
        );
        return ExitCode.UsageOrInput;
    }
    const loaded = await loadCheckedModels(paths, options.root, err);
    if (typeof loaded === 'number') return loaded;
    const { models, asked } = loaded;
    const text = await inLanguageOfMaps(models, options.lang, () => {
        // `uri` becomes the file's path from here, as the other commands print paths.
        const rows = filterBacklog(opportunityBacklog(models), options)
            .filter(row => asked.has(row.uri))
            .map(row => ({ ...row, uri: relative(process.cwd(), fileURLToPath(row.uri)) }));
        return formatBacklog(rows, options.format);
    });
    out(text);
    return ExitCode.Clean;
}

/** A step as one line: `First purchase › Consideration › Compares offers (emotion 2; pains: …)`. */
function stepText(step: BacklogStep): string {
    const facts = [
        ...(step.lowestEmotion !== undefined ? [t('emotion {score}', { score: step.lowestEmotion })] : []),
        ...(step.pains.length > 0 ? [t('pains: {pains}', { pains: step.pains.join('; ') })] : [])
    ];
    return `${step.journey} › ${step.stage} › ${step.step}${facts.length > 0 ? ` (${facts.join('; ')})` : ''}`;
}

/** The expected metric, where to, and where it stands at each step: `conversion ≥ 12: 10 ✗ missed`. */
function expectsText(row: BacklogRow): string {
    if (!row.expects) return '';
    const goal =
        row.expects.target !== undefined
            ? ` ${comparisonSymbol(row.expects.comparison ?? '>=')} ${formatNumber(row.expects.target)}`
            : '';
    const now = row.steps
        .filter(step => step.metricValue !== undefined)
        .map(
            step => `${formatNumber(step.metricValue!)}${step.metricStatus ? ` ${statusWord(step.metricStatus)}` : ''}`
        );
    return `${row.expects.metric}${goal}${now.length > 0 ? `: ${now.join(', ')}` : ''}`;
}

/** The columns as a reader sees them (text, Markdown), in the reader's language. */
const columns: Array<[string, (row: BacklogRow) => string]> = [
    ['id', row => row.id], ['title', row => row.title], ['owner', row => row.owner ?? ''],
    ['status', row => (row.status ? opportunityStatusLabel(row.status) : '')],
    ['value', row => row.value?.toString() ?? ''], ['effort', row => row.effort?.toString() ?? ''],
    ['steps', row => row.steps.map(stepText).join('\n')], ['expects', expectsText], ['file', row => row.uri]
];

/** `conversion >= 12`: the expected metric in the words of the language. */
function expectsKeywords(row: BacklogRow): string {
    if (!row.expects) return '';
    return [row.expects.metric, row.expects.comparison, row.expects.target]
        .filter(part => part !== undefined)
        .join(' ');
}

/** The same columns for tools (CSV): keywords, numbers and paths, the same in every language. */
const csvColumns: Array<[string, (row: BacklogRow) => string]> = columns.map(([name, cell]) => {
    switch (name) {
        case 'status':
            return [name, row => row.status ?? ''];
        case 'steps':
            return [name, row => row.steps.map(step => [step.journey, step.stage, step.step].join(' › ')).join('\n')];
        case 'expects':
            return [name, row => expectsKeywords(row)];
        default:
            return [name, cell];
    }
});

function columnTitle(name: string): string {
    switch (name) {
        case 'id': return t('id');
        case 'title': return t('title');
        case 'owner': return t('owner');
        case 'status': return t('status');
        case 'value': return t('value (1–5)');
        case 'effort': return t('effort (1–5)');
        case 'steps': return t('steps');
        case 'expects': return t('expected metric');
        default: return t('file');
    }
}

function formatBacklog(rows: BacklogRow[], format: OpportunitiesOptions['format']): string {
    // Where each step is written is for views that link to it; the file paths say enough here.
    if (format === 'json')
        return JSON.stringify(
            {
                version: 1,
                opportunities: rows.map(({ uri, steps, ...row }) => ({
                    ...row,
                    steps: steps.map(({ range: _range, ...step }) => step),
                    file: uri
                }))
            },
            null,
            2
        );
    if (format === 'csv') {
        return stringify([
            csvColumns.map(([name]) => name),
            ...rows.map(row => csvColumns.map(([, cell]) => cell(row)))
        ]).trimEnd();
    }
    if (rows.length === 0) return t('No opportunities in these maps.');
    const header = columns.map(([name]) => columnTitle(name));
    if (format === 'md') {
        return markdownTable(header, rows.map(row => columns.map(([, cell]) => cell(row).split('\n'))));
    }
    return formatTextTable(
        header,
        rows.map(row => columns.map(([name, cell]) => (name === 'steps' ? cell(row).replace(/\n/g, ' / ') : cell(row))))
    );
}
