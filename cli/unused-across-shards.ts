import type { CheckedFile } from './diagnostic-report.js';
import type { CheckedDocument } from './check-shard.js';

/**
 * A thread sees only the references of the maps it loaded, so it calls a persona unused that a
 * map of another thread uses. Each unused hint names its node (`data.target`): the hints of
 * nodes some checked document references are dropped, as one check of every map would.
 */
export function withoutHintsOfUsedNodes(documents: CheckedDocument[]): CheckedFile[] {
    const referenced = new Set(documents.flatMap(document => document.references));
    return documents.map(document => ({
        path: document.path,
        diagnostics: document.diagnostics.filter(diagnostic => {
            const target = (diagnostic.data as { target?: unknown } | undefined)?.target;
            return typeof target !== 'string' || !referenced.has(target);
        })
    }));
}
