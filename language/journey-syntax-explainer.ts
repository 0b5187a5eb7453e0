import { lineKeywords } from './journey-line-keywords.generated.js';
import { CstUtils, isCompositeCstNode, isLeafCstNode, type LangiumDocument } from 'langium';
import type { IRecognitionException, IToken } from 'chevrotain';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { didYouMean } from '../model/did-you-mean.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import { t } from '../model/localisation.js';
import { opportunityStatuses } from '../model/journey-model.js';
import { grammarRuleName } from '../langium-lean/langium-internals.js';

/** Each keyword that takes a name, as a message shows it written. */
const nameExamples: Record<string, string> = {
    persona: 'persona Ana', channel: 'channel Web', next: 'next Compare', start: 'start SeeAd', step: 'step Compare', stage: 'stage Awareness',
    journey: 'journey FirstPurchase', metric: 'metric conversion', data: 'data funnel', addresses: 'addresses FirstPurchase.Compare',
    expects: 'expects conversion >= 12', status: 'status planned'
};

/** What a keyword needs after it, when the writer left it out; test/language/line-keywords.test.ts checks each. */
export const valueAfterKeyword: Readonly<Record<string, 'score' | 'number' | 'text' | 'name'>> = {
    emotion: 'score', value: 'number', effort: 'number',
    touchpoint: 'text', pain: 'text', opportunity: 'text', truth: 'text', role: 'text', goal: 'text', frustration: 'text',
    quote: 'text', owner: 'text', evidence: 'text',
    ...Object.fromEntries(Object.keys(nameExamples).map(keyword => [keyword, 'name' as const]))
};

function neededAfter(keyword: string): string | undefined {
    switch (valueAfterKeyword[keyword]) {
        case 'score': return t('a score on the journey\'s scale, as in `emotion 3 curious`');
        case 'number': return t('a number from 1 to 5, as in `{keyword} 3`', { keyword });
        case 'text': return t('its text in double quotes, as in `{keyword} "…"`', { keyword: keyword === 'truth' ? 'moment of truth' : keyword });
        case 'name': return t('a name, as in `{example}`', { example: nameExamples[keyword] });
        default: return undefined;
    }
}

/** A syntax error as the writer should read it, and the stretch of text whose other diagnostics are its consequences. */
interface Mistake {
    diagnostic: Diagnostic;
    /** Offsets [from, to) of text the parser could not read because of this mistake. */
    region: [number, number];
}

/**
 * Syntax errors in the writer's words, and only the ones the writer made. Chevrotain's
 * recovery reports one mistake as a cascade ("Expecting token of type '}' but found
 * `tuchpoint`", then every line after a misspelt `journy` at the top level, then names the
 * skipped text declared as unknown). This reads each parser error with the tokens around it:
 * a misspelt keyword gets a did-you-mean from the keywords of its block, a missing `}` names
 * the block it should close and the line that opened it, a keyword without its value says
 * what it needs. Every other diagnostic inside the text a mistake made unreadable, and every
 * "unknown name" for a name declared there, is dropped: at most one error per mistake.
 */
export function explainSyntaxErrors(document: LangiumDocument, diagnostics: Diagnostic[], tokenize: (text: string) => IToken[]): Diagnostic[] {
    const { parserErrors, lexerErrors } = document.parseResult;
    if (parserErrors.length === 0 && lexerErrors.length === 0) return diagnostics;
    const text = document.textDocument.getText();
    const tokens = tokenize(text);
    const reader = new TokenReader(text, tokens, readOffsets(document));
    // A character the lexer could not read spoils the rest of its line; a parser error, what `explain` says.
    const lexerRegions = new Regions(lexerErrors.map(error => [error.offset, reader.lineEnd(error.offset)]));
    const regions = new Regions(lexerRegions.all());
    const explained = new Map<IRecognitionException, Mistake>();
    // Parser errors come in the order of the text: one is inside an earlier one's region when it is before the furthest end so far.
    let parserReach = -1;
    for (const error of parserErrors) {
        const offset = errorOffset(error, reader);
        if (offset < parserReach || lexerRegions.contains(offset)) continue;
        let region: [number, number];
        if (isAftermath(error, explained.size > 0)) {
            region = [offset, reader.nextDeclaration(offset)];
        } else {
            const mistake = explain(error, reader, document);
            explained.set(error, mistake);
            region = mistake.region;
        }
        regions.add(region);
        parserReach = Math.max(parserReach, region[1]);
    }
    const declaredInMistakes = new Set(regions.all().flatMap(region => reader.namesIn(region)));
    // A scale that did not parse is no scale to measure emotions against.
    const scaleBroken = regions.all().some(([from]) => reader.lineStartsWith(from, 'emotion', 'scale'));
    const offsetOf = (diagnostic: Diagnostic) => document.textDocument.offsetAt(diagnostic.range.start);
    // Langium's parser diagnostics are replaced by the explained ones; lexer diagnostics get a code and a fix.
    const kept: Diagnostic[] = [...explained.values()].map(mistake => mistake.diagnostic);
    for (const diagnostic of diagnostics) {
        if (diagnostic.data?.code === 'parsing-error') continue;
        if (diagnostic.data?.code === 'lexing-error') {
            kept.push(explainCharacter(diagnostic, text, offsetOf(diagnostic)));
            continue;
        }
        // Anything else inside a mistake's region is a consequence of it.
        if (regions.contains(offsetOf(diagnostic))) continue;
        const code = (diagnostic.data as IssueData | undefined)?.code;
        if (code === IssueCodes.UnresolvedReference && declaredInMistakes.has((diagnostic.data as IssueData).missingName ?? '')) continue;
        if ((code === IssueCodes.EmotionOutOfScale || code === IssueCodes.InvalidScale) && scaleBroken) continue;
        kept.push(diagnostic);
    }
    return kept;
}

/** The grammar rule an error happened in; the file when none. */
function ruleOf(error: IRecognitionException): string {
    return grammarRuleName(error.context?.ruleStack.at(-1) ?? '') || 'JourneyFile';
}

/**
 * After a mistake, the parser may have left its block early, and then reads the rest of the
 * block at the top of the file: whatever it stumbles on there (a word that belongs inside a
 * block, the block's own `}`) is the mistake's aftermath, up to the next declaration that
 * starts a line of the file, not a new mistake.
 */
function isAftermath(error: IRecognitionException, afterMistake: boolean): boolean {
    return afterMistake && ruleOf(error) === 'JourneyFile' && !lineKeywords.JourneyFile.includes(error.token.image);
}

/**
 * Stretches of text `[from, to)` that mistakes made unreadable. A map broken everywhere has
 * thousands: sorted, with the furthest end so far, a lookup is a binary search.
 */
class Regions {
    private readonly regions: Array<[number, number]>;
    private sorted: { starts: number[]; reach: number[] } | undefined;

    constructor(initial: Array<[number, number]>) {
        this.regions = [...initial];
    }

    add(region: [number, number]): void {
        this.regions.push(region);
        this.sorted = undefined;
    }

    all(): Array<[number, number]> {
        return this.regions;
    }

    contains(offset: number): boolean {
        if (!this.sorted) {
            const ordered = [...this.regions].sort((a, b) => a[0] - b[0]);
            let reach = -1;
            this.sorted = { starts: ordered.map(([from]) => from), reach: ordered.map(([, to]) => (reach = Math.max(reach, to))) };
        }
        const { starts, reach } = this.sorted;
        let low = 0;
        let high = starts.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (starts[middle] <= offset) low = middle + 1;
            else high = middle;
        }
        return low > 0 && offset < reach[low - 1];
    }
}

/**
 * A character the language has no use for, with what to do about it: punctuation a writer adds
 * out of habit is removed. The example is the writer's own line (`emotion： 3` → `emotion 3`).
 */
function explainCharacter(diagnostic: Diagnostic, text: string, offset: number): Diagnostic {
    const character = text.charAt(offset);
    // `emotion：2`: the colon stood where a space belongs.
    const wordy = /[\p{L}\p{N}"]/u;
    const replacement = wordy.test(text.charAt(offset - 1)) && wordy.test(text.charAt(offset + 1)) ? ' ' : '';
    const code = IssueCodes.FullWidthPunctuation;
    const remove = (message: string): Diagnostic => ({ ...diagnostic, message, code, data: { code, replacement } });
    const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
    const after = text.slice(offset + 1, lineEndOf(text, offset)).trim();
    switch (character) {
        case ':': case '：': {
            const keyword = /([\p{L}_][\p{L}\p{N}_]*)\s*$/u.exec(before)?.[1];
            if (!keyword) return remove(t('No `{colon}` is needed here: remove it.', { colon: character }));
            const value = clipped(after) || '…';
            return remove(t('No colon after a keyword: write `{keyword} {value}`, not `{keyword}{colon} {value}`.', { keyword, value, colon: character }));
        }
        case ';': case '；': return remove(t('No `;` is needed: each statement is on a line of its own.'));
        case '%': {
            const number = /([-+]?\d+(?:\.\d+)?)\s*$/.exec(before)?.[1] ?? '…';
            return remove(t('Write the number alone (`= {number}`): the metric\'s unit says what it counts.', { number }));
        }
        default: return { ...diagnostic, code: IssueCodes.SyntaxError, data: { code: IssueCodes.SyntaxError } };
    }
}

function lineEndOf(text: string, offset: number): number {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end;
}

/** A writer's text as a message quotes it: at most 30 characters. */
function clipped(text: string): string {
    return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/** The offsets of the tokens the parser built the syntax tree from: the others it skipped. */
function readOffsets(document: LangiumDocument): Set<number> {
    const offsets = new Set<number>();
    const root = document.parseResult.value.$cstNode;
    if (root) for (const node of CstUtils.streamCst(root)) if (isLeafCstNode(node)) offsets.add(node.offset);
    return offsets;
}

function explain(error: IRecognitionException, reader: TokenReader, document: LangiumDocument): Mistake {
    const token = error.token;
    const offset = errorOffset(error, reader);
    const rule = ruleOf(error);
    const index = reader.indexAt(offset);
    const previous = reader.tokens[index - 1];
    const at = (message: string, code: string, region: [number, number], data: Partial<IssueData> = {}): Mistake => ({
        diagnostic: syntaxDiagnostic(document, offset, token, message, code, data), region
    });
    const word = /^[\p{L}_][\p{L}\p{N}\p{M}_]*$/u.test(token.image);
    const block = rule in lineKeywords ? rule : undefined;
    if (token.image === '}' && rule === 'JourneyFile') {
        return at(t('One `}` too many: nothing is open here.'), IssueCodes.ExtraBrace, [token.startOffset, token.endOffset! + 1]);
    }
    if (token.image === 'step' && rule === 'Journey') {
        const name = reader.tokens[index + 1]?.image ?? '…';
        const stage = reader.closedJustBefore(document, offset);
        const message = stage
            ? t('Step `{name}` is outside every stage: the `}` on line {line} closes stage `{stage}` before it (one `}` too many?).', { name, line: stage.closeLine, stage: stage.name })
            : t('A step belongs in a stage: put `step {name}` inside a `stage … { }`.', { name });
        return at(message, IssueCodes.StepOutsideStage, reader.statementRegion(index));
    }
    if (previous && previous.image === 'moment' && token.image !== 'of') {
        return at(t('Write `moment of truth`, then its text in double quotes.'), IssueCodes.SyntaxError, [previous.startOffset, reader.lineEnd(token.startOffset)]);
    }
    // `emotion three curious`: a word where the score belongs reads as a persona (`emotion Bo 2`), then the score is missing.
    const beforePrevious = reader.tokens[index - 2];
    if (rule === 'Emotion' && previous && beforePrevious?.image === 'emotion' && !reader.isKeyword(previous) && reader.sameLine(previous, token)) {
        return at(t('`{keyword}` needs {needed}; found `{found}`.', { keyword: 'emotion', needed: neededAfter('emotion')!, found: previous.image }), IssueCodes.SyntaxError, [previous.startOffset, reader.lineEnd(previous.startOffset)]);
    }
    const written = rule === 'Range' ? undefined : explainWrittenValue(token, previous, beforePrevious, reader);
    if (written?.token) {
        const { token: at, message } = written;
        const diagnostic = syntaxDiagnostic(document, at.startOffset, at, message, IssueCodes.SyntaxError, {});
        return { diagnostic, region: written.region };
    }
    if (written) return at(written.message, IssueCodes.SyntaxError, written.region);
    const needed = previous && reader.isKeyword(previous) ? neededAfter(previous.image) : undefined;
    if (needed && (error.name === 'MismatchedTokenException' || error.name === 'NoViableAltException') && rule !== 'Step' && rule !== 'Stage' && rule !== 'Journey' && rule !== 'Persona' && rule !== 'JourneyFile') {
        return at(t('`{keyword}` needs {needed}; found `{found}`.', { keyword: previous.image === 'truth' ? 'moment of truth' : previous.image, needed, found: shown(token) }), IssueCodes.SyntaxError, [previous.startOffset, reader.lineEnd(previous.startOffset)]);
    }
    if (rule === 'Range') {
        const after = reader.tokens[index + 1];
        const low = previous?.tokenType?.name === 'NUMBER' ? previous.image : undefined;
        const high = after?.tokenType?.name === 'NUMBER' ? after.image : undefined;
        const written = low && high && reader.sameLine(previous!, after) ? reader.lineText(previous!.startOffset, after.endOffset! + 1) : undefined;
        const message = written
            ? t('Write a range as `{low}..{high}`, not `{written}`.', { low, high, written })
            : t('Write a range as `low..high`, as in `1..5`.');
        return at(message, IssueCodes.SyntaxError, [token.startOffset, reader.lineEnd(token.startOffset)]);
    }
    if (block && block !== 'JourneyFile' && (token.tokenType?.name === 'EOF' || reader.isKeyword(token))) {
        const open = reader.unclosedBlock(document, offset);
        if (open) {
            return at(t('Missing `}` to close {block} `{name}` (opened on line {line}).', { block: blockWord(open.kind, true), name: open.name, line: open.line }), IssueCodes.MissingBrace, [offset, offset]);
        }
    }
    if (word && block) {
        const keywords = lineKeywords[block];
        const suggestions = didYouMean(token.image, keywords, 1);
        const where = blockWord(block);
        const message = suggestions.length > 0
            ? t('Unknown keyword `{word}`: did you mean `{suggestion}`?', { word: token.image, suggestion: suggestions[0] === 'moment' ? 'moment of truth' : suggestions[0] })
            : t('`{word}` is not a keyword {where}: it holds {keywords}.', { word: token.image, where, keywords: keywords.map(keyword => `\`${keyword === 'moment' ? 'moment of truth' : keyword}\``).join(', ') });
        const missingComma = previous && /^[\p{L}_]/u.test(previous.image) && !reader.isKeyword(previous) && reader.sameLine(previous, token) && suggestions.length === 0;
        if (missingComma) {
            return at(t('Separate names with commas: `{previous}, {word}`.', { previous: previous.image, word: token.image }), IssueCodes.SyntaxError, reader.statementRegion(index));
        }
        return at(message, IssueCodes.UnknownKeyword, reader.statementRegion(index), { suggestions });
    }
    return at(error.message, IssueCodes.SyntaxError, [token.startOffset, reader.lineEnd(token.startOffset)]);
}

/**
 * Mistakes in what follows a keyword, said with what the writer wrote: a word for a value, an
 * unknown status, a list where one name goes, a unit after a number, a quote that ends a text
 * too early. `token`: where to report it, when not at the parser's error.
 */
function explainWrittenValue(token: IToken, previous: IToken | undefined, beforePrevious: IToken | undefined,
    reader: TokenReader): { message: string; region: [number, number]; token?: IToken } | undefined {
    if (!previous) return undefined;
    if (beforePrevious?.image === '=' && reader.isName(previous) && token.image !== '.') {
        const statement = reader.statementUpTo(previous);
        return {
            message: t('`{statement}`: a value is a number (`= 11`) or a link to data (`= funnel.conversion`), and `{value}` is neither.',
                { statement, value: previous.image }),
            // The parser read on into the next line, looking for `.column`.
            region: [beforePrevious.startOffset, reader.lineEnd(token.startOffset)],
            token: previous
        };
    }
    if (!reader.sameLine(previous, token)) return undefined;
    const line: [number, number] = [previous.startOffset, reader.lineEnd(previous.startOffset)];
    if (previous.image === 'status' && reader.isKeyword(previous)) {
        const status = reader.wordAt(token.startOffset);
        const statuses = opportunityStatuses.join(', ');
        return { message: t("Unknown status '{status}': use one of {statuses}.", { status, statuses }), region: line };
    }
    const next = reader.tokens[reader.indexAt(token.startOffset) + 1];
    const listed = token.image === ',' && beforePrevious && oneNameKeywords.includes(beforePrevious.image);
    if (listed && reader.isName(previous)) {
        const keyword = beforePrevious.image;
        const second = next && reader.isName(next) ? next.image : '…';
        return {
            message: t('`{keyword}` takes one name: write `{keyword} {first}` and `{keyword} {second}` on lines of their own.', { keyword, first: previous.image, second }),
            region: [beforePrevious.startOffset, reader.lineEnd(beforePrevious.startOffset)]
        };
    }
    const spaced = previous.endOffset! + 1 < token.startOffset;
    if (previous.tokenType?.name === 'NUMBER' && /^[\p{L}]/u.test(token.image) && spaced) {
        const statement = reader.statementUpTo(previous);
        const message = timeUnit.test(token.image)
            ? t('A number is written without a unit: `{statement}`, not `{statement} {unit}`. A `duration` counts in the unit its title names, as in `metric wait "Wait (days)" duration`.',
                { statement, unit: token.image })
            : t('A number is written without a unit: `{statement}`, not `{statement} {unit}`.', { statement, unit: token.image });
        return {
            message,
            region: [token.startOffset, reader.lineEnd(token.startOffset)]
        };
    }
    if (previous.tokenType?.name === 'STRING' && !spaced && /^[\p{L}\p{N}_]/u.test(token.image)) {
        return {
            message: t('The text {text} ends at the quote before `{word}`: write a quote inside a text as `\\"`, as in `"…\\"{word}\\"…"`.',
                { text: clipped(previous.image), word: token.image }),
            region: reader.statementRegion(reader.indexAt(previous.startOffset))
        };
    }
    return undefined;
}

const timeUnit = /^(days?|hours?|h|minutes?|mins?|seconds?|secs?|s|weeks?|months?|天|日|小时|分钟|秒|周|月)$/i;

/** Keywords of a step followed by one name, where a writer may list several (`persona` and `start` take lists). */
const oneNameKeywords = ['channel'];

/** Where an error is: its token, or for the end of the file (a token without a place), the end of the last token. */
function errorOffset(error: IRecognitionException, reader: TokenReader): number {
    if (!Number.isNaN(error.token.startOffset)) return error.token.startOffset;
    const last = reader.tokens.at(-1);
    return last ? last.endOffset! + 1 : 0;
}

function syntaxDiagnostic(document: LangiumDocument, offset: number, token: IToken, message: string, code: string, data: Partial<IssueData>): Diagnostic {
    const start = document.textDocument.positionAt(offset);
    const end = document.textDocument.positionAt(Number.isNaN(token.startOffset) ? offset : token.endOffset! + 1);
    return { severity: DiagnosticSeverity.Error, range: { start, end }, message, code, source: 'journey', data: { ...data, code } };
}

/** `in a step`, or with `bare`, `step`. */
function blockWord(kind: string, bare = false): string {
    switch (kind) {
        case 'JourneyFile': return bare ? t('file') : t('at the top of a file');
        case 'Persona': return bare ? t('persona') : t('in a persona');
        case 'Journey': return bare ? t('journey') : t('in a journey');
        case 'Stage': return bare ? t('stage') : t('in a stage');
        default: return bare ? t('step') : t('in a step');
    }
}

function shown(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') return t('end of file');
    return token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
}

/** A persona, journey, stage or step block of the tree, for naming the one a `}` is missing from. */
interface Block {
    kind: string;
    name: string;
    line: number;
    start: number;
    indent: number;
    /** The offset of its own closing brace, when the parser read one. */
    close?: number;
}

/** The tokens of the text, with what the parser read of them, for looking around an error. */
class TokenReader {
    private readonly starts: number[];

    constructor(private readonly text: string, readonly tokens: IToken[], private readonly read: Set<number>) {
        this.starts = tokens.map(token => token.startOffset);
    }

    /** The index of the token at an offset (or the first after it). */
    indexAt(offset: number): number {
        let low = 0;
        let high = this.starts.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (this.starts[middle] < offset) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    isKeyword(token: IToken): boolean {
        const name = token.tokenType?.name ?? '';
        return name !== 'ID' && name !== 'STRING' && name !== 'NUMBER' && name !== 'EOF' && /^[\p{L}]/u.test(token.image);
    }

    /** A name the writer gave (not a keyword, text or number). */
    isName(token: IToken): boolean {
        return token.tokenType?.name === 'ID';
    }

    /** The run of text without spaces at an offset: `in-progress`, which the lexer cuts into three tokens. */
    wordAt(offset: number): string {
        return clipped(/^[^\s{}]*/u.exec(this.text.slice(offset, this.lineEnd(offset)))?.[0] ?? '');
    }

    /** The text between two offsets, as written. */
    lineText(from: number, to: number): string {
        return this.text.slice(from, to);
    }

    /** The statement `last` ends, from its keyword (`target <= 2`, `metric r = 72`). */
    statementUpTo(last: IToken): string {
        let first = this.indexAt(last.startOffset);
        while (first > 0 && !this.isKeyword(this.tokens[first]) && this.sameLine(this.tokens[first - 1], last)) first--;
        return this.text.slice(this.tokens[first].startOffset, last.endOffset! + 1);
    }

    sameLine(a: IToken, b: IToken): boolean {
        return a.startLine === b.startLine;
    }

    lineEnd(offset: number): number {
        const end = this.text.indexOf('\n', offset);
        return end < 0 ? this.text.length : end;
    }

    lineStartsWith(offset: number, ...words: string[]): boolean {
        const start = this.text.lastIndexOf('\n', offset - 1) + 1;
        return new RegExp(`^\\s*${words.join('\\s+')}\\b`).test(this.text.slice(start, this.lineEnd(offset)));
    }

    /**
     * The text a misplaced statement spans: its line, or, when a `{` opens on that line, up to
     * the `}` that closes it (the writer's block, however the parser recovered from it).
     */
    statementRegion(index: number): [number, number] {
        const first = this.tokens[index];
        let depth = 0;
        for (let position = index; position < this.tokens.length; position++) {
            const token = this.tokens[position];
            if (depth === 0 && token.startLine !== first.startLine) break;
            if (token.image === '{') depth++;
            if (token.image === '}' && --depth <= 0) return [first.startOffset, token.endOffset! + 1];
        }
        return depth > 0 ? [first.startOffset, this.text.length] : [first.startOffset, this.lineEnd(first.startOffset)];
    }

    /** Where the next declaration that starts a line of the file (`journey`, `persona`…) begins, or the end of the text. */
    nextDeclaration(offset: number): number {
        const next = this.tokens.slice(this.indexAt(offset) + 1).find(token => token.startColumn === 1 && lineKeywords.JourneyFile.includes(token.image));
        return next ? next.startOffset : this.text.length;
    }

    /** The names written in a region (they may be declared there: the parser did not read them). */
    namesIn([from, to]: [number, number]): string[] {
        return this.tokens.slice(this.indexAt(from), this.indexAt(to)).filter(token => token.tokenType?.name === 'ID').map(token => token.image);
    }

    /**
     * The stage a step indented like a stage's steps comes right after: the writer meant the step
     * to be in it, and a `}` too many closed it (the line of that `}`).
     */
    closedJustBefore(document: LangiumDocument, offset: number): { name: string; closeLine: number } | undefined {
        const index = this.indexAt(offset);
        const brace = this.tokens[index - 1];
        const beforeBrace = this.tokens[index - 2];
        if (brace?.image !== '}' || beforeBrace?.image !== '}') return undefined;
        const stage = this.blocksOf(document).find(block => block.kind === 'Stage' && block.close === brace.startOffset);
        if (!stage || this.indentOf(offset) <= stage.indent) return undefined;
        return { name: stage.name, closeLine: brace.startLine ?? 0 };
    }

    /**
     * The block a missing `}` should close: the innermost block before the error whose
     * closing brace the parser took from a line indented less than the block's own first
     * line (so the `}` belongs to an outer block), or else the innermost one left unclosed.
     */
    unclosedBlock(document: LangiumDocument, offset: number): { kind: string; name: string; line: number } | undefined {
        const before = this.blocksOf(document).filter(block => block.start < offset);
        const misplaced = before.filter(block => block.close !== undefined && block.close <= offset && this.indentOf(block.close) < block.indent);
        const unclosed = before.filter(block => block.close === undefined);
        const innermost = (list: Block[]) => list.reduce<Block | undefined>((best, block) => (!best || block.start > best.start ? block : best), undefined);
        return innermost(misplaced) ?? innermost(unclosed);
    }

    private blocks: Block[] | undefined;

    /** Every persona, journey, stage and step block, with where its own `}` is (if the parser read one); worked out once. */
    private blocksOf(document: LangiumDocument): Block[] {
        if (this.blocks) return this.blocks;
        this.blocks = [];
        const root = document.parseResult.value.$cstNode;
        if (!root) return this.blocks;
        for (const node of CstUtils.streamCst(root)) {
            const kind = node.astNode.$type;
            if (node !== node.astNode.$cstNode || !(kind === 'Journey' || kind === 'Stage' || kind === 'Step' || kind === 'Persona') || !isCompositeCstNode(node)) continue;
            const closing = node.content.filter(child => isLeafCstNode(child) && child.text === '}').at(-1);
            this.blocks.push({
                kind, name: (node.astNode as { name?: string }).name ?? '…', line: node.range.start.line + 1, start: node.offset,
                indent: this.indentOf(node.offset), close: closing && this.read.has(closing.offset) ? closing.offset : undefined
            });
        }
        return this.blocks;
    }

    private indentOf(offset: number): number {
        return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
    }
}
