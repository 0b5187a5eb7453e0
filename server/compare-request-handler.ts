import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { compareEmotions } from '../diff/emotion-comparison.js';
import { diffJourneyModels } from '../diff/journey-diff.js';
import { loadImportedDocuments } from '../language/journey-import-loader.js';
import type { JourneyModel } from '../model/journey-model.js';
import type { JourneyServices } from '../language/journey-module.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { CompareRequest, type CompareRequestResult } from '../protocol/compare-request.js';
import { t } from '../model/localisation.js';

/** A fresh, empty set of services: the older version is built apart from the open workspace. */
export type CreateSnapshotServices = () => { shared: LangiumSharedServices; Journey: JourneyServices };

/**
 * Answers `journey/compare`: the document as it is now (validated in the workspace) against
 * an older text of it, built in services of its own so the open workspace never sees it.
 * Its imports are read as they are now (open editors first, then files).
 */
export function registerCompareRequest(
    connection: Connection,
    shared: LangiumSharedServices,
    journey: JourneyServices,
    createSnapshot: CreateSnapshotServices
): void {
    connection.onRequest(CompareRequest, async ({ uri, baseText }, cancelToken): Promise<CompareRequestResult> => {
        const parsed = URI.parse(uri);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, cancelToken);
        const current = shared.workspace.LangiumDocuments.getDocument(parsed);
        if (!current) return failed(t('This file is not open in the language server.'));
        if (hasSyntaxErrors(current)) return failed(t('The file has syntax errors: fix them to compare it.'));
        const before = await buildSnapshot(createSnapshot, { shared, Journey: journey }, parsed, baseText);
        if (typeof before === 'string') return failed(before);
        const after = await journey.journey.ModelBuilder.build(current);
        return { before, after, changes: diffJourneyModels(before, after), emotions: compareEmotions(before, after) };
    });
}

function failed(error: string): CompareRequestResult {
    return { changes: [], emotions: [], error };
}

/**
 * The model of an older text, built in fresh services with the open workspace's roots; its imports read from the open
 * workspace (editors first, then files).
 */
async function buildSnapshot(
    createSnapshot: CreateSnapshotServices,
    open: { shared: LangiumSharedServices; Journey: JourneyServices },
    uri: URI,
    text: string
): Promise<JourneyModel | string> {
    const snapshot = createSnapshot();
    snapshot.Journey.journey.Workspace.setRoots([...open.Journey.journey.Workspace.getRoots()]);
    const document = snapshot.shared.workspace.LangiumDocuments.createDocument(uri, text);
    await loadImportedDocuments(snapshot.Journey, [document], async imported => {
        const editor = open.shared.workspace.LangiumDocuments.getDocument(imported);
        return editor ? editor.textDocument.getText() : readOrUndefined(snapshot.shared, imported);
    });
    await snapshot.shared.workspace.DocumentBuilder.build([...snapshot.shared.workspace.LangiumDocuments.all], {
        validation: false
    });
    return hasSyntaxErrors(document)
        ? t('The older version has syntax errors, so it cannot be compared.')
        : snapshot.Journey.journey.ModelBuilder.build(document);
}

async function readOrUndefined(shared: LangiumSharedServices, uri: URI): Promise<string | undefined> {
    return shared.workspace.FileSystemProvider.readFile(uri).catch(() => undefined);
}
