import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { t } from '../model/localisation.js';

/** At most this many expected tokens are named; a longer list says less, not more. */
const maxExpectedShown = 6;

/**
 * Syntax errors in the reader's language and in the words of our grammar: "Expecting
 * keyword 'stage' but found `}`", never chevrotain's numbered lists of token paths.
 */
export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider implements IParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken }): string {
        return t('Expecting {expected} but found `{actual}`.', { expected: describeToken(expected), actual: shownImage(actual) });
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
        return t('Expecting end of file but found `{actual}`.', { actual: shownImage(firstRedundant) });
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        const firsts = expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0]).filter(Boolean));
        return t('Expecting one of {expected} but found `{actual}`.', { expected: describeTokens(firsts), actual: shownImage(actual[0]) });
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        const firsts = expectedIterationPaths.map(path => path[0]).filter(Boolean);
        return t('Expecting at least one of {expected} but found `{actual}`.', { expected: describeTokens(firsts), actual: shownImage(actual[0]) });
    }
}

export class JourneyLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        return t('Unexpected character `{text}`: it is not part of the Journey language (text belongs in "quotes").', { text: fullText.substr(startOffset, Math.min(length, 20)) });
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return t('Unexpected `{actual}`.', { actual: token.image });
    }
}

function describeTokens(tokens: TokenType[]): string {
    const names = [...new Set(tokens.map(describeToken))];
    const shown = names.slice(0, maxExpectedShown).join(', ');
    return names.length > maxExpectedShown ? `${shown}, …` : shown;
}

function describeToken(token: TokenType): string {
    if (token.LABEL) return `\`${token.LABEL}\``;
    if (token.name.endsWith(':KW')) return t("keyword '{keyword}'", { keyword: token.name.slice(0, -3) });
    return tokenNames(token.name);
}

/** Our terminals by what a writer calls them. */
function tokenNames(name: string): string {
    switch (name) {
        case 'ID': return t('a name');
        case 'STRING': return t('a "quoted text"');
        case 'NUMBER': return t('a number');
        case 'EOF': return t('end of file');
        // Keywords and punctuation are named as written: `=`, `}`, `of`.
        default: return `\`${name}\``;
    }
}

/** The text found, as one short line: end of input has no image. */
function shownImage(token: IToken | undefined): string {
    const image = token?.image ?? '';
    if (image === '') return t('end of file');
    return image.length > 30 ? `${image.slice(0, 30)}…` : image.replace(/\s+/g, ' ');
}
