import { DefaultWorkspaceManager, DocumentState, URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, type WorkspaceFolder } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';
import { resolveWorkspaceReady } from '../langium-lean/langium-internals.js';

/** Files built together between two looks at what the editor has opened. */
const filesPerTurn = 25;

/**
 * Langium loads and parses every file of the workspace, then builds them all, before the file
 * the writer opened gets its first diagnostics. This workspace manager builds the workspace a few files at a
 * time, each with the files it imports, and before each turn takes the files the editor has
 * opened since: an open file waits for one turn, not for the workspace. At the end, the files
 * others import are checked again, since which of their declarations are used is known only then.
 */
export class OpenDocumentsFirstWorkspaceManager extends DefaultWorkspaceManager {
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.textDocuments = services.workspace.TextDocuments;
        this.documents = services.workspace.LangiumDocuments;
    }

    /**
     * Not cancelled by edits, unlike Langium's: its build picks up what the start left unbuilt,
     * but this start loads the files a turn at a time, and files never loaded would be lost. An
     * edit waits for the start to end (its file, open, was built in an early turn).
     */
    override async initializeWorkspace(
        folders: WorkspaceFolder[],
        _cancelToken = CancellationToken.None
    ): Promise<void> {
        const waiting = new Map<string, URI>();
        for (const folder of folders) {
            const uris: URI[] = [];
            await this.traverseFolder(this.getRootFolder(folder), uris);
            for (const uri of uris) if (!this.documents.hasDocument(uri)) waiting.set(uri.toString(), uri);
        }
        // Checked as an edit checks them (Langium's start leaves that to the first edit): their diagnostics go out turn
        // by turn.
        const options = { ...this.initialBuildOptions, ...this.documentBuilder.updateBuildOptions };
        const imported = new Set<LangiumDocument>();
        try {
            while (waiting.size > 0) {
                // A turn of the event loop, for the editor's notifications (a file opened) to come in.
                await new Promise(resolve => setTimeout(resolve, 0));
                const turn = this.nextTurn(waiting);
                // Each file of the turn is waited for once, read or not (one deleted since the folder was read is
                // skipped).
                for (const uri of turn) waiting.delete(uri.toString());
                const documents = await this.withImports(turn, imported);
                for (const document of documents) waiting.delete(document.uri.toString());
                await this.documentBuilder.build(
                    documents.filter(document => document.state < DocumentState.Validated),
                    options
                );
            }
        } finally {
            // Every file is loaded (or could not be): what waits for the workspace (a request over all of it) may go
            // on.
            resolveWorkspaceReady(this);
        }
        const checkAgain = [...imported].filter(document => document.state === DocumentState.Validated);
        for (const document of checkAgain) this.documentBuilder.resetToState(document, DocumentState.IndexedReferences);
        await this.documentBuilder.build(checkAgain, options);
    }

    /** The files the editor has open that are still waiting, then the next ones in order, up to a turn's worth. */
    private nextTurn(waiting: Map<string, URI>): URI[] {
        const open = this.textDocuments
            .all()
            .map(document => waiting.get(document.uri))
            .filter(uri => uri !== undefined);
        const turn = new Set<URI>(open);
        for (const uri of waiting.values()) {
            if (turn.size >= Math.max(filesPerTurn, open.length)) break;
            turn.add(uri);
        }
        return [...turn];
    }

    /** The files of the turn, loaded, and every file they import inside the workspace (noted in `imported`). */
    private async withImports(turn: URI[], imported: Set<LangiumDocument>): Promise<LangiumDocument[]> {
        const found = new Map<string, LangiumDocument>();
        const loaded = await Promise.all(
            turn.map(uri => this.documents.getOrCreateDocument(uri).catch(() => undefined))
        );
        const pending = loaded.filter(document => document !== undefined);
        while (pending.length > 0) {
            const document = pending.shift()!;
            if (found.has(document.uri.toString())) continue;
            found.set(document.uri.toString(), document);
            const services = this.serviceRegistry.getServices(document.uri);
            if (!isJourneyServices(services)) continue;
            for (const uri of await services.journey.Imports.importedFilesInside(document)) {
                // One that cannot be read is reported on its import when the importer is checked.
                const importedDocument = await this.documents.getOrCreateDocument(uri).catch(() => undefined);
                if (importedDocument) {
                    imported.add(importedDocument);
                    pending.push(importedDocument);
                }
            }
        }
        return [...found.values()];
    }
}

function isJourneyServices(services: object): services is JourneyServices {
    return 'journey' in services;
}
