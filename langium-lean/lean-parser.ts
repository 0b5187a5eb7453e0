import { AstUtils, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import type { IToken } from 'chevrotain';
import { builtAndGuarded, GuardedParser } from './parser-guards/guarded-parser.js';
import { parserInternals, type ParserInternals } from './langium-internals.js';
import { LeanCstNodeBuilder } from './lean-cst-builder.js';
import { ShapedNodeStack } from './shaped-node-stack.js';
import type { LeanServices } from './lean-module.js';

/** Langium's parser's members as the lean parser uses them (see langium-internals.ts). */
type LeanParserInternals = ParserInternals & { stack: ShapedNodeStack };

/**
 * The guarded parser with three savings on memory: leaves that work out their range when asked
 * (see LeanCstNodeBuilder), AST nodes of a fixed shape (see ShapedNodeStack), and the token list
 * let go once the tree is built (Chevrotain keeps the last input alive on the shared parser).
 * And one on time: the stack gives a finished node its defaults and tells its children their
 * container, so that `construct` and `parse` leave out Langium's walks that do the same.
 */
export class LeanParser extends GuardedParser {
    /** Langium's private members of this parser, checked once (see langium-internals.ts). */
    private readonly internals: LeanParserInternals;

    constructor(services: LangiumCoreServices) {
        super(services);
        const parser = parserInternals(this) as LeanParserInternals;
        this.internals = parser;
        // Langium creates its builder and its stack of nodes under construction in private fields; there is no
        // service to swap them through.
        parser.nodeBuilder = new LeanCstNodeBuilder();
        parser.stack = new ShapedNodeStack(
            services.shared.AstReflection,
            (services as LeanServices).lean.Config.nodeFactories
        );
        // Langium's `construct` is private: the one that knows shaped nodes goes on the instance.
        const langiumConstruct = parser.construct;
        Object.assign(this, { construct: () => this.constructShaped(langiumConstruct) });
    }

    /**
     * Langium's `parse`, less its last step, `linkContentToContainer(result, { deep: true })`:
     * the stack told every node its container as it finished it. Should a node of a type the
     * stack does not know have gone through, the walk runs as in Langium.
     */
    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const parser = this.internals;
        try {
            parser.stack.unshapedSeen = false;
            parser.nodeBuilder.buildRootNode(input);
            const lexerResult = this.lexer.tokenize(input);
            parser.lexerResult = lexerResult;
            parser.wrapper.input = lexerResult.tokens;
            const ruleMethod = options.rule ? parser.allRules.get(options.rule) : parser.mainRule;
            if (!ruleMethod) {
                throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
            }
            const result = parser.doParse(ruleMethod);
            parser.nodeBuilder.addHiddenNodes(lexerResult.hidden as IToken[]);
            parser.unorderedGroups.clear();
            parser.lexerResult = undefined;
            if (parser.stack.unshapedSeen) AstUtils.linkContentToContainer(result, { deep: true });
            return {
                value: result as T,
                lexerErrors: lexerResult.errors,
                lexerReport: lexerResult.report,
                parserErrors: parser.wrapper.errors as ParseResult['parserErrors']
            };
        } finally {
            parser.wrapper.input = [];
        }
    }

    /**
     * Langium's `construct`, less `assignMandatoryProperties` for a node the stack shaped: popping
     * it gave it its defaults. Anything else (a data type value) goes to Langium's.
     */
    private constructShaped(langiumConstruct: () => unknown): unknown {
        const parser = this.internals;
        const top = parser.stack[parser.stack.length - 1];
        const node =
            this.isRecording() || top === undefined || '$infixName' in top ? undefined : parser.stack.popShaped();
        if (!node) return langiumConstruct.call(this);
        parser.nodeBuilder.construct(node as AstNode & { $cstNode: never });
        return node;
    }
}

export function createLeanParser(services: LangiumCoreServices): LeanParser {
    return builtAndGuarded(new LeanParser(services), services);
}
