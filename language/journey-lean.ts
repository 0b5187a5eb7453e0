import type { LeanLanguageConfig } from '../langium-lean/lean-config.js';
import { nodeFactories } from './journey-node-factories.generated.js';
import type { JourneyServices } from './journey-module.js';

/** What the lean layer (langium-lean/) needs to know of the Journey language beyond its grammar. */
export const journeyLeanConfig: LeanLanguageConfig = {
    // A step, failing that its stage: where almost every edit of a map falls.
    reparsableRules: ['Stage', 'Step'],
    stagedBlocks: { keyword: 'stage', rule: 'Stage', depth: 1 },
    // An opportunity warns about an addressed step no path reaches, a story about a step its view leaves out.
    looksAcrossTheFile: new Set(['Opportunity', 'Story']),
    nodeFactories,
    externalVersion: services => (services as JourneyServices).journey.DataSources.generation
};

/** How a user runs without the lean layer. */
export const fastPathSwitch = 'JOURNEYMAP_FAST_PATH=off (setting journey.fastPath: false)';

/** Whether the lean layer is on: unless `JOURNEYMAP_FAST_PATH=off` in the environment, or `false` is asked for. */
export function fastPathEnabled(asked?: boolean): boolean {
    if (asked !== undefined) return asked;
    const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return environment?.JOURNEYMAP_FAST_PATH !== 'off';
}
