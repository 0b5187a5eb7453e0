/**
 * What the options of the commands whose modules load only when they run accept: main.ts reads these to build
 * its help and refuse bad values, without loading the commands themselves.
 */

export const renderFormats = ['svg', 'png', 'html', 'md', 'mermaid', 'flowchart', 'funnel', 'json'] as const;
export type RenderFormat = (typeof renderFormats)[number];

export const metricsFormats = ['text', 'md', 'json', 'csv'] as const;

export const pathsFormats = ['text', 'json', 'md'] as const;

export const opportunitiesFormats = ['text', 'md', 'csv', 'json'] as const;

export const ownersFormats = ['text', 'md', 'csv', 'json'] as const;

export interface FitnessGate {
    below: number;
}

/** `fitness<0.8` or `fitness<80%` → the threshold; undefined when it is neither. */
export function parseFitnessGate(text: string): FitnessGate | undefined {
    const match = /^\s*fitness\s*<\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
    if (!match) return undefined;
    const below = Number(match[1]) / (match[2] ? 100 : 1);
    return below >= 0 && below <= 1 ? { below } : undefined;
}
