import { stepTitleOf, type JourneyMapModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { undocumentedTransitions, type PathSplit } from '../model/observed-paths.js';
import {
    deadStepSentence, fitnessSentence, groupSentence, splitSentences, undocumentedSentence
} from '../paths/path-sentences.js';
import { escapeMarkdown } from './markdown-text.js';
import { renderMermaidFlowchart } from './mermaid-flowchart.js';

/** A split whose group values (cells of the log) are escaped for Markdown, like the map's own text. */
export function splitForMarkdown(split: PathSplit): PathSplit {
    const escape = <T extends { value: string }>(entry: T): T => ({ ...entry, value: escapeMarkdown(entry.value) });
    return {
        ...split,
        groups: split.groups.map(escape),
        ...(split.comparisons ? { comparisons: split.comparisons.map(escape) } : {})
    };
}

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
    const title = stepTitleOf(journey, escapeMarkdown);
    lines.push(
        `${fitnessSentence(paths)} (${t('log {log}', { log: escapeMarkdown(paths.source) })}${observed.pulledAt ? `, ${observed.pulledAt.slice(0, 10)}` : ''})`,
        ''
    );
    for (const move of undocumentedTransitions(paths)) lines.push(`- ${undocumentedSentence(move, paths, title)}`);
    for (const step of paths.deadSteps) lines.push(`- ${deadStepSentence(step, title)}`);
    if (paths.split) {
        const split = splitForMarkdown(paths.split);
        lines.push(
            '',
            ...split.groups.map(group => `- ${groupSentence(group, split.goal, title)}`),
            '',
            ...splitSentences(split, title)
        );
    }
    lines.push('', '```mermaid', renderMermaidFlowchart(journey).trimEnd(), '```', '');
    return lines;
}
