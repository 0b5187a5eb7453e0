import { t } from '../model/localisation.js';
import { isNamedAfterActor } from '../model/actor-names.js';
import { displayName, shareOfScale, type JourneyMapModel, type PersonaModel } from '../model/journey-model.js';
import { mermaidJourneyText, mermaidText } from './mermaid-text.js';

/**
 * The journey as a Mermaid `journey` diagram: stages become sections, steps tasks, the
 * emotion score is mapped onto Mermaid's 1..5, personas are the actors (a step's own
 * personas, or else the journey's). The title, `accTitle` and `accDescr` are written only
 * when the journey has them (its title, its documentation's `@accTitle`, its documentation),
 * so a diagram imported from Mermaid comes back as it was.
 */
export function renderMermaidJourney(journey: JourneyMapModel, personas: PersonaModel[] = []): string {
    const lines = ['journey'];
    if (journey.title && mermaidJourneyText(journey.title))
        lines.push(`    title ${mermaidJourneyText(journey.title)}`);
    if (journey.accessibleTitle) lines.push(`    accTitle: ${accessibleText(journey.accessibleTitle)}`);
    if (journey.documentation) lines.push(...accessibleDescription(journey.documentation));
    const titles = new Map(personas.map(persona => [persona.name, persona.title]));
    for (const stage of journey.stages) {
        lines.push(`    section ${mermaidJourneyText(displayName(stage)) || stage.name}`);
        for (const step of stage.steps) {
            const task = mermaidJourneyText(displayName(step)) || step.name;
            const participants = step.personas.length > 0 ? step.personas : journey.personas;
            const own = step.personaEmotions ?? [];
            // A persona with an emotion of its own gets a task of its own (Mermaid has one score per task); the rest
            // share the step's.
            for (const emotion of own) {
                lines.push(
                    `      ${task}: ${toFivePointScale(emotion.score, journey.emotionScale)}: ${mermaidActor(emotion.persona, titles.get(emotion.persona))}`
                );
            }
            const others = participants.filter(name => !own.some(emotion => emotion.persona === name));
            if (own.length > 0 && (others.length === 0 || !step.emotion)) continue;
            const score = step.emotion ? toFivePointScale(step.emotion.score, journey.emotionScale) : 3;
            const actors = others.map(name => mermaidActor(name, titles.get(name))).join(', ');
            lines.push(`      ${task}: ${score}${actors ? `: ${actors}` : ''}`);
        }
    }
    const dropped = droppedByMermaid(journey);
    if (dropped) lines.push(`%% ${dropped}`);
    return lines.join('\n') + '\n';
}

/**
 * What the map says that Mermaid's journey diagram has no place for, counted, for a comment
 * at the end of the diagram: a reader of the Mermaid text knows something was left out.
 */
function droppedByMermaid(journey: JourneyMapModel): string | undefined {
    const steps = journey.stages.flatMap(stage => stage.steps);
    const count = (of: (step: typeof steps[number]) => number) => steps.reduce((sum, step) => sum + of(step), 0);
    const parts = [
        [t('blueprint actions'), count(step => step.blueprint?.length ?? 0)],
        [
            t('owners'),
            count(step => (step.owners?.length ?? 0) + (step.blueprint ?? []).filter(action => action.owner).length)
        ],
        [t('fail points'), count(step => step.failPoints?.length ?? 0)],
        [
            t('pieces of evidence'),
            count(step => (step.claims ?? []).reduce((sum, claim) => sum + claim.evidence.length, 0))
        ]
    ]
        .filter(([, number]) => (number as number) > 0)
        .map(([what, number]) => `${what} (${number})`);
    // A comment is one line: no line break from a translation can end it early.
    return parts.length > 0
        ? t('Not in this Mermaid diagram: {parts}', { parts: parts.join(', ') }).replace(/[\r\n]+/g, ' ')
        : undefined;
}

/**
 * `accDescr: …`, or the block form for a description of several lines (a `}` would end it early, a leading `%%` hide
 * the line).
 */
function accessibleDescription(text: string): string[] {
    const lines = text
        .split('\n')
        .map(line => accessibleText(line).replace(/\}/g, ')').replace(/^%%/, '% %'))
        .filter(line => line !== '');
    if (lines.length <= 1) return lines.map(line => `    accDescr: ${line}`);
    return ['    accDescr {', ...lines.map(line => `      ${line}`), '    }'];
}

/**
 * Accessible titles and descriptions keep their punctuation; angle brackets become look-alikes, as everywhere in
 * Mermaid text.
 */
function accessibleText(text: string): string {
    return text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').replace(/</g, '‹').replace(/>/g, '›').trim();
}

/** Maps a score on the journey's scale onto Mermaid's whole numbers 1..5. */
export function toFivePointScale(score: number, scale: { min: number; max: number }): number {
    return Math.round(1 + shareOfScale(score, scale) * 4);
}

/**
 * Actors are comma-separated in Mermaid, so persona names (identifiers) are used, not their
 * titles; `_` reads as a space. A persona whose name is made from its title the way the
 * importer makes names from actors (`Dr_Who` "Dr. Who") is that actor: its title is written.
 */
function mermaidActor(persona: string, title: string | undefined): string {
    const actor = title !== undefined && isNamedAfterActor(persona, title) ? title : persona.replace(/_/g, ' ');
    return mermaidText(actor).replace(/,/g, '，');
}
