import { t } from './localisation.js';
import type { Confidence } from './journey-model.js';

/** A claim's confidence as a reader sees it, in the map's language. */
export function confidenceLabel(confidence: Confidence): string {
    switch (confidence) {
        case 'low': return t('low');
        case 'medium': return t('medium');
        default: return t('high');
    }
}
