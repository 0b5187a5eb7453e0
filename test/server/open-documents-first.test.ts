import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { startLanguageServer } from '../e2e/lsp-client.js';

/**
 * In a workspace of many maps, the file the writer opens is diagnosed before the rest of the
 * workspace is built, and the shared file's hints are still those of the whole workspace.
 * Order of events, not time: the server over stdio, as an editor starts it.
 */
describe('the language server builds open files first', function () {
    this.timeout(120_000);
    const maps = 80;
    const folder = mkdtempSync(join(tmpdir(), 'open-first-'));
    mkdirSync(join(folder, 'shared'));
    mkdirSync(join(folder, 'maps'));
    writeFileSync(
        join(folder, 'shared', 'people.journey'),
        'persona Ana "Ana"\npersona Zed "Zed, in the last map only"\npersona Lonely "in no map"\n'
    );
    const mapPath = (index: number) => join(folder, 'maps', `m${String(index).padStart(3, '0')}.journey`);
    for (let index = 0; index < maps; index++) {
        const persona = index === maps - 1 ? 'Zed' : 'Ana';
        writeFileSync(
            mapPath(index),
            `import "../shared/people.journey"\njourney J${index} {\n  persona ${persona}\n  stage S { step A { emotion 3 } step B { emotion 6 } }\n}\n`
        );
    }
    const uriOf = (path: string) => pathToFileURL(path).toString();

    it("publishes the opened file's diagnostics early, every file's in the end, and the shared file's hints for the whole workspace", async () => {
        const session = await startLanguageServer(folder);
        const order: string[] = [];
        const last = new Map<string, Array<{ code?: unknown; message: string }>>();
        let everything: () => void = () => undefined;
        const allPublished = new Promise<void>(resolve => {
            everything = resolve;
        });
        session.connection.onNotification(
            'textDocument/publishDiagnostics',
            (params: { uri: string; diagnostics: Array<{ code?: unknown; message: string }> }) => {
                if (!last.has(params.uri)) order.push(params.uri);
                last.set(params.uri, params.diagnostics);
                if (last.size === maps + 1) everything();
            }
        );
        // Each build tells previews which files it checked: the one with the opened file must not be the whole
        // workspace.
        const builds: string[][] = [];
        session.connection.onNotification('journey/documentsRebuilt', (params: { uris: string[] }) => {
            builds.push(params.uris);
        });
        const opened = mapPath(60);
        session.open(uriOf(opened), readFileSync(opened, 'utf8'));
        await allPublished;
        // The shared file is checked again after the whole workspace: give that last build its turn.
        await session.connection.sendRequest('workspace/symbol', { query: 'J1' });
        await session.stop();

        const position = order.indexOf(uriOf(opened));
        assert.ok(
            position >= 0 && position < maps / 2,
            `the opened file was diagnosed ${position + 1}th of ${order.length}`
        );
        const firstBuild = builds.find(uris => uris.includes(uriOf(opened)));
        assert.ok(
            firstBuild && firstBuild.length < maps / 2,
            `the opened file was first checked in a build of ${firstBuild?.length} files`
        );
        assert.equal(last.size, maps + 1, 'every file has diagnostics');
        assert.ok(
            last.get(uriOf(opened))!.some(diagnostic => diagnostic.code === IssueCodes.EmotionOutOfScale),
            "the opened file's own error"
        );
        const shared = (last.get(uriOf(join(folder, 'shared', 'people.journey'))) ?? []).filter(
            diagnostic => diagnostic.code === IssueCodes.UnusedPersona
        );
        assert.deepEqual(shared.map(diagnostic => diagnostic.message).sort(), ["Persona 'Lonely' is never used."]);
    });
});
