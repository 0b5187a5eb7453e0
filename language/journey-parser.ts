import { createParser, LangiumParser, type AstNode, type CstNodeBuilder, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import { JourneyCstNodeBuilder } from './journey-cst-builder.js';
import { installParserGuards } from './parser-guards/index.js';

/**
 * Langium's parser with two savings on memory: leaves that work out their range when asked
 * (see JourneyCstNodeBuilder), and the token list let go once the tree is built — Chevrotain
 * keeps the last input alive on the shared parser, which held every token of the last map
 * parsed (a quarter of its memory) until the next parse.
 */
export class JourneyParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        // Langium creates its builder in a private field; there is no service to swap it through.
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new JourneyCstNodeBuilder();
    }

    /** Replaces the parts of Chevrotain that grow the stack with the input (see parser-guards/). */
    guard(): void {
        installParserGuards(this.wrapper);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            this.wrapper.input = [];
        }
    }
}

/** What Langium's `createLangiumParser` does, with our parser class. */
export function createJourneyParser(services: LangiumCoreServices): LangiumParser {
    const parser = new JourneyParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    parser.guard();
    return parser;
}
