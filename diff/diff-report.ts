import { t } from '../model/localisation.js';
import { escapeMarkdown } from '../render/markdown-text.js';
import { mermaidText } from '../render/mermaid-text.js';
import { escapeXml } from '../render/svg.js';
import type { EmotionComparison } from './emotion-comparison.js';
import { addedStepOf, type Change } from './journey-diff.js';

const markers: Record<Change['kind'], string> = { added: '+', removed: '-', renamed: '~', moved: '>', changed: '~' };
/** Signs for a pull-request comment, where colour may not show: one per kind of change. */
const markdownMarkers: Record<Change['kind'], string> = {
    added: '➕',
    removed: '➖',
    renamed: '🏷️',
    moved: '↕️',
    changed: '✏️'
};
const colours: Record<Change['kind'], string> = {
    added: '\u001b[32m',
    removed: '\u001b[31m',
    renamed: '\u001b[33m',
    moved: '\u001b[36m',
    changed: '\u001b[33m'
};

/** One line per change, `+` added, `-` removed, `~` changed or renamed, `>` moved. */
export function formatDiffText(changes: Change[], colour: boolean): string {
    if (changes.length === 0) return t('No semantic changes.');
    const lines = changes.map(change => {
        const line = `${markers[change.kind]} ${change.summary}  (${change.path})`;
        return colour ? `${colours[change.kind]}${line}\u001b[0m` : line;
    });
    return [...lines, changes.length === 1 ? t('1 change') : t('{count} changes', { count: changes.length })].join(
        '\n'
    );
}

/** A changed journey as it is after the change, as a Mermaid `journey` diagram. */
export interface JourneyPicture {
    journey: string;
    mermaid: string;
    /** What each step shows after the change, as Markdown lines: listed under a step that was added. */
    steps?: Record<string, string[]>;
}

/**
 * A summary table for a pull-request comment, then the changes grouped by journey, each
 * journey whose emotions changed with its before/after curve as a Mermaid chart, and each
 * changed journey as it now is, a Mermaid `journey` in a collapsed block (GitHub draws both).
 */
/** A named view of the new version with the steps the changes touched in front (`diff --view Exec`). */
export interface ViewPicture {
    view: string;
    /** One Mermaid flowchart per journey of the view that a change touched. */
    flowcharts: Array<{ journey: string; mermaid: string }>;
}

export function formatDiffMarkdown(
    changes: Change[], emotions: EmotionComparison[] = [], pictures: JourneyPicture[] = [], views: ViewPicture[] = []
): string {
    if (changes.length === 0) return `**${t('Journey maps:')}** ${t('no semantic changes.')}\n`;
    const count = (kind: Change['kind']) => changes.filter(change => change.kind === kind).length;
    const lines = [
        `### ${t('Journey map changes')}`,
        '',
        `| ${[t('added'), t('removed'), t('changed'), t('renamed'), t('moved')].join(' | ')} |`,
        '|---|---|---|---|---|',
        `| ${count('added')} | ${count('removed')} | ${count('changed')} | ${count('renamed')} | ${count('moved')} |`,
        ''
    ];
    const groups = new Map<string, Change[]>();
    for (const change of changes) {
        // Opportunities have a section of their own: a status moved on is what a reviewer of the backlog looks for.
        const key = change.element === 'opportunity' ? t('Opportunities') : change.journey ?? t('Declarations');
        groups.set(key, [...(groups.get(key) ?? []), change]);
    }
    for (const [journey, group] of groups) {
        const picture = pictures.find(candidate => candidate.journey === journey);
        // A new step is shown whole: a reviewer reads what it says, not only that it is there.
        const contents = (change: Change) => {
            const added = addedStepOf(change);
            return added === undefined ? [] : (picture?.steps?.[added] ?? []).map(line => `  - ${line}`);
        };
        lines.push(
            `#### ${escapeMarkdown(journey)}`,
            '',
            ...group.flatMap(change => [
                `- ${markdownMarkers[change.kind]} ${escapeMarkdown(change.summary)}`,
                ...contents(change)
            ]),
            ''
        );
        const curve = emotions.find(comparison => comparison.journey === journey);
        if (curve) lines.push(...emotionChartMarkdown(curve), '');
        if (picture) lines.push(...pictureMarkdown(picture), '');
    }
    for (const view of views) lines.push(...viewMarkdown(view));
    return lines.join('\n');
}

/** The view's journeys a change touched, as flowcharts with the touched steps in front and the rest dimmed. */
function viewMarkdown(view: ViewPicture): string[] {
    if (view.flowcharts.length === 0) {
        return [
            `#### ${escapeMarkdown(t('View {view}', { view: view.view }))}`,
            '',
            t('No change touches this view.'),
            ''
        ];
    }
    return [
        `#### ${escapeMarkdown(t('View {view}: the steps the changes touched', { view: view.view }))}`, '',
        ...view.flowcharts.flatMap(chart =>
            [`**${escapeMarkdown(chart.journey)}**`, '', '```mermaid', chart.mermaid.trimEnd(), '```', ''])
    ];
}

/**
 * Before as bars, after as a line (told apart by shape, not only colour), for the steps
 * that have an emotion in both versions; the others are listed under the chart.
 */
export function emotionChartMarkdown(comparison: EmotionComparison): string[] {
    const both = comparison.points.filter(point => point.before !== undefined && point.after !== undefined);
    const onlyBefore = comparison.points.filter(point => point.before !== undefined && point.after === undefined);
    const onlyAfter = comparison.points.filter(point => point.after !== undefined && point.before === undefined);
    const label = (text: string) => `"${mermaidText(text).replace(/"/g, '″')}"`;
    const lines = [
        t('Emotion curve of {title}: bars before, line after.', { title: escapeMarkdown(comparison.title) }),
        ''
    ];
    if (both.length > 0) {
        lines.push('```mermaid', 'xychart-beta',
            `    x-axis [${both.map(point => label(point.label)).join(', ')}]`,
            `    y-axis ${label(t('Emotion'))} ${comparison.scale.min} --> ${comparison.scale.max}`,
            `    bar [${both.map(point => point.before).join(', ')}]`,
            `    line [${both.map(point => point.after).join(', ')}]`,
            '```', '');
    }
    const list = (points: typeof both, side: 'before' | 'after') =>
        points.map(point => `${escapeMarkdown(point.label)} (${point[side]})`).join(', ');
    if (onlyBefore.length > 0) lines.push(t('Only before: {steps}.', { steps: list(onlyBefore, 'before') }));
    if (onlyAfter.length > 0) lines.push(t('Only after: {steps}.', { steps: list(onlyAfter, 'after') }));
    return lines;
}

/** The journey after the change, folded away: the list of changes stays what a reviewer reads first. */
function pictureMarkdown(picture: JourneyPicture): string[] {
    return [
        '<details>',
        `<summary>${escapeXml(t('The journey {name} after this change (Mermaid)', { name: picture.journey }))}</summary>`,
        '',
        '```mermaid',
        picture.mermaid.trimEnd(),
        '```',
        '',
        '</details>'
    ];
}

/** Stable JSON: `{ "version": 2, "changes": [...] }`, each change as in `Change` (`diff/journey-diff.schema.json`). */
export function formatDiffJson(changes: Change[]): string {
    return JSON.stringify({ version: 2, changes }, null, 2) + '\n';
}
