import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentsRebuiltParams } from '../../protocol/documents-rebuilt.js';
import type { ModelRequestResult } from '../../protocol/model-request.js';
import { pathsSnapshotText } from '../../paths/paths-snapshot.js';
import type { ObservedPaths } from '../../model/observed-paths.js';
import { workspaceWith } from '../cli/cli-runner.js';
import { startLanguageServer, type LspSession } from './lsp-client.js';

const map = `data clicks "events.csv" events case user_id activity event time ts
journey J {
  paths from clicks
  stage S {
    step A { events "a" next B }
    step B { events "b" exit }
  }
}
`;

function snapshotWith(fitness: number): string {
    const paths: ObservedPaths = {
        journey: 'J',
        source: 'clicks',
        cases: 10,
        unmappedEvents: 0,
        fitness,
        steps: [
            { step: 'A', reach: 10, dropOff: 2 },
            { step: 'B', reach: 8, dropOff: 0 }
        ],
        transitions: [{ from: 'A', to: 'B', count: 8, declared: true }],
        deadSteps: [],
        variants: [
            { path: ['A', 'B'], count: 8 },
            { path: ['A'], count: 2 }
        ]
    };
    return pathsSnapshotText({ pulledAt: '2026-12-07T00:00:00.000Z', journeys: [paths] });
}

/** The editor reads a map's paths snapshot, and reads it again when `data pull` rewrites it. */
describe('observed paths through the running server', () => {
    let session: LspSession;
    let dir: string;
    let mapUri: string;
    const snapshotPath = () => join(dir, 'map.paths.json');

    before(async () => {
        dir = workspaceWith({ 'map.journey': map, 'events.csv': 'user_id,event,ts\nu1,a,2026-01-01 10:00:00\n' });
        mapUri = pathToFileURL(join(dir, 'map.journey')).toString();
        session = await startLanguageServer(dir);
        session.open(mapUri, map);
        await session.diagnosticsFor(mapUri);
    });
    after(async () => session?.stop());

    const observedNow = async () =>
        (await session.connection.sendRequest<ModelRequestResult>('journey/model', { uri: mapUri })).model?.journeys[0]
            .observedPaths;

    async function writeSnapshot(text: string): Promise<void> {
        writeFileSync(snapshotPath(), text);
        const rebuilt = session.nextNotification<DocumentsRebuiltParams>('journey/documentsRebuilt', params =>
            params.uris.includes(mapUri)
        );
        session.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: pathToFileURL(snapshotPath()).toString(), type: 1 }]
        });
        await rebuilt;
    }

    it('says there is no snapshot yet, then shows the one `data pull` writes, then its update', async () => {
        const before = await observedNow();
        assert.equal(before?.paths, undefined);
        assert.match(before?.missing ?? '', /No snapshot of the paths yet: run `journeymap data pull`\./);
        await writeSnapshot(snapshotWith(0.8));
        assert.equal((await observedNow())?.paths?.fitness, 0.8);
        await writeSnapshot(snapshotWith(0.6));
        assert.equal((await observedNow())?.paths?.fitness, 0.6);
    });

    it('says what is wrong with a snapshot it cannot read, and keeps the map', async () => {
        await writeSnapshot('{ "journeys": 3 }');
        assert.match((await observedNow())?.missing ?? '', /The paths snapshot cannot be read: not a paths snapshot/);
    });
});
