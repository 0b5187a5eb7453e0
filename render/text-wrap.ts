import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Text measurement without a DOM: renderers run in Node (CLI) and in the webview and must
 * draw the same picture, so widths are estimated, not measured. Text is taken a grapheme at
 * a time (what a reader sees as one character: 👍🏽 or é written as e + accent), and a
 * grapheme is wide — one em — when Unicode's East Asian Width says so (CJK, fullwidth forms,
 * ☕) or when it is drawn as an emoji; other characters take about half an em.
 */

/** Made on first use: setting up ICU would cost the start of every command that draws nothing. */
let graphemes: Intl.Segmenter | undefined;

/**
 * What can join characters into one grapheme: combining and spacing marks (variation
 * selectors among them), joiners, surrogates (emoji, flags and other characters beyond the BMP), conjoining Hangul
 * jamo, CR (of CR LF), prepended Arabic signs and Thai and Lao SARA AM. Text without any —
 * most text on a map — is split a character at a time without the segmenter, which is the
 * slow part of drawing a thousand maps.
 */
const graphemeJoiners =
    /\p{M}|\u200C|\u200D|[\u{10000}-\u{10FFFF}\uD800-\uDFFF\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\r\u0600-\u0605\u06DD\u070F\u08E2\u0E33\u0EB3]/u;

/** The graphemes of a text. */
export function graphemesOf(text: string): string[] {
    if (!graphemeJoiners.test(text)) return text.split('');
    graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
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

/**
 * Each grapheme's width in hundredths of an em, remembered: maps repeat the same few hundred
 * characters. Whole numbers, so that widths added piece by piece are exactly those measured
 * at once (0.55 + 0.55 is not 1.1 in floating point).
 */
const centiEmsOf = new Map<string, number>();

function centiEms(grapheme: string): number {
    let known = centiEmsOf.get(grapheme);
    if (known === undefined) {
        known = isWideGrapheme(grapheme)
            ? 100
            : narrowCharacter.test(grapheme)
              ? 30
              : broadCharacter.test(grapheme)
                ? 68
                : 55;
        centiEmsOf.set(grapheme, known);
    }
    return known;
}

/** The width of one grapheme at a font size. */
export function characterWidth(grapheme: string, fontSize: number): number {
    return (fontSize * centiEms(grapheme)) / 100;
}

/** Widths of texts measured before: titles, labels and notes repeat across a repository's maps. */
const centiEmsOfText = new Map<string, number>();
const rememberedTexts = 100_000;

export function textWidth(text: string, fontSize: number): number {
    let known = centiEmsOfText.get(text);
    if (known === undefined) {
        known = textCentiEms(text);
        if (centiEmsOfText.size >= rememberedTexts) centiEmsOfText.clear();
        centiEmsOfText.set(text, known);
    }
    return (known * fontSize) / 100;
}

function textCentiEms(text: string): number {
    let total = 0;
    for (const grapheme of graphemesOf(text)) total += centiEms(grapheme);
    return total;
}

/** A piece a line may break after, with its width and that of its trailing spaces, in hundredths of an em. */
interface Piece {
    text: string;
    width: number;
    trailing: number;
}

/** Words with their trailing spaces, and each wide grapheme on its own (CJK breaks anywhere). */
function breakablePieces(paragraph: string): Piece[] {
    const pieces: Piece[] = [];
    let piece: Piece = { text: '', width: 0, trailing: 0 };
    let pieceIsWord = false;
    for (const grapheme of graphemesOf(paragraph)) {
        const width = centiEms(grapheme);
        if (/^\s+$/.test(grapheme)) {
            piece.text += grapheme;
            piece.width += width;
            piece.trailing += width;
            pieceIsWord = false;
            continue;
        }
        const wide = isWideGrapheme(grapheme);
        // A new piece starts after spaces, at a wide grapheme, and after a wide grapheme.
        if (piece.text !== '' && (wide || !pieceIsWord)) {
            pieces.push(piece);
            piece = { text: '', width: 0, trailing: 0 };
        }
        piece.text += grapheme;
        piece.width += width;
        piece.trailing = 0;
        pieceIsWord = !wide;
    }
    if (piece.text !== '') pieces.push(piece);
    return pieces;
}

/**
 * Breaks text into lines no wider than `maxWidth`: between words for spaced scripts,
 * between any two characters for CJK, and inside a word only when it alone is too wide.
 * Widths add up grapheme by grapheme, so a line's width grows by each piece's instead of
 * being measured again from its start.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
    const lines: string[] = [];
    const fits = (centiEmsWide: number) => (centiEmsWide * fontSize) / 100 <= maxWidth;
    for (const paragraph of text.split('\n')) {
        let line = '';
        // The line's width, and that of its trailing spaces (which do not count at a line's end).
        let lineWidth = 0;
        let lineTrailing = 0;
        for (const piece of breakablePieces(paragraph)) {
            const onlySpaces = piece.width === piece.trailing;
            if (fits(onlySpaces ? lineWidth - lineTrailing : lineWidth + piece.width - piece.trailing)) {
                line += piece.text;
                lineTrailing = onlySpaces ? lineTrailing + piece.width : piece.trailing;
                lineWidth += piece.width;
                continue;
            }
            if (line.trim() !== '') lines.push(line.trimEnd());
            line = '';
            for (const chunk of chopToWidth(piece.text.trimStart(), maxWidth, fontSize)) {
                if (line !== '') lines.push(line.trimEnd());
                line = chunk;
            }
            lineWidth = textCentiEms(line);
            lineTrailing = lineWidth - textCentiEms(line.trimEnd());
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
