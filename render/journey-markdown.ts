import {
    allSteps,
    displayName,
    type JourneyMapModel,
    type JourneyModel,
    type PersonaModel
} from '../model/journey-model.js';
import { formatMeasuredValue, statusWord } from '../metrics/metric-format.js';
import { escapeMarkdown } from './markdown-text.js';
import { stepDetailsMarkdown } from './journey-markdown-details.js';
import { renderMermaidJourney } from './mermaid-journey.js';
import { observedPathsMarkdown } from './observed-paths-markdown.js';
import { t } from '../model/localisation.js';
import { opportunityChips, opportunitiesOfStep, type StepOpportunity } from '../model/step-opportunities.js';

/**
 * A Markdown summary for a README, a wiki or a pull request: the journey at a glance, a
 * table of steps, the details of each step, then a ```mermaid journey block that GitHub draws.
 */
export function renderJourneyMarkdown(model: JourneyModel, journey: JourneyMapModel): string {
    const personas = journey.personas
        .map(name => model.personas.find(p => p.name === name))
        .filter(p => p !== undefined);
    const lines = [`# ${escapeMarkdown(displayName(journey))}`, ''];
    if (journey.documentation) lines.push(escapeMarkdown(journey.documentation), '');
    for (const persona of personas) lines.push(...personaMarkdown(persona));
    const scale = journey.emotionScale;
    lines.push(
        t('{stages} stages · {steps} steps · emotion scale {min}..{max}', {
            stages: journey.stages.length,
            steps: allSteps(journey).length,
            min: scale.min,
            max: scale.max
        }),
        ''
    );
    const header = [t('Stage'), t('Step'), t('Emotion'), t('Pain points'), t('Opportunities'), t('Metrics')];
    lines.push(`| ${header.join(' | ')} |`, '|---|---|---|---|---|---|');
    for (const stage of journey.stages) {
        for (const step of stage.steps) {
            const emotion = step.emotion
                ? `${step.emotion.score}${step.emotion.feeling ? ` ${step.emotion.feeling}` : ''}`
                : '';
            const metrics = step.metrics.map(value => {
                const metric = model.metrics.find(m => m.name === value.metric);
                return `${escapeMarkdown(displayName(metric ?? { name: value.metric }))} ${formatMeasuredValue(value, metric)} (${statusWord(value.status)})`;
            });
            const star = step.momentsOfTruth.length > 0 ? ' ★' : '';
            const opportunities = opportunitiesOfStep(model, journey.name, step).map(opportunityText).join('; ');
            lines.push(
                `| ${escapeMarkdown(displayName(stage))} | ${escapeMarkdown(displayName(step))}${star} | ${escapeMarkdown(emotion)} | ${escapeMarkdown(step.pains.join('; '))} | ${escapeMarkdown(opportunities)} | ${metrics.join('; ')} |`
            );
        }
    }
    lines.push('', ...stepDetailsMarkdown(model, journey));
    lines.push(...observedPathsMarkdown(journey));
    lines.push('```mermaid', renderMermaidJourney(journey, model.personas).trimEnd(), '```', '');
    return lines.join('\n');
}


/** `Show shipping early (Mia · building)`: a declared opportunity with its owner and status. */
function opportunityText(opportunity: StepOpportunity): string {
    const chips = opportunityChips(opportunity);
    return chips.length > 0 ? `${opportunity.text} (${chips.join(' · ')})` : opportunity.text;
}

/** A persona as its card on the map shows it: title and role, goals, frustrations, quote. */
function personaMarkdown(persona: PersonaModel): string[] {
    const role = persona.role ? ` — ${escapeMarkdown(persona.role)}` : '';
    const items = [
        ...persona.goals.map(goal => t('Goal: {goal}', { goal: escapeMarkdown(goal) })),
        ...persona.frustrations.map(text => t('Frustration: {frustration}', { frustration: escapeMarkdown(text) })),
        ...(persona.quote ? [`“${escapeMarkdown(persona.quote)}”`] : [])
    ];
    const listed = items.length > 0 ? [...items.map(item => `- ${item}`), ''] : [];
    return [`**${t('Persona:')}** ${escapeMarkdown(displayName(persona))}${role}`, '', ...listed];
}
