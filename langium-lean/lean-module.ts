import {
    DefaultDocumentBuilder,
    DefaultDocumentValidator,
    DefaultIndexManager,
    DefaultLangiumDocumentFactory,
    type LangiumCoreServices,
    type LangiumParser,
    type Module
} from 'langium';
import type {
    LangiumServices,
    LangiumSharedServices,
    PartialLangiumServices,
    PartialLangiumSharedServices
} from 'langium/lsp';
import { KeptLinksDocumentBuilder } from './kept-links-document-builder.js';
import { IncrementalDocumentFactory } from './incremental-document-factory.js';
import { checkLangiumInternals } from './langium-internals.js';
import { LazyReferenceDescriptionProvider } from './lazy-reference-descriptions.js';
import type { LeanLanguageConfig } from './lean-config.js';
import { computeCompositeRanges } from './lean-cst-builder.js';
import { LeanDocuments } from './lean-documents.js';
import { createLeanParser } from './lean-parser.js';
import { createGuardedCompletionParser, createGuardedParser } from './parser-guards/guarded-parser.js';
import { PartialIndexManager } from './partial-index-manager.js';
import { PartialLinker } from './partial-linker.js';
import { ReusingDocumentValidator } from './reusing-document-validator.js';
import { SyncValidationRegistry } from './sync-validation-registry.js';

/**
 * The lean layer: services over Langium's that make an edit in a large file cost the node it is
 * in, and a parsed file hold a fraction of the memory. A language builds its own document
 * factory, builder, index and validator on the classes of `leanBases` (or of `langiumBases`,
 * to run on stock Langium), injects `LeanSharedModule` and `leanModule(config)`, and gives the
 * same trees, links and diagnostics either way. Its invariants and the upgrade checklist are
 * in docs/architecture.md.
 */
export type LeanSharedServices = LangiumSharedServices & { lean: { Documents: LeanDocuments } };

export type LeanServices = LangiumServices & { lean: { Config: LeanLanguageConfig }; shared: LeanSharedServices };

/** The classes a language builds its own services on, and its parsers. */
export interface BaseClasses {
    DocumentFactory: typeof DefaultLangiumDocumentFactory;
    DocumentBuilder: typeof DefaultDocumentBuilder;
    IndexManager: typeof DefaultIndexManager;
    DocumentValidator: typeof DefaultDocumentValidator;
    createParser: (services: LangiumCoreServices) => LangiumParser;
    createCompletionParser: typeof createGuardedCompletionParser;
}

/** Stock Langium, with the parser guards (which are not optional: see parser-guards/). */
export const langiumBases: BaseClasses = {
    DocumentFactory: DefaultLangiumDocumentFactory,
    DocumentBuilder: DefaultDocumentBuilder,
    IndexManager: DefaultIndexManager,
    DocumentValidator: DefaultDocumentValidator,
    createParser: createGuardedParser,
    createCompletionParser: createGuardedCompletionParser
};

/**
 * The lean layer's classes, which extend Langium's. Typed as Langium's: their constructors also
 * read `lean` from the services, which `LeanSharedModule` and `leanModule` provide.
 */
export const leanBases: BaseClasses = {
    DocumentFactory: IncrementalDocumentFactory as unknown as typeof DefaultLangiumDocumentFactory,
    DocumentBuilder: KeptLinksDocumentBuilder as unknown as typeof DefaultDocumentBuilder,
    IndexManager: PartialIndexManager as unknown as typeof DefaultIndexManager,
    DocumentValidator: ReusingDocumentValidator as unknown as typeof DefaultDocumentValidator,
    createParser: createLeanParser,
    createCompletionParser: createGuardedCompletionParser
};

/** Typed as Langium's services, so that a language injects it before its own modules; the lean classes read `lean`. */
export const LeanSharedModule = {
    lean: {
        Documents: () => new LeanDocuments()
    }
} as Module<LangiumSharedServices, PartialLangiumSharedServices>;

/** The lean layer's services for one language; the language's own are built on `leanBases`. */
export function leanModule(config: LeanLanguageConfig): Module<LangiumServices, PartialLangiumServices> {
    const module: Module<LeanServices, PartialLangiumServices & { lean: { Config: LeanLanguageConfig } }> = {
        lean: {
            Config: () => config
        },
        references: {
            Linker: services => new PartialLinker(services)
        },
        workspace: {
            ReferenceDescriptionProvider: services => new LazyReferenceDescriptionProvider(services)
        },
        validation: {
            ValidationRegistry: services => new SyncValidationRegistry(services)
        }
    };
    return module as unknown as Module<LangiumServices, PartialLangiumServices>;
}

/**
 * Checks that Langium still has what the lean layer uses (throws otherwise, with `howToTurnOff`
 * the layer), then makes the one process-wide change it needs.
 */
export function prepareLeanLayer(howToTurnOff?: string): void {
    checkLangiumInternals(howToTurnOff);
    computeCompositeRanges();
}
