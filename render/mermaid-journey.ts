import { displayName, shareOfScale, type JourneyMapModel } from '../language/journey-model.js';
import { mermaidText } from './mermaid-text.js';

/**
 * The journey as a Mermaid `journey` diagram: stages become sections, steps tasks, the
 * emotion score is mapped onto Mermaid's 1..5, personas are the actors (a step's own
 * personas, or else the journey's).
 */
export function renderMermaidJourney(journey: JourneyMapModel): string {
    const lines = ['journey', `    title ${mermaidText(displayName(journey)) || journey.name}`];
    for (const stage of journey.stages) {
        lines.push(`    section ${mermaidText(displayName(stage)) || stage.name}`);
        for (const step of stage.steps) {
            const score = step.emotion ? toFivePointScale(step.emotion.score, journey.emotionScale) : 3;
            const actors = (step.personas.length > 0 ? step.personas : journey.personas).map(mermaidActor).join(', ');
            lines.push(`      ${mermaidText(displayName(step)) || step.name}: ${score}${actors ? `: ${actors}` : ''}`);
        }
    }
    return lines.join('\n') + '\n';
}

/** Maps a score on the journey's scale onto Mermaid's whole numbers 1..5. */
export function toFivePointScale(score: number, scale: { min: number; max: number }): number {
    return Math.round(1 + shareOfScale(score, scale) * 4);
}

/**
 * Actors are comma-separated in Mermaid, so persona names (identifiers) are used, not their
 * titles; `_` reads as a space (`New_Dev` is the actor `New Dev`, as the importer names it).
 */
function mermaidActor(persona: string): string {
    return mermaidText(persona.replace(/_/g, ' ')).replace(/,/g, '，');
}
