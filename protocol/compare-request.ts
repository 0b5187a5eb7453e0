import { RequestType } from 'vscode-jsonrpc';
import type { EmotionComparison } from '../diff/emotion-comparison.js';
import type { Change } from '../diff/journey-diff.js';
import type { JourneyModel } from '../model/journey-model.js';

/** Compares an older text of a document (from git) with the document as it is now. */
export interface CompareRequestParams {
    uri: string;
    /** The older version's text; empty for a file that did not exist then. */
    baseText: string;
}

/** Both models and what changed between them; `error` says why there is no comparison. */
export interface CompareRequestResult {
    before?: JourneyModel;
    after?: JourneyModel;
    changes: Change[];
    emotions: EmotionComparison[];
    error?: string;
}

export const CompareRequest = new RequestType<CompareRequestParams, CompareRequestResult, void>('journey/compare');
