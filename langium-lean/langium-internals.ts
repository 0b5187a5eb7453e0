import { EmbeddedActionsParser, VERSION as chevrotainVersion, type IToken, type TokenType } from 'chevrotain';
import {
    CompositeCstNodeImpl,
    CstNodeBuilder,
    DefaultDocumentBuilder,
    DefaultDocumentValidator,
    DefaultIndexManager,
    DefaultLangiumDocumentFactory,
    DefaultLinker,
    DefaultReferenceDescriptionProvider,
    DefaultWorkspaceManager,
    LangiumParser,
    type LangiumCompletionParser,
    RootCstNodeImpl,
    ValidationRegistry,
    type AstNode,
    type CompositeCstNode,
    type LangiumDocument,
    type ReferenceDescription,
    type RootCstNode
} from 'langium';

/**
 * The one place that touches what is not Langium's or Chevrotain's public API: the adapter
 * below reads and writes their private and protected members, and the gate checks, once when
 * the lean layer is made, that every member the adapter touches and every protected method the
 * lean layer (or a language on it) overrides is still there. A Langium upgrade that moves one
 * fails at start with the list, not later with a wrong tree. The Chevrotain members the parser
 * guards replace are checked here too: their methods by the gate, their fields on each parser
 * the guards are put on (recoveryInternalsOf). See docs/architecture.md, "Upgrading Langium".
 */
export const writtenFor = { langium: '4.3', chevrotain: '12.0' };

/** Methods overridden or called, by class. */
const methodsUsed: Array<[string, object, string[]]> = [
    ['LangiumParser', LangiumParser.prototype, ['parse', 'construct', 'doParse', 'isRecording']],
    [
        'CstNodeBuilder',
        CstNodeBuilder.prototype,
        ['buildRootNode', 'buildLeafNode', 'addHiddenNodes', 'buildCompositeNode', 'construct']
    ],
    [
        'DefaultLangiumDocumentFactory',
        DefaultLangiumDocumentFactory.prototype,
        ['update', 'parse', 'parseAsync', 'fromUri', 'createLangiumDocument']
    ],
    [
        'DefaultDocumentBuilder',
        DefaultDocumentBuilder.prototype,
        ['update', 'resetToState', 'buildDocuments', 'runCancelable', 'markAsCompleted']
    ],
    ['DefaultIndexManager', DefaultIndexManager.prototype, ['updateReferences', 'removeContent']],
    [
        'DefaultLinker',
        DefaultLinker.prototype,
        [
            'link',
            'unlink',
            'doLink',
            'buildReference',
            'loadAstNode',
            'createLinkingError',
            'getLinkedNode',
            'throwCyclicReferenceError'
        ]
    ],
    [
        'DefaultReferenceDescriptionProvider',
        DefaultReferenceDescriptionProvider.prototype,
        ['createDescriptions', 'createInfoDescriptions']
    ],
    [
        'DefaultDocumentValidator',
        DefaultDocumentValidator.prototype,
        ['validateAst', 'validateAstBefore', 'validateAstAfter', 'toDiagnostic', 'processLinkingErrors']
    ],
    [
        'ValidationRegistry',
        ValidationRegistry.prototype,
        ['wrapValidationException', 'handleException', 'getChecks', 'getAllValidationCategories']
    ],
    [
        'DefaultWorkspaceManager',
        DefaultWorkspaceManager.prototype,
        ['initializeWorkspace', 'traverseFolder', 'getRootFolder']
    ]
];

/** Methods of Chevrotain's parser the parser guards replace or call, with their number of parameters. */
const recoveryMethods: Record<string, number> = {
    tryInRepetitionRecovery: 4,
    findReSyncTokenType: 0,
    flattenFollowSet: 0,
    LA: 1
};

/** Fields of Chevrotain's parser the parser guards read: set by its constructor, so checked on each parser. */
const recoveryFields = [
    'RULE_STACK',
    'RULE_OCCURRENCE_STACK',
    'RULE_STACK_IDX',
    'RULE_OCCURRENCE_STACK_IDX',
    'tokVector',
    'tokVectorLength',
    'currIdx'
];

/** The recovery methods that are gone or take other parameters, on `members` (a prototype or a parser). */
function missingRecoveryMethods(members: Record<string, unknown>): string[] {
    return Object.entries(recoveryMethods)
        .filter(
            ([name, count]) => typeof members[name] !== 'function' || (members[name] as () => void).length !== count
        )
        .map(([name, count]) => `Chevrotain's parser.${name}() with ${count} parameters`);
}

/**
 * Fields the adapter reads or writes, read off fresh instances (fields of service classes are checked on the
 * instance, when first used).
 */
function fieldsUsed(): Array<[string, object, string[]]> {
    const builder = new CstNodeBuilder();
    builder.buildRootNode('text');
    return [
        ['CstNodeBuilder', builder, ['rootNode', 'nodeStack']],
        ['RootCstNodeImpl', new RootCstNodeImpl('text'), ['_text']]
    ];
}

/** What is missing of what the lean layer uses, as readable names; empty when all is there. */
export function missingLangiumInternals(): string[] {
    const missing: string[] = [];
    for (const [owner, prototype, methods] of methodsUsed) {
        for (const method of methods) {
            if (typeof (prototype as Record<string, unknown>)[method] !== 'function')
                missing.push(`${owner}.${method}()`);
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
    missing.push(...missingRecoveryMethods(EmbeddedActionsParser.prototype as unknown as Record<string, unknown>));
    missing.push(...missingChevrotainVersion());
    return missing;
}

function missingChevrotainVersion(): string[] {
    return chevrotainVersion.startsWith(`${writtenFor.chevrotain}.`)
        ? []
        : [`Chevrotain ${writtenFor.chevrotain} (this is ${chevrotainVersion})`];
}

let checked = false;
let turnOffHint = '';

/**
 * Throws, naming the Langium version the lean layer was written for, when what it uses has moved. Checks once per
 * process.
 */
export function checkLangiumInternals(howToTurnOff = ''): void {
    turnOffHint = howToTurnOff;
    if (checked) return;
    const missing = missingLangiumInternals();
    if (missing.length > 0) throw new Error(langiumMovedMessage(missing));
    checked = true;
}

export function langiumMovedMessage(missing: string[], howToTurnOff = turnOffHint): string {
    return (
        `The lean layer (langium-lean/) was written for Langium ${writtenFor.langium} ` +
        `with Chevrotain ${writtenFor.chevrotain}; ` +
        `this installation lacks ${missing.join(', ')}. Follow the upgrade checklist in docs/architecture.md, ` +
        `or run without the lean layer${howToTurnOff ? `: ${howToTurnOff}` : ''}.`
    );
}

/** The instance's fields, or the gate's error naming those that are gone. */
function fieldsOf<T>(instance: object, owner: string, fields: string[]): T {
    const missing = fields.filter(field => !(field in instance));
    if (missing.length > 0) throw new Error(langiumMovedMessage(missing.map(field => `${owner}.${field}`)));
    return instance as T;
}

// The adapter.

/** Gives a tree a new text: Langium keeps a root's text in a private field and offers no setter. */
export function setRootText(root: RootCstNode, text: string): void {
    (root as unknown as { _text: string })._text = text;
}

/** The stack of composite nodes a CST builder is filling; the root first. */
export function builderNodeStack(builder: CstNodeBuilder): CompositeCstNode[] {
    return (builder as unknown as { nodeStack: CompositeCstNode[] }).nodeStack;
}

/** Starts a CST builder on `root`, as its `buildRootNode` does, with a root of another class. */
export function startBuilderAt(builder: CstNodeBuilder, root: RootCstNode): void {
    Object.assign(builder, { rootNode: root, nodeStack: [root] });
}

/** The members of Langium's parser the lean parser reads, replaces or calls. */
export interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    stack: object[];
    lexerResult: unknown;
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, boolean[]>;
    wrapper: { input: unknown[]; errors: unknown[] };
    construct(): unknown;
    doParse(rule: unknown): AstNode;
}

export function parserInternals(parser: LangiumParser): ParserInternals {
    return fieldsOf<ParserInternals>(parser, 'LangiumParser', [
        'nodeBuilder',
        'stack',
        'allRules',
        'unorderedGroups',
        'wrapper',
        'construct'
    ]);
}

/** The members of Chevrotain's parser (recoverable.ts, lexer_adapter.ts) the parser guards replace or read. */
export interface ChevrotainRecoveryInternals {
    tryInRepetitionRecovery(
        grammarRule: (...args: unknown[]) => void,
        grammarRuleArgs: unknown[],
        lookAheadFunc: () => boolean,
        expectedTokType: unknown
    ): void;
    findReSyncTokenType(): TokenType;
    flattenFollowSet(): TokenType[];
    LA(howMuch: number): IToken;
    RULE_STACK: number[];
    RULE_OCCURRENCE_STACK: number[];
    RULE_STACK_IDX: number;
    RULE_OCCURRENCE_STACK_IDX: number;
    tokVector: IToken[];
    tokVectorLength: number;
    currIdx: number;
}

/**
 * The Chevrotain parser inside Langium's (a protected field), for the parser guards; the gate's
 * error when the Chevrotain it was written for is not the one installed, or a member has moved.
 */
export function recoveryInternalsOf(parser: LangiumParser | LangiumCompletionParser): ChevrotainRecoveryInternals {
    const chevrotain = fieldsOf<{ wrapper: Record<string, unknown> }>(parser, 'LangiumParser', ['wrapper']).wrapper;
    const missing = [
        ...missingChevrotainVersion(),
        ...missingRecoveryMethods(chevrotain),
        ...recoveryFields.filter(field => !(field in chevrotain)).map(field => `Chevrotain's parser.${field}`)
    ];
    if (missing.length > 0) throw new Error(langiumMovedMessage(missing));
    return chevrotain as unknown as ChevrotainRecoveryInternals;
}

/** The index's references, by document URI (a protected field; Langium asks for them only per target node). */
export function referenceIndexOf(indexManager: DefaultIndexManager): Map<string, ReferenceDescription[]> {
    return fieldsOf<{ referenceIndex: Map<string, ReferenceDescription[]> }>(indexManager, 'DefaultIndexManager', [
        'referenceIndex'
    ]).referenceIndex;
}

/** What the builder remembers of each document's last build (a protected field). */
export function buildStateOf(builder: DefaultDocumentBuilder): Map<string, unknown> {
    return fieldsOf<{ buildState: Map<string, unknown> }>(builder, 'DefaultDocumentBuilder', ['buildState']).buildState;
}

/** Tells those waiting for a document's build that it is done (a protected method). */
export function markBuildCompleted(builder: DefaultDocumentBuilder, document: LangiumDocument): void {
    (builder as unknown as { markAsCompleted(document: LangiumDocument): void }).markAsCompleted(document);
}

/** Lets what waits for the workspace go on (a protected field, resolved by Langium's own start). */
export function resolveWorkspaceReady(manager: DefaultWorkspaceManager): void {
    fieldsOf<{ _ready: { resolve(): void } }>(manager, 'DefaultWorkspaceManager', ['_ready'])._ready.resolve();
}

/** A rule's name as the grammar writes it: Langium marks the names it gives Chevrotain with a zero-width space. */
export function grammarRuleName(chevrotainRuleName: string): string {
    return chevrotainRuleName.replace(/\u200B/g, '');
}
