/** Random edits as a writer types them, from a seed, for the storm tests. */
import type { MessageConnection } from 'vscode-jsonrpc';
import { TextDocument } from 'vscode-languageserver-textdocument';

export { seededRandom } from '../seeded-random.js';

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
        if (found)
            return { offset: found.index + 'emotion '.length, length: 1, text: String(1 + Math.floor(random() * 7)) };
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

/** What the editor of a storm asks between its edits, in turn. */
const stormRequests = [
    'textDocument/hover',
    'textDocument/completion',
    'textDocument/documentSymbol',
    'textDocument/foldingRange'
];

/**
 * Sends `count` random edits to an open document without waiting, and a request at a random
 * place after every third one, as a storm does (the storm test, bench/storm). Gives the final
 * text and the requests' answers, still pending.
 */
export function sendStorm(connection: MessageConnection, uri: string, text: string, count: number,
    random: () => number): { text: string; requests: Array<Promise<unknown>> } {
    let document = TextDocument.create(uri, 'journey', 1, text);
    const requests: Array<Promise<unknown>> = [];
    for (let index = 0; index < count; index++) {
        const edit = nextEdit(document.getText(), random);
        const range = { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) };
        const version = document.version + 1;
        const contentChanges = [{ range, text: edit.text }];
        connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
        document = TextDocument.create(uri, 'journey', version, applyEdit(document.getText(), edit));
        if (index % 3 === 0) {
            const position = document.positionAt(Math.floor(random() * (document.getText().length + 1)));
            requests.push(connection.sendRequest(stormRequests[index % 4], { textDocument: { uri }, position }));
        }
    }
    return { text: document.getText(), requests };
}
