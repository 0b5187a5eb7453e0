import { displayName, type JourneyModel, type OpportunityStatus, type StepModel } from './journey-model.js';

/** One opportunity as a step shows it: an idea written on the step, or a declared opportunity. */
export interface StepOpportunity {
    text: string;
    /** The declared opportunity's name; none for an idea written on the step. */
    name?: string;
    owner?: string;
    status?: OpportunityStatus;
}

/**
 * What every output shows as a step's opportunities: the ideas written on it, the declared
 * opportunities it names (`opportunity ShowShipping`), then those of this file that address it
 * (`addresses FirstPurchase.Compare`) without being named there, each once.
 */
export function opportunitiesOfStep(model: JourneyModel, journey: string, step: StepModel): StepOpportunity[] {
    const declared = model.opportunities ?? [];
    const named = (step.opportunityRefs ?? []).map(name => declared.find(candidate => candidate.name === name) ?? { name });
    const addressing = declared.filter(opportunity => !named.some(each => each.name === opportunity.name)
        && opportunity.addressed.some(address => address.uri === undefined && address.journey === journey && address.step === step.name));
    return [
        ...step.opportunities.map(text => ({ text })),
        ...[...named, ...addressing].map(opportunity => ({
            text: displayName(opportunity), name: opportunity.name,
            owner: 'owner' in opportunity ? opportunity.owner : undefined, status: 'status' in opportunity ? opportunity.status : undefined
        }))
    ];
}
