import { displayName, stepTitleOf } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { shareOf, undocumentedTransitions, type ObservedPaths } from '../model/observed-paths.js';
import {
    deadStepSentence, fitnessSentence, groupSentence, percentText, splitSentences, undocumentedSentence, type StepTitle
} from '../paths/path-sentences.js';
import { escapeMarkdown, markdownTable } from '../render/markdown-text.js';
import { splitForMarkdown } from '../render/observed-paths-markdown.js';
import type { MinedJourney } from './paths-command.js';
import { formatTextTable } from './text-table.js';

/** The variants a report lists; the JSON has them all. */
const shownVariants = 10;

type ShownJourney = MinedJourney & { file: string };

/** What the terminal prints: per journey, the sentences first, then the steps and the commonest paths. */
export function formatPathsText(journeys: ShownJourney[]): string {
    return journeys.map(journey => {
        const title = stepTitleOf(journey.model);
        const { paths } = journey;
        const heading = `${displayName(journey.model)} (${journey.file}, ${t('log {log}', { log: paths.source })})`;
        const lines = [heading, `  ${fitnessSentence(paths)}`];
        if (paths.unmappedEvents > 0) lines.push(`  ${unmappedSentence(paths)}`);
        for (const sentence of findings(paths, title)) lines.push(`  ${sentence}`);
        lines.push('', ...formatTextTable(stepHeader(), stepRows(paths, title)).split('\n').map(line => `  ${line}`));
        lines.push('', `  ${t('Most common paths:')}`, ...variantLines(paths, title).map(line => `    ${line}`));
        if (paths.split) {
            lines.push('', `  ${t('Split by {column}:', { column: paths.split.column })}`);
            for (const group of paths.split.groups) lines.push(`    ${groupSentence(group, paths.split.goal, title)}`);
            for (const sentence of splitSentences(paths.split, title)) lines.push(`    ${sentence}`);
        }
        return lines.join('\n');
    }).join('\n\n');
}

/** The same in Markdown, for a pull request or a wiki. */
export function formatPathsMarkdown(journeys: ShownJourney[]): string {
    return journeys.map(journey => {
        const title = stepTitleOf(journey.model, escapeMarkdown);
        const { paths } = journey;
        const where = `(\`${journey.file}\`, ${t('log {log}', { log: escapeMarkdown(paths.source) })})`;
        const lines = [
            `## ${escapeMarkdown(displayName(journey.model))}`,
            '',
            `${fitnessSentence(paths)} ${where}`,
            ''
        ];
        if (paths.unmappedEvents > 0) lines.push(unmappedSentence(paths), '');
        for (const sentence of findings(paths, title)) lines.push(`- ${sentence}`);
        // The table escapes its cells itself.
        lines.push('', markdownTable(stepHeader(), stepRows(paths, stepTitleOf(journey.model))));
        lines.push('', `**${t('Most common paths:')}**`, '');
        lines.push(...variantLines(paths, title).map(line => `1. ${line}`));
        if (paths.split) {
            const split = splitForMarkdown(paths.split);
            lines.push('', `**${t('Split by {column}:', { column: escapeMarkdown(split.column) })}**`, '');
            for (const group of split.groups) lines.push(`- ${groupSentence(group, split.goal, title)}`);
            lines.push('', ...splitSentences(split, title));
        }
        return lines.join('\n');
    }).join('\n\n');
}

function unmappedSentence(paths: ObservedPaths): string {
    return t('Events of the log bound to no step of this journey, left out: {count}.', { count: paths.unmappedEvents });
}

/** What a reader should look at: moves the map does not show, and steps nobody reaches. */
function findings(paths: ObservedPaths, title: StepTitle): string[] {
    return [
        ...undocumentedTransitions(paths).map(transition => undocumentedSentence(transition, paths, title)),
        ...paths.deadSteps.map(step => deadStepSentence(step, title))
    ];
}

function stepHeader(): string[] {
    return [t('step'), t('reach'), t('drop-off')];
}

function stepRows(paths: ObservedPaths, title: StepTitle): string[][] {
    return paths.steps.map(step => [
        title(step.step),
        `${step.reach} · ${percentText(shareOf(step.reach, paths.cases))}`,
        step.dropOff > 0 ? `${step.dropOff} · ${percentText(shareOf(step.dropOff, paths.cases))}` : '–'
    ]);
}

function variantLines(paths: ObservedPaths, title: StepTitle): string[] {
    const lines = paths.variants.slice(0, shownVariants)
        .map(variant => {
            const share = percentText(shareOf(variant.count, paths.cases));
            return `${share} (${variant.count})  ${variant.path.map(title).join(' → ')}`;
        });
    const total = paths.variantCount ?? paths.variants.length;
    if (total > shownVariants) lines.push(t('… and {count} other paths', { count: total - shownVariants }));
    return lines;
}
