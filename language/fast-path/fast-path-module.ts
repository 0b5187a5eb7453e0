import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { JourneyServices } from '../journey-module.js';
import { FastPathDocuments } from './fast-path-documents.js';
import { IncrementalDocumentFactory } from './incremental-document-factory.js';
import { KeptLinksDocumentBuilder } from './kept-links-document-builder.js';
import { checkLangiumInternals } from './langium-internals.js';
import { LazyReferenceDescriptionProvider } from './lazy-reference-descriptions.js';
import { computeCompositeRanges } from './lean-cst-builder.js';
import { createLeanParser } from './lean-parser.js';
import { PartialIndexManager } from './partial-index-manager.js';
import { PartialLinker } from './partial-linker.js';
import { ReusingDocumentValidator } from './reusing-document-validator.js';
import { SyncValidationRegistry } from './sync-validation-registry.js';

/**
 * The fast path: services that replace Langium's parser output, document factory, builder,
 * linker, index and validator so that an edit in a large map costs the step it is in, and a
 * parsed map holds a fraction of the memory. Its modules are injected last, over the language's
 * own; without them (JOURNEYMAP_FAST_PATH=off, or the setting journey.fastPath: false) the
 * language runs on stock Langium and gives the same trees, links and diagnostics, more slowly.
 * Its invariants and the Langium upgrade checklist are in docs/architecture.md.
 */
export type FastPathSharedServices = LangiumSharedServices & {
    fastPath: { Documents: FastPathDocuments };
};

export type FastPathServices = JourneyServices & { shared: FastPathSharedServices };

export const FastPathSharedModule: Module<FastPathSharedServices, PartialLangiumSharedServices & { fastPath: { Documents: FastPathDocuments } }> = {
    fastPath: {
        Documents: () => new FastPathDocuments()
    },
    workspace: {
        LangiumDocumentFactory: services => new IncrementalDocumentFactory(services),
        DocumentBuilder: services => new KeptLinksDocumentBuilder(services),
        IndexManager: services => new PartialIndexManager(services)
    }
};

export const FastPathModule: Module<FastPathServices, PartialLangiumServices> = {
    parser: {
        LangiumParser: services => createLeanParser(services)
    },
    references: {
        Linker: services => new PartialLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new LazyReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new ReusingDocumentValidator(services),
        ValidationRegistry: services => new SyncValidationRegistry(services)
    }
};

/** Checks that Langium still has what the fast path uses (throws otherwise), then makes the one process-wide change it needs. */
export function prepareFastPath(): void {
    checkLangiumInternals();
    computeCompositeRanges();
}

/** Whether the fast path is on: unless `JOURNEYMAP_FAST_PATH=off` in the environment, or `false` is asked for. */
export function fastPathEnabled(asked?: boolean): boolean {
    if (asked !== undefined) return asked;
    const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return environment?.JOURNEYMAP_FAST_PATH !== 'off';
}
