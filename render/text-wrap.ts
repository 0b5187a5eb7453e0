import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Text measurement without a DOM: renderers run in Node (CLI) and in the webview and must
 * draw the same picture, so widths are estimated, not measured. Text is taken a grapheme at
 * a time (what a reader sees as one character: 👍🏽 or é written as e + accent), and a
 * grapheme is wide — one em — when Unicode's East Asian Width says so (CJK, fullwidth forms,
 * ☕) or when it is drawn as an emoji; other characters take about half an em.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * What can join characters into one grapheme: combining and spacing marks (variation
 * selectors among them), joiners, surrogates (emoji, flags and other characters beyond the BMP), conjoining Hangul
 * jamo, CR (of CR LF), prepended Arabic signs and Thai and Lao SARA AM. Text without any —
 * most text on a map — is split a character at a time without the segmenter, which is the
 * slow part of drawing a thousand maps.
 */
const graphemeJoiners = /\p{M}|\u200C|\u200D|[\u{10000}-\u{10FFFF}\uD800-\uDFFF\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\r\u0600-\u0605\u06DD\u070F\u08E2\u0E33\u0EB3]/u;

/** The graphemes of a text. */
export function graphemesOf(text: string): string[] {
    if (!graphemeJoiners.test(text)) return text.split('');
    return Array.from(graphemes.segment(text), segment => segment.segment);
}

const emojiPresentation = /\p{Extended_Pictographic}(\uFE0F|\p{Emoji_Modifier})|\u200D|\p{Emoji_Presentation}/u;
const narrowCharacter = /[ilj.,:;'!|()[\]{}]/;
const broadCharacter = /[A-Z]|[mwMW@%]/;

/** Whether a grapheme takes a full em: wide or fullwidth in East Asian Width, or an emoji. */
export function isWideGrapheme(grapheme: string): boolean {
    const first = grapheme.codePointAt(0) ?? 0;
    return eastAsianWidth(first, { ambiguousAsWide: false }) === 2 || emojiPresentation.test(grapheme);
}

/** Each grapheme's width in ems, remembered: maps repeat the same few hundred characters. */
const emsOf = new Map<string, number>();

function ems(grapheme: string): number {
    let known = emsOf.get(grapheme);
    if (known === undefined) {
        known = isWideGrapheme(grapheme) ? 1 : narrowCharacter.test(grapheme) ? 0.3 : broadCharacter.test(grapheme) ? 0.68 : 0.55;
        emsOf.set(grapheme, known);
    }
    return known;
}

/** The width of one grapheme at a font size. */
export function characterWidth(grapheme: string, fontSize: number): number {
    return fontSize * ems(grapheme);
}

/** Widths in ems of texts measured before: titles, labels and notes repeat across a repository's maps. */
const emsOfText = new Map<string, number>();
const rememberedTexts = 100_000;

export function textWidth(text: string, fontSize: number): number {
    let known = emsOfText.get(text);
    if (known === undefined) {
        known = 0;
        for (const grapheme of graphemesOf(text)) known += ems(grapheme);
        if (emsOfText.size >= rememberedTexts) emsOfText.clear();
        emsOfText.set(text, known);
    }
    return known * fontSize;
}

/** Words with their trailing spaces, and each wide grapheme on its own (CJK breaks anywhere). */
function breakablePieces(paragraph: string): string[] {
    const pieces: string[] = [];
    let piece = '';
    let pieceIsWord = false;
    for (const grapheme of graphemesOf(paragraph)) {
        const space = /^\s+$/.test(grapheme);
        if (space) {
            piece += grapheme;
            pieceIsWord = false;
            continue;
        }
        const wide = isWideGrapheme(grapheme);
        // A new piece starts after spaces, at a wide grapheme, and after a wide grapheme.
        if (piece !== '' && (wide || !pieceIsWord)) {
            pieces.push(piece);
            piece = '';
        }
        piece += grapheme;
        pieceIsWord = !wide;
    }
    if (piece !== '') pieces.push(piece);
    return pieces;
}

/**
 * Breaks text into lines no wider than `maxWidth`: between words for spaced scripts,
 * between any two characters for CJK, and inside a word only when it alone is too wide.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
        let line = '';
        for (const piece of breakablePieces(paragraph)) {
            if (textWidth((line + piece).trimEnd(), fontSize) <= maxWidth) {
                line += piece;
                continue;
            }
            if (line.trim() !== '') lines.push(line.trimEnd());
            line = '';
            for (const chunk of chopToWidth(piece.trimStart(), maxWidth, fontSize)) {
                if (line !== '') lines.push(line.trimEnd());
                line = chunk;
            }
        }
        lines.push(line.trimEnd());
    }
    return lines;
}

/** Cuts a run that is too wide on its own into pieces that fit. */
function chopToWidth(text: string, maxWidth: number, fontSize: number): string[] {
    const chunks: string[] = [];
    let chunk = '';
    for (const grapheme of graphemesOf(text)) {
        if (chunk !== '' && textWidth(chunk + grapheme, fontSize) > maxWidth) {
            chunks.push(chunk);
            chunk = '';
        }
        chunk += grapheme;
    }
    return [...chunks, chunk];
}
