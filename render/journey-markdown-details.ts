import {
    allSteps,
    displayName,
    stepTitles,
    type JourneyMapModel,
    type JourneyModel,
    type StepModel
} from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { escapeMarkdown } from './markdown-text.js';
import { confidenceLabel } from '../model/confidence-label.js';
import { opportunitiesOfStep } from '../model/step-opportunities.js';
import { formatMeasuredValue } from '../metrics/metric-format.js';

/**
 * Under the table of a journey's Markdown summary, what the map shows of each step beyond its
 * emotion, pains, opportunities and metrics: channels and touchpoints, who takes part and owns
 * it, the emotion's note and each persona's, what was measured and said, the evidence behind
 * claims, the service blueprint, fail points, and where the step leads. So git's textconv and
 * a README show every change a reviewer would see on the map.
 */
export function stepDetailsMarkdown(model: JourneyModel, journey: JourneyMapModel): string[] {
    const titles = stepTitles(journey);
    const sections = allSteps(journey)
        .map(step => ({ step, lines: detailLines(model, step, titles) }))
        .filter(section => section.lines.length > 0);
    if (sections.length === 0) return [];
    const section = ({ step, lines }: typeof sections[number]) =>
        [`### ${escapeMarkdown(displayName(step))}`, '', ...lines.map(line => `- ${line}`), ''];
    return [`## ${t('Step details')}`, '', ...sections.flatMap(section)];
}

/**
 * Everything the map shows of one step, as Markdown lines: its emotion, pains, opportunities and
 * metrics (the summary table's columns), then its details. For a step new in a pull request.
 */
export function stepMarkdownLines(model: JourneyModel, journey: JourneyMapModel, step: StepModel): string[] {
    const lines: string[] = [];
    if (step.emotion) {
        const emotion = escapeMarkdown([step.emotion.score, step.emotion.feeling].filter(Boolean).join(' '));
        lines.push(t('Emotion: {emotion}', { emotion }));
    }
    for (const pain of step.pains) lines.push(t('Pain point: {pain}', { pain: escapeMarkdown(pain) }));
    for (const opportunity of opportunitiesOfStep(model, journey.name, step)) {
        lines.push(t('Opportunity: {opportunity}', { opportunity: escapeMarkdown(opportunity.text) }));
    }
    for (const value of step.metrics) {
        const metric = model.metrics.find(candidate => candidate.name === value.metric);
        const name = displayName(metric ?? { name: value.metric });
        lines.push(`${escapeMarkdown(name)} ${escapeMarkdown(formatMeasuredValue(value, metric))}`);
    }
    return [...lines, ...detailLines(model, step, stepTitles(journey))];
}

function detailLines(model: JourneyModel, step: StepModel, titles: Map<string, string>): string[] {
    const text = escapeMarkdown;
    const list = (items: string[]) => items.map(text).join(', ');
    const channelTitle = (name: string) => displayName(model.channels.find(each => each.name === name) ?? { name });
    const lines: string[] = [];
    if (step.channels.length > 0) {
        lines.push(t('Channels: {channels}', { channels: list(step.channels.map(channelTitle)) }));
    }
    if (step.touchpoints.length > 0) {
        lines.push(t('Touchpoints: {touchpoints}', { touchpoints: list(step.touchpoints) }));
    }
    if (step.personas.length > 0) lines.push(t('Who: {personas}', { personas: list(step.personas) }));
    for (const owner of step.owners ?? []) lines.push(t('Owner: {owner}', { owner: text(owner) }));
    for (const moment of step.momentsOfTruth) {
        lines.push(`★ ${t('Moment of truth: {moment}', { moment: text(moment) })}`);
    }
    if (step.emotion?.note) lines.push(t('Why: {note}', { note: `“${text(step.emotion.note)}”` }));
    for (const emotion of step.personaEmotions ?? []) {
        const note = emotion.note && `“${emotion.note}”`;
        const words = [String(emotion.score), emotion.feeling, note].filter(Boolean).join(' ');
        lines.push(`${text(emotion.persona)}: ${text(words)}`);
    }
    const measured = step.measuredEmotion;
    if (measured) {
        const score = Math.round(measured.score * 10) / 10;
        lines.push(t('Measured emotion: {score} (n = {n})', { score, n: measured.n }));
    }
    for (const quote of step.quotes ?? []) lines.push(t('Customers said: {quote}', { quote: `“${text(quote)}”` }));
    for (const claim of step.claims ?? []) {
        const confidence = claim.confidence
            ? ` (${t('confidence: {confidence}', { confidence: confidenceLabel(claim.confidence) })})` : '';
        if (claim.evidence.length > 0 || confidence) {
            const evidence = t('Evidence: {evidence}', { evidence: list(claim.evidence) || '–' });
            lines.push(`${text(claim.text)}: ${evidence}${confidence}`);
        }
    }
    for (const action of step.blueprint ?? []) {
        lines.push(`${laneWord(action.lane)}: ${text(action.text)}${action.owner ? ` (${text(action.owner)})` : ''}`);
    }
    for (const failPoint of step.failPoints ?? []) lines.push(t('Fail point: {text}', { text: text(failPoint) }));
    if (step.next.length > 0) lines.push(`→ ${list(step.next.map(name => titles.get(name) ?? name))}`);
    if (step.exit) lines.push(`⏏ ${t('The customer may leave here')}`);
    if (step.events?.length) lines.push(t('Events: {events}', { events: list(step.events) }));
    if (step.detail) lines.push(detailLine(step));
    return lines;
}

/** `detail Repair`: the detail journey, and what rolls up from it where the step writes none of its own. */
function detailLine(step: StepModel): string {
    const summary = step.detailSummary;
    const rolledUp = [
        summary?.rolledUpEmotion === undefined ? '' : t('lowest emotion {score}', { score: summary.rolledUpEmotion }),
        summary?.rolledUpPains ? t('{count} pains', { count: summary.rolledUpPains }) : ''
    ].filter(Boolean);
    const journey = escapeMarkdown(summary?.title ?? step.detail ?? '');
    const line = `↳ ${t('In detail: {journey}', { journey })}`;
    return rolledUp.length > 0 ? `${line} (${t('rolled up: {facts}', { facts: rolledUp.join(', ') })})` : line;
}

function laneWord(lane: 'frontstage' | 'backstage' | 'support'): string {
    switch (lane) {
        case 'frontstage': return t('Frontstage');
        case 'backstage': return t('Backstage');
        default: return t('Support processes');
    }
}
