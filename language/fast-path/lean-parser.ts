import type { AstNode, CstNodeBuilder, LangiumCoreServices, ParseResult, ParserOptions } from 'langium';
import { builtAndGuarded, GuardedParser } from '../journey-parser.js';
import { langiumMovedMessage } from './langium-internals.js';
import { LeanCstNodeBuilder } from './lean-cst-builder.js';
import { ShapedNodeStack } from './shaped-node-stack.js';

/**
 * The guarded parser with three savings on memory: leaves that work out their range when asked
 * (see LeanCstNodeBuilder), AST nodes of a fixed shape (see ShapedNodeStack), and the token
 * list let go once the tree is built — Chevrotain
 * keeps the last input alive on the shared parser, which held every token of the last map
 * parsed (a quarter of its memory) until the next parse.
 */
export class LeanParser extends GuardedParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        if (!('nodeBuilder' in this)) throw new Error(langiumMovedMessage(['LangiumParser.nodeBuilder']));
        // Langium creates its builder in a private field; there is no service to swap it through (checked in langium-internals.ts).
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new LeanCstNodeBuilder();
        // Likewise its stack of nodes under construction: ours hands out nodes of a fixed shape (see ShapedNodeStack).
        if (!Array.isArray((this as unknown as { stack?: unknown }).stack)) throw new Error(langiumMovedMessage(['LangiumParser.stack']));
        (this as unknown as { stack: object[] }).stack = new ShapedNodeStack(services.shared.AstReflection);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            this.wrapper.input = [];
        }
    }
}

export function createLeanParser(services: LangiumCoreServices): LeanParser {
    return builtAndGuarded(new LeanParser(services), services);
}
