import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';
import { matchBlockComment, matchIdentifier, matchString } from './journey-terminal-matchers.js';

/**
 * Chevrotain lexes fast when it knows which characters can start each token ("first char
 * optimization"); it cannot read that from the ID terminal's Unicode regex (`\p{L}`), and
 * then falls back to trying every token at every character, for every file. We tell it:
 * ASCII letters and `_`, and every character from U+0080 on (in the blocks Chevrotain
 * buckets them into) — more than the letters, which only costs a failed match. An ID
 * never spans lines, so the lexer need not look for line breaks in it.
 *
 * Names, strings and block comments are matched by scanners of ours instead of the grammar's
 * regular expressions, whose backtracking overflowed the stack on a long string or name (see
 * journey-terminal-matchers.ts).
 */
export class JourneyTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'ID') {
            token.PATTERN = matchIdentifier;
            token.START_CHARS_HINT = identifierStartChars;
            token.LINE_BREAKS = false;
        } else if (terminal.name === 'STRING') {
            token.PATTERN = matchString;
            token.START_CHARS_HINT = ['"', '“', '＂', "'"];
            token.LINE_BREAKS = false;
        } else if (terminal.name === 'ML_COMMENT') {
            token.PATTERN = matchBlockComment;
            token.START_CHARS_HINT = ['/'];
            token.LINE_BREAKS = true;
        }
        return token;
    }

    /**
     * A keyword that is also a name (`step`) gives way to a longer name (`stepOne`): Langium
     * finds that longer alternative from the name terminal's regular expression, which is a
     * function here, so `stepOne` was lexed as `step` and `One`.
     */
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const identifier = terminalTokens.find(terminal => terminal.name === 'ID');
        if (identifier && identifierLike.test(keyword.value)) {
            token.LONGER_ALT = identifier;
        }
        // A full-width comma (typed with a Chinese input method) separates names too; the validator asks for `,`.
        if (keyword.value === ',') token.PATTERN = /[,，]/;
        return token;
    }
}

const identifierLike = /^[\p{L}_][\p{L}\p{N}\p{M}_]*$/u;

/** Chevrotain keeps codes below 256 apart and groups the rest by blocks of 255: one code per block is enough. */
const identifierStartChars: number[] = [
    ...Array.from({ length: 26 }, (_, index) => 0x41 + index),
    ...Array.from({ length: 26 }, (_, index) => 0x61 + index),
    0x5f,
    ...Array.from({ length: 0x100 - 0x80 }, (_, index) => 0x80 + index),
    ...Array.from({ length: Math.ceil((0x10000 - 0x100) / 255) }, (_, index) => Math.min(0xffff, 0x100 + index * 255))
];
