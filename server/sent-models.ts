import type { JourneyModel } from '../model/journey-model.js';
import { deltaOf } from '../protocol/model-delta.js';
import type { ModelRequestResult } from '../protocol/model-request.js';

/**
 * The last model answered for each document, so that the next answer can be a delta against
 * it: while typing, a preview is sent the step that changed instead of the whole map.
 */
export class SentModels {
    private readonly last = new Map<string, { id: string; model: JourneyModel }>();
    private counter = 0;
    /** Documents whose last model is kept; the oldest is forgotten first (its next answer is whole). */
    private readonly capacity = 8;

    answer(uri: string, model: JourneyModel, since: string | undefined): ModelRequestResult {
        const previous = this.last.get(uri);
        const id = String(++this.counter);
        this.last.delete(uri);
        this.last.set(uri, { id, model });
        if (this.last.size > this.capacity) this.last.delete(this.last.keys().next().value!);
        return previous && since === previous.id ? { delta: deltaOf(previous.model, model), id } : { model, id };
    }
}
