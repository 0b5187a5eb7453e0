import { DocumentState, URI, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isJourney, isStep, type JourneyFile } from '../language/generated/ast.js';
import type { JourneyServices } from '../language/journey-module.js';
import { t } from '../model/localisation.js';
import { EditRequest, type EditRequestParams, type JourneyEdit } from '../protocol/edit-request.js';
import type { EditOutline } from '../edit/edit-outline.js';
import { checkedEdit } from '../edit/checked-edit.js';
import { EditRefused } from '../edit/edit-refused.js';
import { findBlock } from '../edit/find-element.js';
import { planJourneyEdit } from '../edit/plan-journey-edit.js';
import { editOutlineOf } from './journey-edit-outline.js';

/**
 * Answers `journey/edit` (docs/editor.md): the gesture planned as a WorkspaceEdit of the file
 * that declares the element, for the client to apply; or an error that says why not.
 */
export function registerEditRequest(
    connection: Connection,
    shared: LangiumSharedServices,
    journey: JourneyServices
): void {
    connection.onRequest(EditRequest, async (params, cancelToken) => {
        try {
            return await planEdit(params, shared, journey, cancelToken);
        } catch (error) {
            if (error instanceof EditRefused) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
            throw error;
        }
    });
}

export async function planEdit(
    params: EditRequestParams,
    shared: LangiumSharedServices,
    journey: JourneyServices,
    cancelToken = CancellationToken.None
): Promise<WorkspaceEdit> {
    const documents = shared.workspace.LangiumDocuments;
    if (typeof params?.textDocument?.uri !== 'string')
        throw new EditRefused(t('An edit needs the document it is for.'));
    const uri = URI.parse(params.textDocument.uri);
    const document = documents.getDocument(uri) as LangiumDocument<JourneyFile> | undefined;
    if (!document) throw new EditRefused(t('{file} is not a map the language server has read.', { file: uri.path }));
    if (params.version !== undefined && params.version !== document.textDocument.version) {
        throw new EditRefused(
            t('The map changed since the gesture (version {asked}, now {now}): nothing was edited.', {
                asked: params.version,
                now: document.textDocument.version
            })
        );
    }
    // The updates of the changes sent before this request come first: the tree must be of the text the client has.
    await shared.workspace.WorkspaceLock.read(() => undefined);
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, cancelToken);
    const edit = checkedEdit(params?.edit);
    const element = elementOf(edit);
    const holder = holderOf(element, document, shared, journey);
    if (holder.document !== document && holder.document.uri.path.includes('/node_modules/')) {
        throw new EditRefused(
            t('{element} is declared in {file}, which is read only.', { element, file: holder.document.uri.path })
        );
    }
    if (holder.document.parseResult.value.$cstNode?.root.fullText !== holder.outline.text) {
        throw new EditRefused(
            t('{file} is being read again after a change: try the gesture again.', { file: holder.document.uri.path })
        );
    }
    const planned = planJourneyEdit(holder.outline, edit, id => namedElsewhere(holder.document, id, shared, journey));
    const text = holder.document.textDocument;
    const edits: TextEdit[] = planned.map(edit => ({
        range: { start: text.positionAt(edit.start), end: text.positionAt(edit.end) },
        newText: edit.newText
    }));
    return {
        documentChanges: [{ textDocument: { uri: holder.document.uri.toString(), version: text.version }, edits }]
    };
}

/** The element a gesture is about: the file that declares it is the file edited. */
function elementOf(edit: JourneyEdit): string {
    switch (edit.kind) {
        case 'setEmotion':
        case 'moveStep':
        case 'addPain':
        case 'addOpportunity':
        case 'addTouchpoint':
            return edit.step;
        case 'setText':
        case 'delete':
            return edit.element;
        case 'addStep':
            return edit.after ?? edit.stage ?? '';
        case 'setStatus':
            return edit.opportunity;
        case 'connect':
        case 'disconnect':
            return edit.from;
    }
}

/** The file that declares `element`: the map, else the first import that does (else the map, which refuses). */
function holderOf(
    element: string,
    document: LangiumDocument<JourneyFile>,
    shared: LangiumSharedServices,
    journey: JourneyServices
): { document: LangiumDocument<JourneyFile>; outline: EditOutline } {
    const own = { document, outline: editOutlineOf(document) };
    if (findBlock(own.outline, element)) return own;
    for (const key of journey.journey.Imports.importedDocuments(document).keys()) {
        const imported = shared.workspace.LangiumDocuments.getDocument(URI.parse(key)) as
            LangiumDocument<JourneyFile> | undefined;
        const outline = imported && editOutlineOf(imported);
        if (outline && findBlock(outline, element)) return { document: imported, outline };
    }
    return own;
}

/** What names the element besides its own journey's `next` and `start` lines: a delete would leave those dangling. */
function namedElsewhere(
    document: LangiumDocument<JourneyFile>,
    id: string,
    shared: LangiumSharedServices,
    journey: JourneyServices
): string[] {
    const node = findDeclared(document, id);
    if (!node) return [];
    const locator = journey.workspace.AstNodeLocator;
    const named: string[] = [];
    for (const reference of journey.references.References.findReferences(node, { includeDeclaration: false })) {
        const source = shared.workspace.LangiumDocuments.getDocument(reference.sourceUri);
        const from = source && locator.getAstNode(source.parseResult.value, reference.sourcePath);
        const flow =
            (isStep(from) && from.next.some(each => each.ref === node)) ||
            (isJourney(from) && from.starts.some(each => each.ref === node));
        if (flow) continue;
        const name = (from as { name?: string } | undefined)?.name ?? from?.$type ?? '?';
        named.push(`${name} (${reference.sourceUri.path.split('/').pop()}:${reference.segment.range.start.line + 1})`);
    }
    return named;
}

/** The node `id` names (`Journey.Step`, `Journey.Stage`, a persona, an opportunity), found from the file's top. */
function findDeclared(document: LangiumDocument<JourneyFile>, id: string): AstNode | undefined {
    const [first, second] = id.split('.');
    for (const element of document.parseResult.value.elements) {
        if (element.name !== first) continue;
        if (second === undefined) return element;
        if (!isJourney(element)) continue;
        for (const stage of element.stages) {
            const step = stage.steps.find(each => each.name === second);
            if (step) return step;
        }
        return element.stages.find(stage => stage.name === second);
    }
    return undefined;
}
