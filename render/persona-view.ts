import type { JourneyMapModel, JourneyModel, StepModel } from '../language/journey-model.js';

/** The personas that have a curve of their own on a journey's map: the journey's, and any its steps give emotions for. */
export function personasWithEmotions(journey: JourneyMapModel): string[] {
    const steps = journey.stages.flatMap(stage => stage.steps);
    return [...new Set([...journey.personas, ...steps.flatMap(step => (step.personaEmotions ?? []).map(emotion => emotion.persona))])];
}

/**
 * The model as one persona lives it (`render --persona Ana`, the preview's persona picker):
 * each step's emotion is that persona's own, or the step's emotion for everyone where the
 * persona takes part; the journey has that one persona. Steps stay where they are.
 */
export function modelForPersona(model: JourneyModel, persona: string): JourneyModel {
    const step = (original: StepModel, journeyPersonas: string[]): StepModel => {
        const own = original.personaEmotions?.find(emotion => emotion.persona === persona);
        const takesPart = original.personas.length === 0 ? journeyPersonas.includes(persona) : original.personas.includes(persona);
        const emotion = own ? { score: own.score, feeling: own.feeling, note: own.note } : takesPart ? original.emotion : undefined;
        return { ...original, emotion, personaEmotions: undefined };
    };
    return {
        ...model,
        journeys: model.journeys.map(journey => ({
            ...journey,
            personas: journey.personas.includes(persona) ? [persona] : journey.personas,
            stages: journey.stages.map(stage => ({ ...stage, steps: stage.steps.map(original => step(original, journey.personas)) }))
        }))
    };
}
