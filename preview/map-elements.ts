/**
 * The elements of the drawn map that the gestures, keys and "+" buttons act on, as render marks
 * them (render/journey-map-svg.ts, render/emotion-curve.ts): one selector each.
 */

/** A step's card: the cell of the steps lane (other lanes' cells have no `.step`). */
export const stepCardSelector = '.cell[data-step]:has(> .step)';

/** A face of the emotion curve, with its score, scale and unit. */
export const curveFaceSelector = '[data-score][data-step]';

/** A pain, touchpoint or opportunity line of a step: `data-line="pain/0"`. */
export const stepLineSelector = '[data-step] [data-line]';
