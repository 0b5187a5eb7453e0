import type { MessageBundle } from '../model/localisation.js';
/**
 * The one message protocol between the extension (client/) and the preview webview
 * (preview/). Both sides import these types, so a change here is checked on both.
 */
import type { ModelDelta } from './model-delta.js';
import type { JourneyModel, SourceRange } from '../model/journey-model.js';
import type { CompareRequestResult } from './compare-request.js';
import type { FirstError } from './model-request.js';
import type { BacklogRow } from '../analysis/opportunity-backlog.js';
import type { JourneyEdit } from './edit-request.js';

/** A view of the registry (model/view-registry.ts): a built-in one (`map`, `blueprint`…), or a view the file names. */
export type PreviewView = string;

/** What the webview remembers across reloads (`vscode.setState`) and the serializer restores. */
export interface PreviewState {
    uri?: string;
    view: PreviewView;
    journey?: string;
    /** One persona's curve only (where steps give emotions per persona); none: every persona's. */
    persona?: string;
    /** For a large journey (`render/map-window.ts`): which window of steps is drawn; none shows the overview. */
    window?: number;
    zoom: number;
}

export type ToPreview =
    /**
     * A new validated model, or its delta against the model the page holds (protocol/model-delta.ts),
     * or the first error of text that has one (the last picture stays).
     */
    | {
          type: 'update';
          uri: string;
          fileName: string;
          model?: JourneyModel;
          delta?: ModelDelta;
          error?: FirstError;
          /**
           * The words of the map's own language (`language zh-cn` in the file), when it is not the editor's; `{}` is
           * English.
           */
          messages?: MessageBundle;
      }
    /** The editor's cursor is in this step (or in none), or on this slide of a story (which the preview then plays). */
    | { type: 'highlight'; step?: string; slide?: { story: string; index: number } }
    /** Rasterise the map as drawn now, at this many pixels per unit. */
    | { type: 'exportPng'; scale: number }
    /** The opportunities of the whole workspace, for the portfolio view (asked for with `needPortfolio`). */
    | { type: 'portfolio'; rows: BacklogRow[]; error?: string }
    /** Compare mode: an older version (`baseLabel`, e.g. HEAD) against the document as it is now. */
    | { type: 'compare'; uri: string; fileName: string; baseLabel: string; result: CompareRequestResult };

export type FromPreview =
    /** The webview has loaded and can receive updates. */
    | { type: 'ready'; state: PreviewState }
    /** The reader clicked an element: show its text. */
    | { type: 'reveal'; range: SourceRange }
    | { type: 'state'; state: PreviewState }
    /** The answer to `exportPng`: the PNG as base64, or why there is none. */
    | { type: 'png'; base64?: string; error?: string }
    /** The portfolio view is shown: send the workspace's opportunities (again after each rebuild). */
    | { type: 'needPortfolio' }
    /** The reader closed compare mode: back to the live map. */
    | { type: 'endCompare' }
    /** The reader clicked a metric value read from data: open the data file at its row (1-based line). */
    | { type: 'openData'; uri: string; line?: number }
    /** The reader clicked a step's detail link: open the journey that details it (in `uri`, or this file). */
    | { type: 'openJourney'; journey: string; uri?: string }
    /**
     * A gesture on the map (preview/map-gestures.ts): the extension asks the server for its edit and
     * applies it. `uri`: the file to edit, when not the one shown (the portfolio's opportunities).
     */
    | { type: 'edit'; edit: JourneyEdit; uri?: string };

export const defaultPreviewState: PreviewState = { view: 'map', zoom: 1 };
