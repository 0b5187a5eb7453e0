/** Random edits as a writer types them, from a seed, for the storm tests. */

/** A small seeded generator (mulberry32): the same seed gives the same storm. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let mixed = state;
        mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
        mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
        return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
}

/** One edit: replace `length` characters at `offset` with `text`. */
export interface TextEditAt {
    offset: number;
    length: number;
    text: string;
}

const typed = 'abcdefghijklmnopqrstuvwxyz看到广告0123456789     ""{}\n\n';

/**
 * The next edit of a storm on `text`: a character typed (letters, CJK, digits, spaces,
 * quotes, braces, newlines), a character deleted, or an emotion's score changed.
 */
export function nextEdit(text: string, random: () => number): TextEditAt {
    const offset = Math.floor(random() * (text.length + 1));
    const roll = random();
    if (roll < 0.2) {
        const emotion = /emotion (\d)/g;
        emotion.lastIndex = offset;
        const found = emotion.exec(text) ?? (emotion.lastIndex = 0, emotion.exec(text));
        if (found) return { offset: found.index + 'emotion '.length, length: 1, text: String(1 + Math.floor(random() * 7)) };
    }
    if (roll < 0.55 && offset < text.length) {
        return { offset, length: 1, text: '' };
    }
    return { offset, length: 0, text: typed[Math.floor(random() * typed.length)] };
}

/** The text after the edit. */
export function applyEdit(text: string, edit: TextEditAt): string {
    return text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
}
