import { RequestType } from 'vscode-jsonrpc';
import type { WorkspaceEdit } from 'vscode-languageserver-types';

/** The fields of an element a writer edits in place on the map. */
export const editedTextFields = ['title', 'feeling', 'note', 'goal'] as const;
export type EditedTextField = (typeof editedTextFields)[number];

/**
 * One gesture on the map, as a change of the text (docs/editor.md). Elements are named by
 * qualified ids, as in `addresses`: `Journey.Step`, `Journey.Stage`, a persona's or an
 * opportunity's name; a step's pain, touchpoint or opportunity line by `Journey.Step/pain/0`
 * (its kind and its place among the step's lines of that kind, from 0).
 */
export type JourneyEdit =
    | { kind: 'setEmotion'; step: string; score: number; feeling?: string }
    | { kind: 'setText'; element: string; field: EditedTextField; text: string }
    | { kind: 'moveStep'; step: string; before?: string; after?: string; stage?: string }
    | { kind: 'addStep'; after?: string; stage?: string; id?: string; title: string }
    | { kind: 'addPain' | 'addOpportunity' | 'addTouchpoint'; step: string; text: string }
    | { kind: 'setStatus'; opportunity: string; status: string }
    | { kind: 'delete'; element: string }
    | { kind: 'connect' | 'disconnect'; from: string; to: string };

export interface EditRequestParams {
    textDocument: { uri: string };
    /** The version of the document the gesture was made on; a later one answers an error. */
    version?: number;
    edit: JourneyEdit;
}

/**
 * `journey/edit`: the server plans the gesture as a WorkspaceEdit and the client applies it,
 * so undo and the dirty state are the editor's own. An edit that cannot be made answers an
 * error whose message says why; never a part of the edit.
 */
export const EditRequest = new RequestType<EditRequestParams, WorkspaceEdit, void>('journey/edit');
