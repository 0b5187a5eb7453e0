import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { matchBlockComment, matchIdentifier, matchString } from '../../language/journey-terminal-matchers.js';
import { createJourneyServices } from '../../language/journey-module.js';

/** The grammar's regular expressions for these terminals (journey.langium), which the matchers replace. */
const stringRegex = /"(\\[^\r\n]|[^"\\\r\n])*("|(?![^\r\n]))|“[^”\r\n]*”|＂[^＂\r\n]*＂|'[^'\r\n]*'/y;
const commentRegex = /\/\*[\s\S]*?\*\//y;
const identifierRegex = /[\p{L}_][\p{L}\p{N}\p{M}_]*/uy;

function byRegex(regex: RegExp, text: string, offset: number): string | null {
    regex.lastIndex = offset;
    return regex.exec(text)?.[0] ?? null;
}

function byMatcher(matcher: typeof matchString, text: string, offset: number): string | null {
    return matcher(text, offset, [], {})?.[0] ?? null;
}

describe('terminal matchers for strings and block comments', () => {
    const pieces = fc.constantFrom(
        '"',
        '\\',
        '\\"',
        '\n',
        '\r',
        'a',
        '看',
        '*',
        '/',
        '*/',
        '/*',
        ' ',
        '\\\n',
        '“',
        '”',
        '＂',
        "'"
    );
    const texts = fc.array(pieces, { maxLength: 30 }).map(parts => parts.join(''));

    it('accept exactly what the grammar\'s regular expressions accept, at any offset', () => {
        fc.assert(fc.property(texts, fc.nat(), (text, at) => {
            const offset = at % (text.length + 1);
            assert.equal(byMatcher(matchString, text, offset), byRegex(stringRegex, text, offset));
            assert.equal(byMatcher(matchBlockComment, text, offset), byRegex(commentRegex, text, offset));
        }), { numRuns: 5000 });
    });

    it('match names exactly as the grammar\'s regular expression does, however long', () => {
        const letters = fc.constantFrom('a', 'Z', '_', '9', '看', '到', '\u0301', '𝕏', '👍', ' ', '-', 'é', '٣');
        fc.assert(
            fc.property(fc.array(letters, { maxLength: 20 }), fc.nat({ max: 9000 }), fc.nat(), (parts, repeat, at) => {
                const text = parts.join('') + '看'.repeat(repeat) + parts.join('');
                const offset = at % (text.length + 1);
                const midCharacter =
                    /[\udc00-\udfff]/.test(text[offset] ?? '') && /[\ud800-\udbff]/.test(text[offset - 1] ?? '');
                // Inside a surrogate pair no token starts (a Unicode regular expression backs up to the pair's start).
                assert.equal(
                    byMatcher(matchIdentifier, text, offset),
                    midCharacter ? null : byRegex(identifierRegex, text, offset)
                );
            }),
            { numRuns: 1000 }
        );
    });

    it('answer as the regular expressions do when the lexer retries after an unclosed string or comment', () => {
        // One token list is one lexing run: the matchers remember failed scans within it.
        fc.assert(fc.property(texts, text => {
            const run: never[] = [];
            for (let offset = 0; offset <= text.length; offset++) {
                assert.equal(matchString(text, offset, run, {})?.[0] ?? null, byRegex(stringRegex, text, offset));
                assert.equal(
                    matchBlockComment(text, offset, run, {})?.[0] ?? null,
                    byRegex(commentRegex, text, offset)
                );
            }
        }), { numRuns: 2000 });
    });

    const lexer = createJourneyServices(EmptyFileSystem).Journey.parser.Lexer;

    it('lex a string of 5,000,000 characters (the regular expression overflowed the stack)', () => {
        const title = 'a'.repeat(5_000_000);
        const result = lexer.tokenize(`journey J "${title}" {}`);
        assert.deepEqual(result.errors, []);
        assert.equal(result.tokens[2].image.length, title.length + 2);
    });

    it('lex a line of a million escaped quotes that never closes as one unclosed string (the validator reports it)', () => {
        const result = lexer.tokenize(`journey J "${'\\"'.repeat(1_000_000)}\n{}`);
        assert.deepEqual(result.errors, []);
        assert.deepEqual(
            result.tokens.map(token => (token.image.length > 10 ? 'STRING' : token.image)),
            ['journey', 'J', 'STRING', '{', '}']
        );
        assert.equal(result.tokens[2].image.length, 2_000_001);
    });

    it('lex a block comment of 5,000,000 characters, and an unclosed one as one error', () => {
        const closed = lexer.tokenize(`/*${'x\n'.repeat(2_500_000)}*/ persona A`);
        assert.deepEqual(closed.errors, []);
        assert.equal(closed.tokens.at(-1)?.startLine, 2_500_001);
        const unclosed = lexer.tokenize(`persona A /*${'/* x '.repeat(200_000)}`);
        assert.deepEqual(unclosed.tokens.slice(0, 2).map(token => token.image), ['persona', 'A']);
        assert.ok(unclosed.errors.length >= 1);
    });

    it('lex a name that starts with a keyword as one name (stepOne, personaX, nextStep)', () => {
        assert.deepEqual(
            lexer
                .tokenize('step stepOne persona personaX next nextStep 看到广告')
                .tokens.map(token => `${token.tokenType.name} ${token.image}`),
            ['step step', 'ID stepOne', 'persona persona', 'ID personaX', 'next next', 'ID nextStep', 'ID 看到广告']
        );
    });

    it('lex a name of 5,000,000 letters and a number of 1,000,000 digits (the other terminals)', () => {
        const result = lexer.tokenize(`persona ${'小'.repeat(5_000_000)}\nmetric m = ${'9'.repeat(1_000_000)}`);
        assert.deepEqual(result.errors, []);
        assert.deepEqual(result.tokens.map(token => token.image.length), [7, 5_000_000, 6, 1, 1, 1_000_000]);
    });
});
