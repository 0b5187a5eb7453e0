import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { DataSources } from './journey-data-sources.js';
import { registerDataLinkChecks } from './journey-data-link-validator.js';
import { registerEventLogChecks } from './journey-event-log-validator.js';
import { registerViewChecks } from './journey-view-validator.js';
import { JourneyGeneratedSharedModule, JourneyMapGeneratedModule } from './generated/module.js';
import { JourneyDocumentBuilder } from './journey-document-builder.js';
import { JourneyDocumentFactory } from './journey-document-factory.js';
import { JourneyDocumentValidator } from './journey-document-validator.js';
import { JourneyFormatter } from './journey-formatter.js';
import { JourneyImports } from './journey-imports.js';
import { JourneyIndexManager } from './journey-index-manager.js';
import { JourneyModelBuilder } from './journey-model-builder.js';
import { createGuardedCompletionParser, createGuardedParser } from './journey-parser.js';
import { fastPathEnabled, FastPathModule, FastPathSharedModule, prepareFastPath } from './fast-path/fast-path-module.js';
import { JourneyScopeComputation, JourneyScopeProvider } from './journey-scope.js';
import { JourneyValidator, registerValidationChecks } from './journey-validator.js';
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
    validation: {
        JourneyValidator: JourneyValidator;
    };
};

/** Langium's shared services, with our index, which answers which declarations are referenced. */
export type JourneyAddedSharedServices = { workspace: { IndexManager: JourneyIndexManager } };
export type JourneySharedServices = LangiumSharedServices & JourneyAddedSharedServices;

export type JourneyServices = LangiumServices & JourneyAddedServices & { shared: JourneySharedServices };

export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    journey: {
        Workspace: () => new JourneyWorkspace(),
        Imports: services => new JourneyImports(services),
        DataSources: services => new DataSources(services),
        ModelBuilder: services => new JourneyModelBuilder(services),
        TextLimits: services => new JourneyTextLimits(services.shared.workspace.ConfigurationProvider)
    },
    parser: {
        LangiumParser: services => createGuardedParser(services),
        CompletionParser: services => createGuardedCompletionParser(services),
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
        DocumentValidator: services => new JourneyDocumentValidator(services),
        JourneyValidator: services => new JourneyValidator(services)
    },
    lsp: {
        // The formatter is the language's own (`journeymap fmt` uses it); Langium files it under lsp.
        Formatter: () => new JourneyFormatter()
    }
};

export const JourneySharedModule: Module<JourneySharedServices, PartialLangiumSharedServices & JourneyAddedSharedServices> = {
    workspace: {
        LangiumDocumentFactory: services => new JourneyDocumentFactory(services),
        DocumentBuilder: services => new JourneyDocumentBuilder(services),
        IndexManager: services => new JourneyIndexManager(services)
    }
};

/** Modules added over the language's: the editor features of server/, which the CLI does without. */
export interface JourneyModuleExtensions {
    shared: Module<JourneySharedServices, PartialLangiumSharedServices>;
    language: Module<JourneyServices, PartialLangiumServices>;
}

export type JourneyModuleContext = DefaultSharedModuleContext & {
    /** Run with the fast path (language/fast-path/) or on stock Langium; by default, as JOURNEYMAP_FAST_PATH says (on unless `off`). */
    fastPath?: boolean;
    extensions?: JourneyModuleExtensions;
};

/**
 * The one place that wires the language: used by the language server, the CLI and the
 * tests alike. Pass `NodeFileSystem` (from `langium/node`) in Node, `EmptyFileSystem` or a
 * virtual file system elsewhere.
 */
export function createJourneyServices(context: JourneyModuleContext): { shared: JourneySharedServices; Journey: JourneyServices } {
    const fastPath = fastPathEnabled(context.fastPath);
    if (fastPath) prepareFastPath();
    const extensions = context.extensions ?? { shared: {}, language: {} };
    // The fast path last: it builds on the language's services and replaces some of them.
    const shared = fastPath
        ? inject(createDefaultSharedModule(context), JourneyGeneratedSharedModule, JourneySharedModule, extensions.shared, FastPathSharedModule)
        : inject(createDefaultSharedModule(context), JourneyGeneratedSharedModule, JourneySharedModule, extensions.shared);
    const Journey = fastPath
        ? inject(createDefaultModule({ shared }), JourneyMapGeneratedModule, JourneyModule, extensions.language, FastPathModule)
        : inject(createDefaultModule({ shared }), JourneyMapGeneratedModule, JourneyModule, extensions.language);
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    registerDataLinkChecks(Journey);
    registerEventLogChecks(Journey);
    registerViewChecks(Journey);
    if (!context.connection) {
        // Without a language client nobody sends the configuration: start with the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}
