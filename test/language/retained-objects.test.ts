import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatedJourney } from '../../bench/generated-journey.js';
import { createTestServices, fastPathDocumentsOf, repoRoot } from '../journey-test-kit.js';

/**
 * A long editing session keeps no more than the map it has now. Typing into a map used to
 * leave, per edit, one whole old version of its text (the titles of the reparsed step were
 * views of it) and the old subtree of the step (each graft kept the one before). These count
 * what is left after the edits, not how much memory it takes.
 */
describe('a long editing session retains nothing of older versions', function () {
    this.timeout(120_000);
    const folder = join(repoRoot, 'test', 'output', 'retained');
    const path = join(folder, 'map.journey');
    const uri = URI.file(path);
    const steps = 300;
    const edits = 150;
    let services: ReturnType<typeof createTestServices>;
    let document: LangiumDocument;
    let text: string;

    before(async () => {
        mkdirSync(folder, { recursive: true });
        text = generatedJourney(steps).text;
        writeFileSync(path, text);
        services = createTestServices();
        // The editor's text, changed edit by edit as the language server's text documents change it.
        let editorText = TextDocument.create(uri.toString(), 'journey', 1, text);
        const textDocuments = services.shared.workspace.TextDocuments!;
        textDocuments.set(editorText);
        document =
            services.shared.workspace.LangiumDocuments.getDocument(uri) ??
            services.shared.workspace.LangiumDocuments.createDocument(uri, text);
        const builder = services.shared.workspace.DocumentBuilder;
        await builder.build([document], builder.updateBuildOptions);
        for (let edit = 1; edit <= edits; edit++) {
            // Typing inside the touchpoint of a different step each time.
            const needle = `touchpoint "Touchpoint ${(edit * 37) % steps}`;
            const at = editorText.getText().indexOf(needle) + needle.length;
            const position = editorText.positionAt(at);
            editorText = TextDocument.update(
                editorText,
                [{ range: { start: position, end: position }, text: edit % 2 === 0 ? '改' : 'x' }],
                edit + 1
            );
            textDocuments.set(editorText);
            await services.shared.workspace.WorkspaceLock.write(token => builder.update([uri], [], token));
        }
        text = editorText.getText();
    });

    it('was reparsed in part when the fast path is on', function () {
        const memory = fastPathDocumentsOf(services);
        if (!memory) this.skip(); // JOURNEYMAP_FAST_PATH=off: every edit was parsed whole; the counts below still hold.
        assert.ok(memory.graftOf(document), 'the last edit was grafted');
    });

    it('keeps as many references and index entries as a fresh build of the same text', async () => {
        const fresh = createTestServices();
        const whole = fresh.shared.workspace.LangiumDocuments.createDocument(
            URI.file(join(folder, 'fresh.journey')),
            text
        );
        await fresh.shared.workspace.DocumentBuilder.build([whole], { validation: true });
        assert.equal(document.references.length, whole.references.length);
        const indexed = (manager: unknown, key: string) =>
            ((manager as { referenceIndex: Map<string, unknown[]> }).referenceIndex.get(key) ?? []).length;
        assert.equal(
            indexed(services.shared.workspace.IndexManager, uri.toString()),
            indexed(fresh.shared.workspace.IndexManager, whole.uri.toString())
        );
    });

    it('holds no old version of the text: the heap has the current text and no more', () => {
        const snapshotPath = writeHeapSnapshot(join(folder, 'session.heapsnapshot'));
        try {
            const versions = largeStringsStartingWith(
                JSON.parse(readFileSync(snapshotPath, 'utf8')),
                text.slice(0, 60),
                text.length
            );
            // The current text (the document's, and maybe the file's as last read) — not one per edit.
            assert.ok(
                versions.length <= 3,
                `${versions.length} versions of the map's text are still reachable after ${edits} edits`
            );
        } finally {
            rmSync(snapshotPath, { force: true });
        }
    });
});

interface HeapSnapshot {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
}

/**
 * The string objects in a heap snapshot that begin with `start` and take at least `length` bytes (a snapshot names a
 * string by its first characters only).
 */
function largeStringsStartingWith(heap: HeapSnapshot, start: string, length: number): number[] {
    const fields = heap.snapshot.meta.node_fields;
    const [type, name, size] = ['type', 'name', 'self_size'].map(field => fields.indexOf(field));
    const stringType = heap.snapshot.meta.node_types[0].indexOf('string');
    const found: number[] = [];
    for (let index = 0; index < heap.nodes.length; index += fields.length) {
        if (
            heap.nodes[index + type] === stringType &&
            heap.nodes[index + size] >= length &&
            heap.strings[heap.nodes[index + name]].startsWith(start)
        )
            found.push(heap.nodes[index + size]);
    }
    return found;
}
