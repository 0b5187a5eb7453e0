import { createParser, LangiumCompletionParser, LangiumParser, type LangiumCoreServices } from 'langium';
import { installParserGuards } from './index.js';

/**
 * Langium's parser with the guards that keep Chevrotain's error recovery from growing the
 * stack with the input (see index.ts). The lean parser builds on it.
 */
export class GuardedParser extends LangiumParser {
    guard(): void {
        installParserGuards(this);
    }
}

/**
 * The parser Langium runs on the text before the cursor to know what may come next: it
 * recovers from errors as the main parser does, so it needs the same guards (a completion
 * request in a large broken map overflowed the stack).
 */
export class GuardedCompletionParser extends LangiumCompletionParser {
    guard(): void {
        installParserGuards(this);
    }
}

/** What Langium's `createLangiumParser` does, with the guards. */
export function createGuardedParser(services: LangiumCoreServices): GuardedParser {
    return builtAndGuarded(new GuardedParser(services), services);
}

/** What Langium's `createCompletionParser` does, with the guards. */
export function createGuardedCompletionParser(services: LangiumCoreServices): GuardedCompletionParser {
    return builtAndGuarded(new GuardedCompletionParser(services), services);
}

/** Builds the grammar's rules into a parser, as Langium does, then puts the guards on it. */
export function builtAndGuarded<T extends GuardedParser | GuardedCompletionParser>(
    parser: T,
    services: LangiumCoreServices
): T {
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    parser.guard();
    return parser;
}
