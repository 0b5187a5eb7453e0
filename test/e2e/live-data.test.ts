import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentsRebuiltParams } from '../../protocol/documents-rebuilt.js';
import type { ModelRequestResult } from '../../protocol/model-request.js';
import { workspaceWith } from '../cli/cli-runner.js';
import { startLanguageServer, type LspSession } from './lsp-client.js';

const map = `metric conversion "Conversion" percent target >= 12 warn 2
data funnel "analytics/funnel.csv" period week
journey J { stage S { step SeeAd { metric conversion = funnel.conversion where step = "see-ad" } } }
`;

/** Editing, breaking and deleting a linked CSV while the server runs: maps follow the file. */
describe('live data through the running server', () => {
    let session: LspSession;
    let dir: string;
    let mapUri: string;
    const csvPath = () => join(dir, 'analytics', 'funnel.csv');

    before(async () => {
        dir = workspaceWith({
            'map.journey': map,
            'analytics/funnel.csv': 'week,step,conversion\n2026-W46,see-ad,13.9\n2026-W47,see-ad,14.5\n'
        });
        mapUri = pathToFileURL(join(dir, 'map.journey')).toString();
        session = await startLanguageServer(dir);
        session.open(mapUri, map);
        assert.deepEqual(await session.diagnosticsFor(mapUri), []);
    });
    after(async () => session?.stop());

    /**
     * Writes the CSV (or deletes it), tells the server as an editor's file watcher would, and waits for the map's
     * rebuild.
     */
    async function changeCsv(text: string | undefined): Promise<void> {
        if (text === undefined) rmSync(csvPath());
        else writeFileSync(csvPath(), text);
        session.forgetDiagnostics(mapUri);
        const rebuilt = session.nextNotification<DocumentsRebuiltParams>('journey/documentsRebuilt', params =>
            params.uris.includes(mapUri)
        );
        session.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: pathToFileURL(csvPath()).toString(), type: text === undefined ? 3 : 2 }]
        });
        await rebuilt;
    }

    const valueNow = async () => {
        const result = await session.connection.sendRequest<ModelRequestResult>('journey/model', { uri: mapUri });
        return result.model?.journeys[0].stages[0].steps[0].metrics[0];
    };

    it('reads the new number when the CSV changes, with its status and series', async () => {
        assert.equal((await valueNow())?.value, 14.5);
        await changeCsv('week,step,conversion\n2026-W46,see-ad,13.9\n2026-W47,see-ad,14.5\n2026-W48,see-ad,10.5\n');
        const value = await valueNow();
        assert.deepEqual([value?.value, value?.status, value?.series?.length], [10.5, 'close', 3]);
    });

    it('reports a broken cell and then a deleted file on the map, and recovers', async () => {
        await changeCsv('week,step,conversion\n2026-W47,see-ad,n/a\n');
        assert.deepEqual(
            (await session.diagnosticsFor(mapUri)).map(d => d.code),
            ['data-value-not-numeric']
        );
        await changeCsv(undefined);
        assert.deepEqual(
            (await session.diagnosticsFor(mapUri)).map(d => d.code),
            ['data-file-not-found']
        );
        await changeCsv('week,step,conversion\n2026-W47,see-ad,15\n');
        assert.deepEqual(await session.diagnosticsFor(mapUri), []);
        assert.equal((await valueNow())?.value, 15);
    });
});
