import { RequestType } from 'vscode-jsonrpc';
import type { JourneyModel } from '../model/journey-model.js';

/** Asks the server for the JourneyModel of a document, once it has been validated. */
export interface ModelRequestParams {
    uri: string;
}

export interface FirstError {
    message: string;
    line: number;
    character: number;
}

/** `model` is absent when the document has errors: then `error` is the first one. */
export interface ModelRequestResult {
    model?: JourneyModel;
    error?: FirstError;
}

export const ModelRequest = new RequestType<ModelRequestParams, ModelRequestResult, void>('journey/model');
