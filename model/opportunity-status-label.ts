import { t } from './localisation.js';
import type { OpportunityStatus } from './journey-model.js';

/** An opportunity's status as a reader sees it, in the map's language; files and JSON keep the keyword. */
export function opportunityStatusLabel(status: OpportunityStatus): string {
    switch (status) {
        case 'idea': return t('idea');
        case 'planned': return t('planned');
        case 'building': return t('building');
        case 'shipped': return t('shipped');
        case 'measured': return t('measured');
        case 'dropped': return t('dropped');
    }
}
