import type { LangiumCoreServices } from 'langium';

/**
 * What the lean layer needs to know of a language: the little that is not in its grammar.
 * Everything else it reads from Langium's services (the grammar, the reflection, the parser).
 */
export interface LeanLanguageConfig {
    /**
     * The rules whose nodes can be parsed again alone after an edit inside them, innermost last
     * (`['Stage', 'Step']`). A node of one is reparsed only where no token before it can reach
     * into it: the language's lexer has no modes and its strings end on their line.
     */
    reparsableRules: readonly string[];
    /**
     * A large text is parsed a block at a time: the blocks are the bodies, in braces, of the
     * words `keyword` at brace depth `depth` (the rule `rule`), found by a scan that skips
     * `"` strings and `//`, `/* *\/` comments. Parsed first with its bodies cut out, a block's
     * node must have no child nodes: its body holds them all.
     */
    stagedBlocks?: { keyword: string; rule: string; depth: number };
    /** Node types whose checks look at nodes anywhere in the file: they run on every validation. */
    looksAcrossTheFile: ReadonlySet<string>;
    /** A fresh node of each AST type with every property present (see node-fields.ts). */
    nodeFactories: Readonly<Record<string, () => object>>;
    /**
     * A number that changes whenever something outside the text that checks read changes (data
     * files): checks made under another number are not reused.
     */
    externalVersion?: (services: LangiumCoreServices) => number;
}
