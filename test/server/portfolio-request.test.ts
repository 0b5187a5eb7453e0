import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';
import { startLanguageServer } from '../e2e/lsp-client.js';

/** `journey/portfolio`: the opportunities of the whole workspace, for the preview's portfolio view. */
describe('the portfolio request', function () {
    this.timeout(60_000);

    it('answers with every opportunity of the workspace, with the steps it addresses across files', async () => {
        const session = await startLanguageServer(join(repoRoot, 'test', 'fixtures', 'opportunities'));
        try {
            const { rows } = (await session.connection.sendRequest('journey/portfolio', {})) as {
                rows: Array<{ id: string; steps: Array<{ step: string }> }>;
            };
            assert.deepEqual(rows.map(row => row.id), ['PriceInAd', 'ShowShipping', 'GuestCheckout']);
            assert.deepEqual(
                rows.find(row => row.id === 'GuestCheckout')!.steps.map(step => step.step),
                ['Pays for the order']
            );
        } finally {
            await session.stop();
        }
    });
});
