/**
 * Text measurement without a DOM: renderers run in Node (CLI) and in the webview and must
 * draw the same picture, so widths are estimated from character classes instead of
 * measured. Wide (CJK, fullwidth, emoji) characters count one em, others about half.
 */

const wideRange = '\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}';
/** Words with their trailing spaces, and each wide character on its own (CJK breaks anywhere). */
const breakablePiece = new RegExp(`[${wideRange}]\\s*|[^\\s${wideRange}]+\\s*|\\s+`, 'gu');

const wideCharacter = new RegExp(`[${wideRange}]`, 'u');
const narrowCharacter = /[ilj.,:;'!|()[\]{}]/;
const broadCharacter = /[A-Z]|[mwMW@%]/;

/** Each character's width in ems, remembered: maps repeat the same few hundred characters. */
const emsOf = new Map<string, number>();

function ems(character: string): number {
    let known = emsOf.get(character);
    if (known === undefined) {
        known = wideCharacter.test(character) ? 1 : narrowCharacter.test(character) ? 0.3 : broadCharacter.test(character) ? 0.68 : 0.55;
        emsOf.set(character, known);
    }
    return known;
}

export function characterWidth(character: string, fontSize: number): number {
    return fontSize * ems(character);
}

export function textWidth(text: string, fontSize: number): number {
    let width = 0;
    for (const character of text) width += characterWidth(character, fontSize);
    return width;
}

/**
 * Breaks text into lines no wider than `maxWidth`: between words for spaced scripts,
 * between any two characters for CJK, and inside a word only when it alone is too wide.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
        let line = '';
        for (const piece of paragraph.match(breakablePiece) ?? []) {
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
    for (const character of text) {
        if (chunk !== '' && textWidth(chunk + character, fontSize) > maxWidth) {
            chunks.push(chunk);
            chunk = '';
        }
        chunk += character;
    }
    return [...chunks, chunk];
}
