import type { Module } from 'langium';
import type { PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { JourneyModuleExtensions, JourneyServices, JourneySharedServices } from '../language/journey-module.js';
import { JourneyCodeActionProvider } from './journey-code-actions.js';
import { JourneyCompletionProvider } from './journey-completion.js';
import { JourneyDocumentUpdateHandler } from './journey-document-update-handler.js';
import { JourneyHoverProvider } from './journey-hover.js';
import { JourneyRenameProvider } from './journey-rename.js';
import { JourneySemanticTokenProvider } from './journey-semantic-tokens.js';
import { JourneyWorkspaceSymbolProvider } from './journey-workspace-symbols.js';
import { OpenDocumentsFirstWorkspaceManager } from './open-documents-first.js';

/** The editor features of ours: hovers, completion, quick fixes, rename, highlighting, symbols. */
export const JourneyLspModule: Module<JourneyServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: services => new JourneyHoverProvider(services),
        CompletionProvider: services => new JourneyCompletionProvider(services),
        CodeActionProvider: () => new JourneyCodeActionProvider(),
        RenameProvider: services => new JourneyRenameProvider(services),
        SemanticTokenProvider: services => new JourneySemanticTokenProvider(services)
    }
};

/**
 * Shared editor features of ours: data files are dependencies too; symbols across the workspace; open files built
 * first.
 */
export const JourneyLspSharedModule: Module<JourneySharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: services => new JourneyDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => new JourneyWorkspaceSymbolProvider(services)
    },
    workspace: {
        WorkspaceManager: services => new OpenDocumentsFirstWorkspaceManager(services)
    }
};

/** What `createJourneyServices` adds for a language server. */
export const journeyLspExtensions: JourneyModuleExtensions = {
    shared: JourneyLspSharedModule,
    language: JourneyLspModule
};
