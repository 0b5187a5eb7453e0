import { createNodeJourneyServices } from '../language/node-journey-services.js';

/**
 * The language's services without the size limits: the benchmarks measure maps larger than the 5 MB a writer's file may
 * have.
 */
export function createBenchServices(): ReturnType<typeof createNodeJourneyServices> {
    const services = createNodeJourneyServices();
    services.Journey.journey.TextLimits.use({
        maxFileBytes: Number.POSITIVE_INFINITY,
        maxLineLength: Number.POSITIVE_INFINITY
    });
    return services;
}
