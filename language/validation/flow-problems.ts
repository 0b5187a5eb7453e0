import { WorkspaceCache } from 'langium';
import type { Journey } from '../generated/ast.js';
import { findFlowProblems, type FlowProblems } from '../journey-flow.js';
import type { JourneyServices } from '../journey-module.js';

/** Per journey, the steps no path reaches and the dead ends: worked out once per build for two families of checks. */
export class FlowProblemsCache {
    private readonly cache: WorkspaceCache<Journey, FlowProblems>;

    constructor(services: JourneyServices) {
        this.cache = new WorkspaceCache(services.shared);
    }

    of(journey: Journey): FlowProblems {
        return this.cache.get(journey, () => findFlowProblems(journey));
    }
}
