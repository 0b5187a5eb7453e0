import { createParser, LangiumCompletionParser, LangiumParser, type AstNode, type CstNodeBuilder, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
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
    return builtAndGuarded(new JourneyParser(services), services);
}

/**
 * The parser Langium runs on the text before the cursor to know what may come next: it
 * recovers from errors as the main parser does, so it needs the same guards (a completion
 * request in a large broken map overflowed the stack).
 */
export class JourneyCompletionParser extends LangiumCompletionParser {
    guard(): void {
        installParserGuards(this.wrapper);
    }
}

/** What Langium's `createCompletionParser` does, with the guards. */
export function createJourneyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return builtAndGuarded(new JourneyCompletionParser(services), services);
}

/** Builds the grammar's rules into a parser, as Langium does, then puts the guards on it. */
function builtAndGuarded<T extends JourneyParser | JourneyCompletionParser>(parser: T, services: LangiumCoreServices): T {
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    parser.guard();
    return parser;
}
