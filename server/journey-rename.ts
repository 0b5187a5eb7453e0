import { URI, type LangiumDocuments, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { CancellationToken, RenameParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';

/**
 * Langium's rename writes the new name over each whole reference, so a qualified one
 * (`people.Ana`, where `people` names the imported file) lost its namespace and could then
 * find another file's `Ana`. Ours replaces only the name after the dot.
 */
export class JourneyRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: JourneyServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const edit = await super.rename(document, params, cancelToken);
        for (const [uri, changes] of Object.entries(edit?.changes ?? {})) {
            const text = this.documents.getDocument(URI.parse(uri))?.textDocument;
            if (text) changes.forEach((change, index) => { changes[index] = keepNamespace(change, text.getText(change.range)); });
        }
        return edit;
    }
}

/** The edit narrowed to the name after the namespace, if the text it replaces is qualified. */
function keepNamespace(change: TextEdit, replaced: string): TextEdit {
    const dot = replaced.lastIndexOf('.');
    if (dot < 0 || change.range.start.line !== change.range.end.line) {
        return change;
    }
    const start = { line: change.range.start.line, character: change.range.start.character + dot + 1 };
    return { range: { start, end: change.range.end }, newText: change.newText };
}
