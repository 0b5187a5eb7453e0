import { isIdentifier } from '../model/journey-names.js';

/**
 * The rules that bring some steps of a map to the front and dim the rest: every cell and point
 * of a step carries `data-step`, so the picture needs no other mark. Names are identifiers (no
 * quote or bracket can reach the style); anything else is left out.
 */
export function focusCss(focus: readonly string[] | undefined): string {
    if (!focus) return '';
    const shown = focus.filter(isIdentifier).map(step => `.jm [data-step="${step}"]`);
    if (shown.length === 0) return '.jm [data-step]{opacity:.22}';
    const cards = shown.map(rule => `${rule} .card`).join(',');
    return `.jm [data-step]{opacity:.22}${shown.join(',')}{opacity:1}${cards}{stroke:var(--jm-accent);stroke-width:3}`;
}
