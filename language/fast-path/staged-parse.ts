import { CstUtils, interruptAndCheck, type LangiumParser, type ParseResult } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isJourney, isJourneyFile, type Stage } from '../generated/ast.js';
import { parseFailed } from '../syntax-errors.js';
import { moveLeaf } from './lean-cst-builder.js';
import { replaceSubtree, setRootText } from './subtree.js';

/** Below this size a map is parsed in one go (about 1,700 steps, some 50 ms). */
export const STAGED_PARSE_FROM = 256 * 1024;

/**
 * Parses a large map a stage at a time, giving other requests a turn between stages:
 * Chevrotain parses in one synchronous run, which blocked the language server for seconds on
 * a map of 50,000 steps. First the map is parsed with every stage's body cut out, and its
 * tokens moved back to their places in the whole text; then each stage's own text, and each
 * result takes the place of its empty stage. Returns undefined, and the caller parses the
 * whole text, for small texts, a lexing or syntax error anywhere, or braces that do not
 * match the stages the parser finds — the result is then exactly a whole parse's.
 */
export async function parseStageByStage(text: string, parser: LangiumParser, cancelToken: CancellationToken): Promise<ParseResult | undefined> {
    if (text.length < STAGED_PARSE_FROM) {
        return undefined;
    }
    const bodies = stageBodies(text);
    if (!bodies || bodies.length < 2) {
        return undefined;
    }
    await interruptAndCheck(cancelToken);
    const { skeleton, placeOf } = skeletonOf(text, bodies);
    const parsedSkeleton = parser.parse(skeleton);
    const root = parsedSkeleton.value;
    const cstRoot = root.$cstNode?.root;
    if (parseFailed(parsedSkeleton) || !isJourneyFile(root) || !cstRoot) {
        return undefined;
    }
    await interruptAndCheck(cancelToken);
    setRootText(cstRoot, text);
    for (const leaf of CstUtils.flattenCst(cstRoot)) {
        moveLeaf(leaf, placeOf(leaf.offset) - leaf.offset);
    }
    const stages = root.elements.filter(isJourney).flatMap(journey => journey.stages);
    if (stages.length !== bodies.length || stages.some((stage, index) => stage.$cstNode?.offset !== bodies[index].start || stage.steps.length > 0)) {
        return undefined;
    }
    for (const [index, stage] of stages.entries()) {
        await interruptAndCheck(cancelToken);
        const body = bodies[index];
        const parsed = parser.parse<Stage>(text.slice(body.start, body.end), { rule: 'Stage' });
        if (parseFailed(parsed)) {
            return undefined;
        }
        replaceSubtree(stage, parsed.value, cstRoot);
    }
    return parsedSkeleton;
}

/** Where a stage starts (its keyword) and ends (after its `}`), and the braces of its body. */
interface StageBody {
    start: number;
    open: number;
    close: number;
    end: number;
}

/**
 * The stages of the text's journeys: a word `stage` one level deep in braces, its first `{`
 * and the `}` that matches it, skipping strings and comments. A quick scan, not the lexer
 * (lexing a large map takes longer than the whole of this staged parse should): whatever it
 * gets wrong shows as a stage the parser does not find where the scan says, and then the
 * whole text is parsed. Undefined where strings, comments or braces do not close.
 */
function stageBodies(text: string): StageBody[] | undefined {
    const bodies: StageBody[] = [];
    let depth = 0;
    let stageStart = -1;
    let open = -1;
    for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 34 /* " */) {
            index = stringEnd(text, index);
            if (index < 0) return undefined;
        } else if (code === 47 /* / */ && text.charCodeAt(index + 1) === 47) {
            const lineEnd = text.indexOf('\n', index);
            index = lineEnd < 0 ? text.length : lineEnd;
        } else if (code === 47 && text.charCodeAt(index + 1) === 42 /* * */) {
            const commentEnd = text.indexOf('*/', index + 2);
            if (commentEnd < 0) return undefined;
            index = commentEnd + 1;
        } else if (code === 123 /* { */) {
            depth++;
            if (depth === 2 && stageStart >= 0) open = index;
        } else if (code === 125 /* } */) {
            if (depth === 2 && open >= 0) {
                bodies.push({ start: stageStart, open, close: index, end: index + 1 });
                stageStart = open = -1;
            }
            if (--depth < 0) return undefined;
        } else if (isWordCharacter(code)) {
            const wordStart = index;
            while (index + 1 < text.length && isWordCharacter(text.charCodeAt(index + 1))) index++;
            if (depth === 1 && index - wordStart === 4 && text.startsWith('stage', wordStart)) stageStart = wordStart;
        }
    }
    return depth === 0 ? bodies : undefined;
}

/** Where the string starting at `start` ends (its closing quote), or -1 if it does not end on its line. */
function stringEnd(text: string, start: number): number {
    for (let index = start + 1; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 92 /* \ */) index++;
        else if (code === 34) return index;
        else if (code === 10 || code === 13) return -1;
    }
    return -1;
}

const wordCharacter = /[\p{L}\p{N}\p{M}_]/u;

function isWordCharacter(code: number): boolean {
    if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
    return wordCharacter.test(String.fromCharCode(code));
}

/**
 * The text with every stage body cut out (`stage S {}`), and a function that moves a token
 * of the parsed skeleton back to its place in the whole text.
 */
function skeletonOf(text: string, bodies: StageBody[]): { skeleton: string; placeOf: (offset: number) => number } {
    const parts: string[] = [];
    const cuts: Array<{ at: number; removedBefore: number }> = [];
    let from = 0;
    let removed = 0;
    for (const body of bodies) {
        parts.push(text.slice(from, body.open + 1));
        removed += body.close - body.open - 1;
        cuts.push({ at: body.close - removed, removedBefore: removed });
        from = body.close;
    }
    parts.push(text.slice(from));
    const placeOf = (offset: number) => {
        let low = 0;
        let high = cuts.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (cuts[middle].at <= offset) low = middle + 1;
            else high = middle;
        }
        return offset + (low > 0 ? cuts[low - 1].removedBefore : 0);
    };
    return { skeleton: parts.join(''), placeOf };
}
