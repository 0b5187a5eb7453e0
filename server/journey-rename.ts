import { AstUtils, CstUtils, URI, type LangiumDocuments, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { CancellationToken, RenameParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';
import {
    isJourney, isJourneyFile, isOpportunity, isStory, type Journey, type JourneyFile
} from '../language/generated/ast.js';

/**
 * Langium's rename writes the new name over each whole reference, so a qualified one
 * (`people.Ana`, where `people` names the imported file) lost its namespace and could then
 * find another file's `Ana`. Ours replaces only the name after the dot. A renamed journey is
 * also renamed where opportunities address its steps (`addresses FirstPurchase.Checkout`) and
 * stories show them (`show Repair.Call`): those references point at the step, so Langium's
 * rename does not see them.
 */
export class JourneyRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: JourneyServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(
        document: LangiumDocument,
        params: RenameParams,
        cancelToken?: CancellationToken
    ): Promise<WorkspaceEdit | undefined> {
        const edit = await super.rename(document, params, cancelToken);
        for (const [uri, changes] of Object.entries(edit?.changes ?? {})) {
            const text = this.documents.getDocument(URI.parse(uri))?.textDocument;
            if (text)
                changes.forEach((change, index) => {
                    changes[index] = keepNamespace(change, text.getText(change.range));
                });
        }
        const journey = edit && this.journeyAt(document, params);
        if (journey) this.renameInAddresses(journey, params.newName, edit);
        return edit;
    }

    /** The journey whose name the rename is at, if it is one. */
    private journeyAt(document: LangiumDocument, params: RenameParams): Journey | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf =
            root &&
            CstUtils.findDeclarationNodeAtOffset(
                root,
                document.textDocument.offsetAt(params.position),
                this.grammarConfig.nameRegexp
            );
        const node = leaf && this.references.findDeclarations(leaf)[0];
        return isJourney(node) ? node : undefined;
    }

    /**
     * `Journey.Step` and `ns.Journey.Step` of every loaded file, for steps of the renamed journey: the journey's part
     * takes the new name.
     */
    private renameInAddresses(journey: Journey, newName: string, edit: WorkspaceEdit): void {
        for (const document of this.documents.all) {
            const file = document.parseResult.value;
            if (!isJourneyFile(file)) continue;
            for (const address of stepPathsOf(file)) {
                const step = address.ref;
                const cst = address.$refNode;
                const parts = cst?.text.split('.') ?? [];
                if (
                    !step ||
                    !cst ||
                    AstUtils.getContainerOfType(step, isJourney) !== journey ||
                    parts.at(-2) !== journey.name
                )
                    continue;
                const start = cst.offset + parts.slice(0, -2).reduce((length, part) => length + part.length + 1, 0);
                const range = {
                    start: document.textDocument.positionAt(start),
                    end: document.textDocument.positionAt(start + journey.name.length)
                };
                const changes = ((edit.changes ??= {})[document.uri.toString()] ??= []);
                changes.push({ range, newText: newName });
            }
        }
    }
}

/** Every `Journey.Step` of a file: the steps its opportunities address and its stories show. */
function stepPathsOf(file: JourneyFile) {
    const addresses = file.elements.filter(isOpportunity).flatMap(opportunity => opportunity.addresses);
    const shown = file.elements.filter(isStory).flatMap(story => story.slides.flatMap(slide => slide.step ?? []));
    return [...addresses, ...shown];
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
