import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isChannel,
    isDataSource,
    isJourney,
    isMetricDefinition,
    isMetricValue,
    isOpportunity,
    isPersona,
    isStage,
    isStep,
    isStory,
    isView,
    type Opportunity,
    type Story,
    type View,
    type Channel,
    type DataSource,
    type Journey,
    type MetricDefinition,
    type MetricValue,
    type Persona,
    type Stage,
    type Step
} from '../language/generated/ast.js';
import { metricModel, type JourneyModelBuilder } from '../language/journey-model-builder.js';
import type { JourneyServices } from '../language/journey-module.js';
import type { PeriodValue, SurveySample } from '../model/journey-model.js';
import { emotionScaleOf, resolveMetricValue } from '../language/journey-values.js';
import type { DataSources } from '../language/journey-data-sources.js';
import {
    comparisonSymbol,
    formatMeasuredValue,
    formatNumber,
    formatTarget,
    formatTargetValue,
    formatTrend,
    statusWord,
    trendOf
} from '../metrics/metric-format.js';
import { intendedComparison } from '../metrics/target-comparison.js';
import { metricStatus } from '../metrics/metric-status.js';
import { escapeMarkdown } from '../render/markdown-text.js';
import { t } from '../model/localisation.js';
import { stepsOf } from '../language/journey-scope.js';
import { lowestScore, painsOf } from '../language/journey-view-models.js';

/**
 * Hover cards: a persona card, a metric with unit and target, a step summary with its
 * emotion, and on the value side of `metric x = …` the value itself: number, status,
 * target, period and trend, and the data row it came from. A `/** … *\/` documentation
 * comment is shown below the card.
 */
export class JourneyHoverProvider extends MultilineCommentHoverProvider {
    private readonly dataSources: DataSources;
    private readonly modelBuilder: JourneyModelBuilder;

    constructor(services: JourneyServices) {
        super(services);
        this.dataSources = services.journey.DataSources;
        this.modelBuilder = services.journey.ModelBuilder;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const value = leaf && AstUtils.getContainerOfType(leaf.astNode, isMetricValue);
        // The metric's name shows the definition (the default); what follows `=` shows the value: a data link, or the
        // number.
        if (value && (leaf.astNode !== value || leaf === GrammarUtils.findNodeForProperty(value.$cstNode, 'number'))) {
            const card = await this.metricValueCard(value);
            if (card) return { contents: { kind: 'markdown', value: card } };
        }
        return super.getHoverContent(document, params);
    }

    private async metricValueCard(value: MetricValue): Promise<string | undefined> {
        const definition = value.metric?.ref;
        if (!definition) return undefined;
        const metric = metricModel(definition);
        const found = await this.resolveValue(value);
        const status = metricStatus(metric, found.number);
        const name = `**${escapeMarkdown(metric.title ?? metric.name)}**`;
        const lines = [
            found.number === undefined
                ? `${name} = ${statusWord('no-data')}`
                : `${name} = **${escapeMarkdown(formatMeasuredValue({ value: found.number, sample: found.sample }, metric))}** ${statusWord(status)}`
        ];
        const target = formatTarget(metric);
        if (target) {
            const judged = t('{target} ({direction})', {
                target: escapeMarkdown(target),
                direction: directionWords(metric.target!.comparison)
            });
            lines.push(
                metric.warn === undefined
                    ? judged
                    : t('{target}, close within {warn}', { target: judged, warn: metric.warn })
            );
        }
        const trend = trendOf({ metric: metric.name, status, value: found.number, series: found.series }, metric);
        const period = found.series?.at(-1)?.period;
        if (period)
            lines.push(
                `${t('period {period}', { period: escapeMarkdown(period) })}${trend ? ` · ${escapeMarkdown(formatTrend(trend))}` : ''}`
            );
        if (found.row) {
            const file = `\`${(found.path ?? '').replace(/`/g, "'")}\``;
            const where = found.line ? t('{file} line {line}', { file, line: found.line }) : file;
            lines.push(
                `${where}: ${Object.entries(found.row)
                    .map(([column, cell]) => `${escapeMarkdown(column)} = ${escapeMarkdown(cell)}`)
                    .join(' · ')}`
            );
        }
        if (found.problem) lines.push(escapeMarkdown(found.problem));
        return lines.join('\n\n');
    }

    /**
     * The number a metric value stands for, and for a data link the row, line and series it came from, or why there is
     * none.
     */
    private async resolveValue(
        value: MetricValue
    ): Promise<{
        number?: number;
        series?: PeriodValue[];
        sample?: SurveySample;
        row?: Record<string, string>;
        line?: number;
        path?: string;
        problem?: string;
    }> {
        const resolved = await resolveMetricValue(value, this.dataSources);
        if (resolved.kind === 'written') return { number: resolved.value };
        if (resolved.kind !== 'linked') return { problem: resolved.problem };
        if ('problem' in resolved.found) return { path: resolved.path, problem: resolved.found.problem };
        const { value: number, series, sample, row, line } = resolved.found;
        return { number, series, sample, row, line, path: resolved.path };
    }

    protected override async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        const card = hoverCard(node);
        const voice = isStep(node) ? await this.customerVoice(node) : undefined;
        const documentation = this.documentationProvider.getDocumentation(node);
        const parts = [card && voice ? `${card}\n\n${voice}` : card, documentation].filter((part): part is string =>
            Boolean(part)
        );
        return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
    }

    /** What customers said about a step: the emotion measured from their answers, and their own words. */
    private async customerVoice(step: Step): Promise<string | undefined> {
        const journey = step.$container.$container;
        const scale = emotionScaleOf(journey);
        const measured =
            step.measuredEmotions.length > 0 ? await this.modelBuilder.measuredEmotion(step, scale) : undefined;
        const quotes = step.quoteLinks.length > 0 ? await this.modelBuilder.quotes(step) : undefined;
        const lines: string[] = [];
        if (measured) {
            lines.push(
                labelled(
                    t('Measured emotion:'),
                    t('{score} of {min}..{max} (mean answer {mean} of {answerMin}..{answerMax}, n = {n})', {
                        score: formatNumber(measured.score),
                        min: scale.min,
                        max: scale.max,
                        mean: formatNumber(measured.mean),
                        answerMin: measured.answerScale.min,
                        answerMax: measured.answerScale.max,
                        n: measured.n
                    })
                )
            );
        }
        if (quotes)
            lines.push(labelled(t('Customers said:'), ''), ...quotes.map(quote => `> ${escapeMarkdown(quote)}`));
        return lines.length > 0 ? lines.join('\n\n') : undefined;
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
    if (isOpportunity(node)) return opportunityCard(node);
    if (isView(node)) return viewCard(node);
    if (isStory(node)) return storyCard(node);
    return undefined;
}

/** `conversion ≥ 12`: the metric an opportunity expects to move, and where to. */
function expectationText(opportunity: Opportunity): string {
    const { metric, target } = opportunity.expectations[0];
    const goal = target ? ` ${comparisonSymbol(intendedComparison(target.comparison))} ${target.value}` : '';
    return escapeMarkdown(`${metric.$refText}${goal}`);
}

/**
 * An opportunity: who owns it, how far it is, what it is worth and costs, and each step it addresses with that step's
 * pains and emotion.
 */
function opportunityCard(opportunity: Opportunity): string {
    const lines = [heading(t('Opportunity'), opportunity.name, opportunity.title)];
    const facts = [
        opportunity.owners[0] && labelled(t('Owner:'), escapeMarkdown(opportunity.owners[0])),
        opportunity.statuses[0] && labelled(t('Status:'), escapeMarkdown(opportunity.statuses[0])),
        opportunity.values[0] !== undefined && labelled(t('Value:'), `${opportunity.values[0]} / 5`),
        opportunity.efforts[0] !== undefined && labelled(t('Effort:'), `${opportunity.efforts[0]} / 5`),
        opportunity.expectations[0]?.metric && labelled(t('Expects:'), expectationText(opportunity))
    ].filter((fact): fact is string => Boolean(fact));
    if (facts.length > 0) lines.push(facts.join(' · '));
    for (const reference of opportunity.addresses) {
        const step = reference.ref;
        if (!step) continue;
        const emotion = step.emotions[0];
        const pains = step.pains.map(claim => claim.text).filter((text): text is string => typeof text === 'string');
        const about = [
            emotion ? t('emotion {score}', { score: emotion.score }) : undefined,
            pains.length > 0 ? t('pains: {pains}', { pains: pains.join('; ') }) : undefined
        ].filter(Boolean).join('; ');
        lines.push(
            `- \`${escapeMarkdown(reference.$refText)}\` ${escapeMarkdown(step.title ?? step.name)}${about ? ` — ${escapeMarkdown(about)}` : ''}`
        );
    }
    for (const evidence of opportunity.evidence) lines.push(labelled(t('Evidence:'), escapeMarkdown(evidence)));
    return lines.join('\n\n');
}

function heading(kind: string, name: string, title: string | undefined): string {
    return `**${kind}** \`${name}\`${title ? ` — ${escapeMarkdown(title)}` : ''}`;
}

/** `*Role:* value` — the label translated, the value escaped by the caller. */
function labelled(label: string, value: string): string {
    return `*${label}* ${value}`;
}

function directionWords(comparison: '>=' | '<='): string {
    return comparison === '>=' ? t('higher is better') : t('lower is better');
}

function personaCard(persona: Persona): string {
    const lines = [heading(t('Persona'), persona.name, persona.title)];
    if (persona.roles[0]) lines.push(labelled(t('Role:'), escapeMarkdown(persona.roles[0])));
    if (persona.goals.length) lines.push(`*${t('Goals:')}*`, ...persona.goals.map(goal => `- ${escapeMarkdown(goal)}`));
    if (persona.frustrations.length)
        lines.push(`*${t('Frustrations:')}*`, ...persona.frustrations.map(item => `- ${escapeMarkdown(item)}`));
    if (persona.quotes[0]) lines.push(`> ${escapeMarkdown(persona.quotes[0])}`);
    return lines.join('\n\n');
}

function metricCard(metric: MetricDefinition): string {
    const model = metricModel(metric);
    const facts = [
        metric.unit && t('unit: {unit}', { unit: metric.unit }),
        metric.scale && t('scale: {min}..{max}', { min: metric.scale.min, max: metric.scale.max }),
        model.target &&
            t('target: {target} ({direction})', {
                target: formatTargetValue(model)!,
                direction: directionWords(model.target.comparison)
            })
    ].filter(Boolean);
    return [heading(t('Metric'), metric.name, metric.title), facts.join(' · ')].filter(Boolean).join('\n\n');
}

function stepCard(step: Step): string {
    const stage = step.$container;
    const journey = stage.$container;
    const lines = [
        heading(t('Step'), step.name, step.title),
        t('in stage `{stage}` of journey `{journey}`', { stage: stage.name, journey: journey.name })
    ];
    const emotion = step.emotions[0];
    if (emotion) {
        const scale = emotionScaleOf(journey);
        const score = t('{score} of {min}..{max}', { score: emotion.score, min: scale.min, max: scale.max });
        lines.push(
            labelled(
                t('Emotion:'),
                `${score}${emotion.feeling ? ` (${emotion.feeling})` : ''}${emotion.note ? ` — ${escapeMarkdown(emotion.note)}` : ''}`
            )
        );
    }
    if (step.channels.length)
        lines.push(labelled(t('Channel:'), step.channels.map(channel => channel.$refText).join(', ')));
    if (step.touchpoints.length)
        lines.push(labelled(t('Touchpoints:'), step.touchpoints.map(escapeMarkdown).join(', ')));
    if (step.momentsOfTruth.length)
        lines.push(
            labelled(
                t('Moment of truth:'),
                step.momentsOfTruth.map(claim => escapeMarkdown(claim.text ?? '')).join('; ')
            )
        );
    if (step.pains.length) lines.push(labelled(t('Pain points:'), String(step.pains.length)));
    if (step.opportunities.length) lines.push(labelled(t('Opportunities:'), String(step.opportunities.length)));
    if (step.next.length) lines.push(labelled(t('Next:'), step.next.map(next => next.$refText).join(', ')));
    if (step.exit) lines.push(labelled(t('Exit:'), t('the customer may leave the journey here')));
    const detail = step.details[0]?.ref;
    if (detail) lines.push(labelled(t('In detail:'), detailSummary(detail)));
    return lines.join('\n\n');
}

/** The journey that details a step, as its hover says it: title, size, lowest emotion and pains. */
function detailSummary(journey: Journey): string {
    const lowest = lowestScore(journey);
    const facts = [
        t('{stages} stages · {steps} steps', { stages: journey.stages.length, steps: stepsOf(journey).length }),
        lowest === undefined ? undefined : t('lowest emotion {score}', { score: lowest }),
        t('{count} pains', { count: painsOf(journey) })
    ].filter(Boolean).join(' · ');
    return `\`${journey.name}\`${journey.title ? ` ${escapeMarkdown(journey.title)}` : ''} — ${facts}`;
}

function viewCard(view: View): string {
    const all = t('all');
    const lines = [heading(t('View'), view.name, view.title),
        labelled(t('Journeys:'), view.journeys.map(reference => reference.$refText).join(', ') || all),
        labelled(t('Persona:'), view.personas[0]?.$refText ?? all),
        labelled(t('Lanes:'), view.lanes.join(', ') || all)];
    const stages = view.stages.map(reference => reference.$refText).join(', ');
    if (stages) lines.push(labelled(t('Stages:'), stages));
    return lines.join('\n\n');
}

function storyCard(story: Story): string {
    const lines = [heading(t('Story'), story.name, story.title), t('{count} slides', { count: story.slides.length })];
    if (story.views[0]) lines.push(labelled(t('View:'), story.views[0].$refText));
    return lines.join('\n\n');
}

function channelCard(channel: Channel): string {
    return [heading(t('Channel'), channel.name, channel.title), channel.kind ?? ''].filter(Boolean).join('\n\n');
}

function dataSourceCard(source: DataSource): string {
    return `${heading(t('Data source'), source.name, undefined)}\n\n\`${escapeMarkdown(source.path)}\``;
}

function journeyCard(journey: Journey): string {
    const scale = emotionScaleOf(journey);
    const summary = t('{stages} stages · {steps} steps · emotion scale {min}..{max}', {
        stages: journey.stages.length,
        steps: stepsOf(journey).length,
        min: scale.min,
        max: scale.max
    });
    return `${heading(t('Journey'), journey.name, journey.title)}\n\n${summary}`;
}

function stageCard(stage: Stage): string {
    const journey = AstUtils.getContainerOfType(stage, isJourney);
    return `${heading(t('Stage'), stage.name, stage.title)}\n\n${t('{steps} steps in journey `{journey}`', { steps: stage.steps.length, journey: journey?.name ?? '' })}`;
}
