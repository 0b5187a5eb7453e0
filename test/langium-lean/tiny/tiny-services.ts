import { inject, type Module } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import type { LeanLanguageConfig } from '../../../langium-lean/lean-config.js';
import {
    langiumBases,
    leanBases,
    leanModule,
    LeanSharedModule,
    prepareLeanLayer,
    type BaseClasses
} from '../../../langium-lean/lean-module.js';
import { nodeFields } from '../../../langium-lean/node-fields.js';
import { reflection } from './generated/ast.js';
import { TinyGeneratedModule, TinyGeneratedSharedModule } from './generated/module.js';

/** A fresh node of each type with every property, made from the reflection (the Journey language generates these). */
const nodeFactories = Object.fromEntries(
    reflection.getAllTypes().map(type => {
        const fields = nodeFields(reflection, type);
        return [type, () => ({ $type: type, ...Object.fromEntries(fields.map(field => [field, undefined])) })];
    })
);

/** All the lean layer needs of the tiny language. */
export const tinyLeanConfig: LeanLanguageConfig = {
    reparsableRules: ['Block', 'Item'],
    stagedBlocks: { keyword: 'block', rule: 'Block', depth: 0 },
    looksAcrossTheFile: new Set(),
    nodeFactories
};

/** The tiny language's services, on the lean layer or on stock Langium, as a language wires them; files from disk. */
export function createTinyServices(lean: boolean): { shared: LangiumSharedServices; Tiny: LangiumServices } {
    if (lean) prepareLeanLayer();
    const bases = lean ? leanBases : langiumBases;
    const shared = inject(
        createDefaultSharedModule(NodeFileSystem),
        TinyGeneratedSharedModule,
        lean ? LeanSharedModule : {},
        sharedOn(bases)
    );
    const Tiny = inject(
        createDefaultModule({ shared }),
        TinyGeneratedModule,
        lean ? leanModule(tinyLeanConfig) : {},
        languageOn(bases)
    );
    shared.ServiceRegistry.register(Tiny);
    shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Tiny };
}

function sharedOn(bases: BaseClasses): Module<LangiumSharedServices, PartialLangiumSharedServices> {
    return {
        workspace: {
            LangiumDocumentFactory: services => new bases.DocumentFactory(services),
            DocumentBuilder: services => new bases.DocumentBuilder(services),
            IndexManager: services => new bases.IndexManager(services)
        }
    };
}

function languageOn(bases: BaseClasses): Module<LangiumServices, PartialLangiumServices> {
    return {
        parser: {
            LangiumParser: services => bases.createParser(services),
            CompletionParser: services => bases.createCompletionParser(services)
        },
        validation: {
            DocumentValidator: services => new bases.DocumentValidator(services)
        }
    };
}
