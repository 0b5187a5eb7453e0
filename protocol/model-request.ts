import { RequestType } from 'vscode-jsonrpc';
import type { JourneyModel } from '../model/journey-model.js';
import type { ModelDelta } from './model-delta.js';

/** Asks the server for the JourneyModel of a document, once it has been validated. */
export interface ModelRequestParams {
    uri: string;
    /** The `id` of the model the asker holds: the answer may then be a delta against it. */
    since?: string;
}

export interface FirstError {
    message: string;
    line: number;
    character: number;
}

/**
 * The model, or its delta against the one asked `since` (protocol/model-delta.ts), with the
 * `id` to ask with next time. Neither when the document has errors: then `error` is the first one.
 */
export interface ModelRequestResult {
    model?: JourneyModel;
    delta?: ModelDelta;
    id?: string;
    error?: FirstError;
}

export const ModelRequest = new RequestType<ModelRequestParams, ModelRequestResult, void>('journey/model');
