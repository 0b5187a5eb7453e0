import { allSteps, displayName, type JourneyMapModel, type JourneyModel } from '../model/journey-model.js';

/** How a journey is doing, at a glance: the line an index of many journeys shows for each. */
export interface JourneyHealth {
    metrics: { met: number; close: number; missed: number };
    /** The lowest emotion of the journey and the step where it is. */
    lowest?: { score: number; step: string };
    pains: number;
    /** Declared opportunities of the file addressing this journey that are not shipped, measured or dropped. */
    openOpportunities: number;
}

const closedStatuses = new Set(['shipped', 'measured', 'dropped']);

export function journeyHealth(model: JourneyModel, journey: JourneyMapModel): JourneyHealth {
    const steps = allSteps(journey);
    const statuses = steps.flatMap(step => step.metrics.map(value => value.status));
    const count = (status: string) => statuses.filter(candidate => candidate === status).length;
    let lowest: JourneyHealth['lowest'];
    for (const step of steps) {
        const score = step.emotion?.score ?? step.measuredEmotion?.score;
        if (score !== undefined && (lowest === undefined || score < lowest.score))
            lowest = { score, step: displayName(step) };
    }
    const openOpportunities = (model.opportunities ?? []).filter(
        opportunity =>
            !closedStatuses.has(opportunity.status ?? 'idea') &&
            (opportunity.addressed.length === 0 ||
                opportunity.addressed.some(address => address.journey === journey.name && !address.uri))
    ).length;
    return {
        metrics: { met: count('met'), close: count('close'), missed: count('missed') },
        lowest,
        pains: steps.reduce((sum, step) => sum + step.pains.length, 0),
        openOpportunities
    };
}
