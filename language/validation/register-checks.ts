import type { JourneyServices } from '../journey-module.js';
import { registerAmbiguityChecks } from './ambiguity-checks.js';
import { registerDataLinkChecks } from './data-link-checks.js';
import { registerEventLogChecks } from './event-log-checks.js';
import { registerEvidenceChecks } from './evidence-checks.js';
import { registerFlowChecks } from './flow-checks.js';
import { FlowProblemsCache } from './flow-problems.js';
import { registerImportChecks } from './import-checks.js';
import { registerMetricChecks } from './metric-checks.js';
import { registerNameChecks } from './name-checks.js';
import { registerOpportunityChecks } from './opportunity-checks.js';
import { registerViewChecks } from './view-checks.js';

/**
 * The rules of the language (docs/language.md), one file per family of checks. A node type's
 * checks run in the order registered here, which is the order of their diagnostics.
 */
export function registerValidationChecks(services: JourneyServices): void {
    registerNameChecks(services);
    registerImportChecks(services);
    registerMetricChecks(services);
    const flowProblems = new FlowProblemsCache(services);
    registerFlowChecks(services, flowProblems);
    registerAmbiguityChecks(services);
    registerOpportunityChecks(services, flowProblems);
    registerEvidenceChecks(services);
    registerDataLinkChecks(services);
    registerEventLogChecks(services);
    registerViewChecks(services);
}
