import { VERSION as chevrotainVersion } from 'chevrotain';
import {
    CompositeCstNodeImpl, CstNodeBuilder, DefaultDocumentBuilder, DefaultDocumentValidator, DefaultIndexManager,
    DefaultLangiumDocumentFactory, DefaultLinker, DefaultReferenceDescriptionProvider, LangiumParser, RootCstNodeImpl, ValidationRegistry
} from 'langium';

/**
 * Every part of Langium the fast path overrides, reads or replaces that is not its public
 * API: protected and private members, by class. Checked once, when the fast path's module
 * is made, so that a Langium upgrade that moves one of them fails at start with this list,
 * not later with a wrong tree. See docs/architecture.md, "Upgrading Langium".
 */
export const writtenFor = { langium: '4.3', chevrotain: '12.0' };

const methodsUsed: Array<[string, object, string[]]> = [
    ['LangiumParser', LangiumParser.prototype, ['parse', 'construct', 'doParse', 'isRecording']],
    ['CstNodeBuilder', CstNodeBuilder.prototype, ['buildRootNode', 'buildLeafNode', 'addHiddenNodes', 'buildCompositeNode', 'construct']],
    ['DefaultLangiumDocumentFactory', DefaultLangiumDocumentFactory.prototype, ['update', 'parse', 'parseAsync', 'fromUri', 'createLangiumDocument']],
    ['DefaultDocumentBuilder', DefaultDocumentBuilder.prototype, ['update', 'resetToState', 'runCancelable', 'markAsCompleted']],
    ['DefaultIndexManager', DefaultIndexManager.prototype, ['updateReferences', 'removeContent']],
    ['DefaultLinker', DefaultLinker.prototype, ['link', 'unlink', 'doLink', 'buildReference', 'loadAstNode', 'createLinkingError', 'getLinkedNode', 'throwCyclicReferenceError']],
    ['DefaultReferenceDescriptionProvider', DefaultReferenceDescriptionProvider.prototype, ['createDescriptions', 'createInfoDescriptions']],
    ['DefaultDocumentValidator', DefaultDocumentValidator.prototype, ['validateAst', 'validateAstBefore', 'validateAstAfter', 'toDiagnostic', 'processLinkingErrors']],
    ['ValidationRegistry', ValidationRegistry.prototype, ['wrapValidationException', 'handleException', 'getChecks', 'getAllValidationCategories']]
];

/** Private fields the fast path writes, read off fresh instances. */
function fieldsUsed(): Array<[string, object, string[]]> {
    const builder = new CstNodeBuilder();
    builder.buildRootNode('text');
    return [
        ['CstNodeBuilder', builder, ['rootNode', 'nodeStack']],
        ['RootCstNodeImpl', new RootCstNodeImpl('text'), ['_text']]
    ];
}

/** What is missing of what the fast path uses, as readable names; empty when all is there. */
export function missingLangiumInternals(): string[] {
    const missing: string[] = [];
    for (const [owner, prototype, methods] of methodsUsed) {
        for (const method of methods) {
            if (typeof (prototype as Record<string, unknown>)[method] !== 'function') missing.push(`${owner}.${method}()`);
        }
    }
    for (const [owner, instance, fields] of fieldsUsed()) {
        for (const field of fields) {
            if (!(field in instance)) missing.push(`${owner}.${field}`);
        }
    }
    if (typeof Object.getOwnPropertyDescriptor(CompositeCstNodeImpl.prototype, 'range')?.get !== 'function') {
        missing.push('CompositeCstNodeImpl.range (a getter on the prototype)');
    }
    if (!chevrotainVersion.startsWith(`${writtenFor.chevrotain}.`)) {
        missing.push(`Chevrotain ${writtenFor.chevrotain} (this is ${chevrotainVersion})`);
    }
    return missing;
}

let checked = false;

/** Throws, naming the Langium version the fast path was written for, when what it uses has moved. Checks once per process. */
export function checkLangiumInternals(): void {
    if (checked) return;
    const missing = missingLangiumInternals();
    if (missing.length > 0) throw new Error(langiumMovedMessage(missing));
    checked = true;
}

export function langiumMovedMessage(missing: string[]): string {
    return `The Journey fast path (language/fast-path/) was written for Langium ${writtenFor.langium} with Chevrotain ${writtenFor.chevrotain}; `
        + `this installation lacks ${missing.join(', ')}. Follow the upgrade checklist in docs/architecture.md, `
        + 'or run without the fast path: JOURNEYMAP_FAST_PATH=off (setting journey.fastPath: false).';
}
