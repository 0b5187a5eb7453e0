import type { JourneyMapModel, JourneyModel, PersonaEmotionModel, StepModel } from '../model/journey-model.js';

/**
 * The shapes that tell personas apart on the map (step cards, curves, notes), in the order of `personasWithEmotions`.
 */
const personaShapes = ['●', '■', '▲', '◆', '▼', '◐'];

/**
 * Whether any step of the journey gives an emotion of a single persona (`emotion Bo 2 …`): then each persona has a
 * curve.
 */
export function hasPersonaEmotions(journey: JourneyMapModel): boolean {
    return journey.stages.some(stage => stage.steps.some(step => (step.personaEmotions?.length ?? 0) > 0));
}

/**
 * The personas that have a curve of their own on a journey's map: the journey's, and any its steps give emotions for.
 */
export function personasWithEmotions(journey: JourneyMapModel): string[] {
    const steps = journey.stages.flatMap(stage => stage.steps);
    return [
        ...new Set([
            ...journey.personas,
            ...steps.flatMap(step => (step.personaEmotions ?? []).map(emotion => emotion.persona))
        ])
    ];
}

/** Each persona's shape, the same wherever the map draws it. */
export function personaShapesOf(journey: JourneyMapModel): Map<string, string> {
    return new Map(
        personasWithEmotions(journey).map((persona, index) => [persona, personaShapes[index % personaShapes.length]])
    );
}

/**
 * How one persona feels at a step: the step's emotion for that persona, else its emotion for
 * everyone where the persona takes part (the step's own personas, or else the journey's).
 */
export function emotionOfPersona(
    step: StepModel,
    persona: string,
    journey: JourneyMapModel
): Omit<PersonaEmotionModel, 'persona'> | undefined {
    const own = step.personaEmotions?.find(emotion => emotion.persona === persona);
    if (own) return { score: own.score, feeling: own.feeling, note: own.note };
    const takesPart = step.personas.length === 0 ? journey.personas.includes(persona) : step.personas.includes(persona);
    return takesPart ? step.emotion : undefined;
}

/**
 * The model as one persona lives it (`render --persona Ana`, the preview's persona picker):
 * each step's emotion is that persona's (see `emotionOfPersona`); the journey has that one
 * persona. Steps stay where they are.
 */
export function modelForPersona(model: JourneyModel, persona: string): JourneyModel {
    return {
        ...model,
        journeys: model.journeys.map(journey => ({
            ...journey,
            personas: journey.personas.includes(persona) ? [persona] : journey.personas,
            stages: journey.stages.map(stage => ({
                ...stage,
                steps: stage.steps.map(step => ({
                    ...step,
                    emotion: emotionOfPersona(step, persona, journey),
                    personaEmotions: undefined
                }))
            }))
        }))
    };
}
