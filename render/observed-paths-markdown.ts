import { stepTitles, type JourneyMapModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { undocumentedTransitions } from '../model/observed-paths.js';
import { deadStepSentence, fitnessSentence, groupSentence, splitSentences, undocumentedSentence } from '../paths/path-sentences.js';
import { escapeMarkdown } from './markdown-text.js';
import { renderMermaidFlowchart } from './mermaid-flowchart.js';

/**
 * What customers actually did, for the Markdown summary: the sentences a product manager reads
 * first, then the observed flows as a Mermaid flowchart (GitHub draws it). Nothing for a journey
 * that reads no event log.
 */
export function observedPathsMarkdown(journey: JourneyMapModel): string[] {
    const observed = journey.observedPaths;
    if (!observed) return [];
    const lines = [`## ${t('Observed paths')}`, ''];
    const paths = observed.paths;
    if (!paths) return [...lines, escapeMarkdown(observed.missing ?? ''), ''];
    const titles = stepTitles(journey);
    const title = (step: string) => escapeMarkdown(titles.get(step) ?? step);
    lines.push(`${fitnessSentence(paths)} (${t('log {log}', { log: escapeMarkdown(paths.source) })}${observed.pulledAt ? `, ${observed.pulledAt.slice(0, 10)}` : ''})`, '');
    for (const transition of undocumentedTransitions(paths)) lines.push(`- ${undocumentedSentence(transition, paths, title)}`);
    for (const step of paths.deadSteps) lines.push(`- ${deadStepSentence(step, title)}`);
    if (paths.split) {
        const escaped = { ...paths.split, groups: paths.split.groups.map(group => ({ ...group, value: escapeMarkdown(group.value) })) };
        lines.push('', ...escaped.groups.map(group => `- ${groupSentence(group, escaped.goal, title)}`), '', ...splitSentences(escaped, title));
    }
    lines.push('', '```mermaid', renderMermaidFlowchart(journey).trimEnd(), '```', '');
    return lines;
}
