import { AstUtils, type AstNode, type MaybePromise } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import {
    isChannel, isDataSource, isJourney, isMetricDefinition, isPersona, isStage, isStep,
    type Channel, type DataSource, type Journey, type MetricDefinition, type Persona, type Stage, type Step
} from '../language/generated/ast.js';
import { emotionScaleOf } from '../language/journey-validator.js';
import { escapeMarkdown } from '../render/markdown-text.js';
import { stepsOf } from '../language/journey-scope.js';

/**
 * Hover cards: a persona card, a metric with unit and target, a step summary with its
 * emotion. A `/** … *\/` documentation comment is shown below the card.
 */
export class JourneyHoverProvider extends MultilineCommentHoverProvider {
    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const card = hoverCard(node);
        const documentation = this.documentationProvider.getDocumentation(node);
        const parts = [card, documentation].filter((part): part is string => Boolean(part));
        return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
    }
}

export function hoverCard(node: AstNode): string | undefined {
    if (isPersona(node)) return personaCard(node);
    if (isMetricDefinition(node)) return metricCard(node);
    if (isStep(node)) return stepCard(node);
    if (isChannel(node)) return channelCard(node);
    if (isDataSource(node)) return dataSourceCard(node);
    if (isJourney(node)) return journeyCard(node);
    if (isStage(node)) return stageCard(node);
    return undefined;
}

function heading(kind: string, name: string, title: string | undefined): string {
    return `**${kind}** \`${name}\`${title ? ` — ${escapeMarkdown(title)}` : ''}`;
}

function personaCard(persona: Persona): string {
    const lines = [heading('Persona', persona.name, persona.title)];
    if (persona.roles[0]) lines.push(`*Role:* ${escapeMarkdown(persona.roles[0])}`);
    if (persona.goals.length) lines.push('*Goals:*', ...persona.goals.map(goal => `- ${escapeMarkdown(goal)}`));
    if (persona.frustrations.length) lines.push('*Frustrations:*', ...persona.frustrations.map(item => `- ${escapeMarkdown(item)}`));
    if (persona.quotes[0]) lines.push(`> ${escapeMarkdown(persona.quotes[0])}`);
    return lines.join('\n\n');
}

function metricCard(metric: MetricDefinition): string {
    const facts = [
        metric.unit && `unit: ${metric.unit}`,
        metric.scale && `scale: ${metric.scale.min}..${metric.scale.max}`,
        metric.target && `target: ${metric.target.comparison === '>=' ? '≥' : '≤'} ${metric.target.value}${metric.unit === 'percent' ? '%' : ''} (${metric.target.comparison === '>=' ? 'higher is better' : 'lower is better'})`
    ].filter(Boolean);
    return [heading('Metric', metric.name, metric.title), facts.join(' · ')].filter(Boolean).join('\n\n');
}

function stepCard(step: Step): string {
    const stage = step.$container;
    const journey = stage.$container;
    const lines = [heading('Step', step.name, step.title), `in stage \`${stage.name}\` of journey \`${journey.name}\``];
    const emotion = step.emotions[0];
    if (emotion) {
        const scale = emotionScaleOf(journey);
        lines.push(`*Emotion:* ${emotion.score} of ${scale.min}..${scale.max}${emotion.feeling ? ` (${emotion.feeling})` : ''}${emotion.note ? ` — ${escapeMarkdown(emotion.note)}` : ''}`);
    }
    if (step.channels.length) lines.push(`*Channel:* ${step.channels.map(channel => channel.$refText).join(', ')}`);
    if (step.touchpoints.length) lines.push(`*Touchpoints:* ${step.touchpoints.map(escapeMarkdown).join(', ')}`);
    if (step.momentsOfTruth.length) lines.push(`*Moment of truth:* ${step.momentsOfTruth.map(escapeMarkdown).join('; ')}`);
    if (step.pains.length) lines.push(`*Pain points:* ${step.pains.length}`);
    if (step.opportunities.length) lines.push(`*Opportunities:* ${step.opportunities.length}`);
    if (step.next.length) lines.push(`*Next:* ${step.next.map(next => next.$refText).join(', ')}`);
    if (step.exit) lines.push('*Exit:* the customer may leave the journey here');
    return lines.join('\n\n');
}

function channelCard(channel: Channel): string {
    return [heading('Channel', channel.name, channel.title), channel.kind ?? ''].filter(Boolean).join('\n\n');
}

function dataSourceCard(source: DataSource): string {
    return `${heading('Data source', source.name, undefined)}\n\n\`${escapeMarkdown(source.path)}\``;
}

function journeyCard(journey: Journey): string {
    const scale = emotionScaleOf(journey);
    return `${heading('Journey', journey.name, journey.title)}\n\n${journey.stages.length} stages · ${stepsOf(journey).length} steps · emotion scale ${scale.min}..${scale.max}`;
}

function stageCard(stage: Stage): string {
    const journey = AstUtils.getContainerOfType(stage, isJourney);
    return `${heading('Stage', stage.name, stage.title)}\n\n${stage.steps.length} steps in journey \`${journey?.name}\``;
}
