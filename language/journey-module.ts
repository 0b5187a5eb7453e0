import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { DataSources } from './journey-data-sources.js';
import { JourneyGeneratedSharedModule, JourneyMapGeneratedModule } from './generated/module.js';
import { journeyDocumentBuilder } from './journey-document-builder.js';
import { journeyDocumentFactory } from './journey-document-factory.js';
import { journeyDocumentValidator } from './journey-document-validator.js';
import { JourneyFormatter } from './journey-formatter.js';
import { JourneyImports } from './journey-imports.js';
import { journeyIndexManager, type JourneyIndexManager } from './journey-index-manager.js';
import { JourneyModelBuilder } from './journey-model-builder.js';
import {
    langiumBases, leanBases, leanModule, LeanSharedModule, prepareLeanLayer, type BaseClasses
} from '../langium-lean/lean-module.js';
import { fastPathEnabled, fastPathSwitch, journeyLeanConfig } from './journey-lean.js';
import { JourneyScopeComputation, JourneyScopeProvider } from './journey-scope.js';
import { registerValidationChecks } from './validation/register-checks.js';
import { JourneyLexerErrorMessageProvider, JourneyParserErrorMessageProvider } from './journey-syntax-messages.js';
import { JourneyTokenBuilder } from './journey-token-builder.js';
import { JourneyValueConverter } from './journey-value-converter.js';
import { JourneyWorkspace } from './journey-workspace.js';
import { JourneyTextLimits } from './journey-text-limits.js';

/** Services of ours that Langium does not have. */
export type JourneyAddedServices = {
    journey: {
        Workspace: JourneyWorkspace;
        Imports: JourneyImports;
        DataSources: DataSources;
        ModelBuilder: JourneyModelBuilder;
        TextLimits: JourneyTextLimits;
    };
};

/** Langium's shared services, with our index, which answers which declarations are referenced. */
export type JourneyAddedSharedServices = { workspace: { IndexManager: JourneyIndexManager } };
export type JourneySharedServices = LangiumSharedServices & JourneyAddedSharedServices;

export type JourneyServices = LangiumServices & JourneyAddedServices & { shared: JourneySharedServices };

/** The language's services, built on Langium's classes or on the lean layer's (`bases`). */
export function journeyModule(
    bases: BaseClasses
): Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> {
    return {
        journey: {
            Workspace: () => new JourneyWorkspace(),
            Imports: services => new JourneyImports(services),
            DataSources: services => new DataSources(services),
            ModelBuilder: services => new JourneyModelBuilder(services),
            TextLimits: services => new JourneyTextLimits(services.shared.workspace.ConfigurationProvider)
        },
        parser: {
            LangiumParser: services => bases.createParser(services),
            CompletionParser: services => bases.createCompletionParser(services),
            ValueConverter: () => new JourneyValueConverter(),
            TokenBuilder: () => new JourneyTokenBuilder(),
            ParserErrorMessageProvider: () => new JourneyParserErrorMessageProvider(),
            LexerErrorMessageProvider: () => new JourneyLexerErrorMessageProvider()
        },
        references: {
            ScopeComputation: services => new JourneyScopeComputation(services),
            ScopeProvider: services => new JourneyScopeProvider(services)
        },
        validation: {
            DocumentValidator: services => new (journeyDocumentValidator(bases.DocumentValidator))(services)
        },
        lsp: {
            // The formatter is the language's own (`journeymap fmt` uses it); Langium files it under lsp.
            Formatter: () => new JourneyFormatter()
        }
    };
}

export function journeySharedModule(
    bases: BaseClasses
): Module<JourneySharedServices, PartialLangiumSharedServices & JourneyAddedSharedServices> {
    return {
        workspace: {
            LangiumDocumentFactory: services => new (journeyDocumentFactory(bases.DocumentFactory))(services),
            DocumentBuilder: services => new (journeyDocumentBuilder(bases.DocumentBuilder))(services),
            IndexManager: services => new (journeyIndexManager(bases.IndexManager))(services)
        }
    };
}

/** Modules added over the language's: the editor features of server/, which the CLI does without. */
export interface JourneyModuleExtensions {
    shared: Module<JourneySharedServices, PartialLangiumSharedServices>;
    language: Module<JourneyServices, PartialLangiumServices>;
}

export type JourneyModuleContext = DefaultSharedModuleContext & {
    /** With the lean layer (langium-lean/) or on stock Langium; by default as JOURNEYMAP_FAST_PATH says. */
    fastPath?: boolean;
    extensions?: JourneyModuleExtensions;
};

/**
 * The one place that wires the language: used by the language server, the CLI and the
 * tests alike. Pass `NodeFileSystem` (from `langium/node`) in Node, `EmptyFileSystem` or a
 * virtual file system elsewhere.
 */
export function createJourneyServices(
    context: JourneyModuleContext
): { shared: JourneySharedServices; Journey: JourneyServices } {
    const lean = fastPathEnabled(context.fastPath);
    if (lean) prepareLeanLayer(fastPathSwitch);
    const bases = lean ? leanBases : langiumBases;
    const extensions = context.extensions ?? { shared: {}, language: {} };
    // The lean layer's services first: the language's own are built on its classes.
    const sharedDefaults = createDefaultSharedModule(context);
    const shared = lean
        ? inject(sharedDefaults, JourneyGeneratedSharedModule, LeanSharedModule, journeySharedModule(bases),
            extensions.shared)
        : inject(sharedDefaults, JourneyGeneratedSharedModule, journeySharedModule(bases), extensions.shared);
    const defaults = createDefaultModule({ shared });
    const Journey = lean
        ? inject(defaults, JourneyMapGeneratedModule, leanModule(journeyLeanConfig), journeyModule(bases),
            extensions.language)
        : inject(defaults, JourneyMapGeneratedModule, journeyModule(bases), extensions.language);
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    if (!context.connection) {
        // Without a language client nobody sends the configuration: start with the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}
