import {
    displayName, type JourneyModel, type OpportunityModel, type OpportunityStatus, type StepModel
} from './journey-model.js';
import { opportunityStatusLabel } from './opportunity-status-label.js';

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
    const named = (step.opportunityRefs ?? []).map(name => declared.find(each => each.name === name) ?? { name });
    const addresses = (opportunity: OpportunityModel) => opportunity.addressed
        .some(address => address.uri === undefined && address.journey === journey && address.step === step.name);
    const unnamed = (opportunity: OpportunityModel) => !named.some(each => each.name === opportunity.name);
    const addressing = declared.filter(opportunity => unnamed(opportunity) && addresses(opportunity));
    return [...step.opportunities.map(text => ({ text })), ...[...named, ...addressing].map(asShown)];
}

/** `Web team · 开发中`: a declared opportunity's owner and status, as its chips on a step say them. */
export function opportunityChips(opportunity: StepOpportunity): string[] {
    return [opportunity.owner, opportunity.status && opportunityStatusLabel(opportunity.status)]
        .filter((chip): chip is string => Boolean(chip));
}

/** A declared opportunity as a step shows it; one named but not declared (an error already) by its name. */
function asShown(opportunity: OpportunityModel | { name: string }): StepOpportunity {
    const declared = 'addressed' in opportunity ? opportunity : undefined;
    return { text: displayName(opportunity), name: opportunity.name, owner: declared?.owner, status: declared?.status };
}
