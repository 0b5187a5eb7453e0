import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceParams, RenameParams } from 'vscode-languageserver';
import { buildDocuments, createTestServices, repoRoot } from '../journey-test-kit.js';

/**
 * `addresses shop.FirstPurchase.Checkout` is a reference like any other: definition, references and rename reach across
 * files.
 */
describe('the steps an opportunity addresses, across files', () => {
    const folder = join(repoRoot, 'test', 'fixtures', 'opportunities');
    const shopPath = join(folder, 'shop.journey');
    const backlogPath = join(folder, 'backlog.journey');

    async function open() {
        const services = createTestServices();
        const [shop, backlog] = await buildDocuments(services, { [shopPath]: undefined, [backlogPath]: undefined });
        return { services, shop, backlog };
    }

    it('goes to the step in the imported file, and finds the opportunity among the step\'s references', async () => {
        const { services, shop, backlog } = await open();
        const text = readFileSync(backlogPath, 'utf8');
        const at = backlog.textDocument.positionAt(text.indexOf('shop.FirstPurchase.Checkout') + 25);
        const definitions = await services.Journey.lsp.DefinitionProvider!.getDefinition(backlog, {
            textDocument: { uri: backlog.uri.toString() },
            position: at
        });
        assert.equal(definitions?.[0].targetUri, shop.uri.toString());
        const shopText = readFileSync(shopPath, 'utf8');
        const stepAt = shop.textDocument.positionAt(shopText.indexOf('step Checkout') + 6);
        const params: ReferenceParams = {
            textDocument: { uri: shop.uri.toString() },
            position: stepAt,
            context: { includeDeclaration: false }
        };
        const references = await services.Journey.lsp.ReferencesProvider!.findReferences(shop, params);
        assert.ok(references.some(reference => reference.uri === backlog.uri.toString()), JSON.stringify(references));
    });

    it('renames the step in every `addresses`, keeping the journey and the namespace before it', async () => {
        const { services, shop, backlog } = await open();
        const shopText = readFileSync(shopPath, 'utf8');
        const params: RenameParams = {
            textDocument: { uri: shop.uri.toString() },
            position: shop.textDocument.positionAt(shopText.indexOf('step Checkout') + 6),
            newName: 'Pay'
        };
        const edit = await services.Journey.lsp.RenameProvider!.rename(shop, params);
        const inBacklog = edit?.changes?.[backlog.uri.toString()] ?? [];
        assert.equal(inBacklog.length, 1);
        assert.equal(backlog.textDocument.getText(inBacklog[0].range), 'Checkout');
        assert.equal(inBacklog[0].newText, 'Pay');
        const inShop = edit?.changes?.[shop.uri.toString()] ?? [];
        assert.ok(
            inShop.some(
                change =>
                    shop.textDocument.getText(change.range) === 'Checkout' &&
                    change.range.start.line ===
                        shop.textDocument.positionAt(
                            shopText.indexOf('FirstPurchase.Compare, FirstPurchase.Checkout') + 37
                        ).line
            )
        );
    });

    it('renames a journey also where opportunities address its steps, in this file and in files that import it', async () => {
        const { services, shop, backlog } = await open();
        const shopText = readFileSync(shopPath, 'utf8');
        const params: RenameParams = {
            textDocument: { uri: shop.uri.toString() },
            position: shop.textDocument.positionAt(shopText.indexOf('journey FirstPurchase') + 9),
            newName: 'Onboarding'
        };
        const edit = await services.Journey.lsp.RenameProvider!.rename(shop, params);
        const replaced = (document: typeof shop) =>
            (edit?.changes?.[document.uri.toString()] ?? []).map(
                change =>
                    `${document.textDocument.getText({ start: { line: change.range.start.line, character: 0 }, end: { line: change.range.start.line, character: 200 } }).trim()} @${change.range.start.character}:${document.textDocument.getText(change.range)}→${change.newText}`
            );
        const inBacklog = replaced(backlog);
        assert.deepEqual(
            inBacklog.map(line => line.replace(/^.* @\d+:/, '')),
            ['FirstPurchase→Onboarding', 'FirstPurchase→Onboarding'],
            inBacklog.join('\n')
        );
        assert.ok(
            inBacklog.some(line => line.startsWith('addresses shop.FirstPurchase.Checkout')),
            'the namespace stays'
        );
        const inShop = replaced(shop);
        assert.equal(inShop.filter(line => line.startsWith('addresses')).length, 2, inShop.join('\n'));
        assert.ok(
            inShop.some(line => line.startsWith('journey FirstPurchase')),
            'the declaration'
        );
    });
});

describe('the outline of a file with opportunities', () => {
    it('lists each declared opportunity beside the journeys', async () => {
        const services = createTestServices();
        const [shop] = await buildDocuments(services, {
            [join(repoRoot, 'test', 'fixtures', 'opportunities', 'shop.journey')]: undefined
        });
        const symbols = await services.Journey.lsp.DocumentSymbolProvider!.getSymbols(shop, {
            textDocument: { uri: shop.uri.toString() }
        });
        const names = symbols.map(symbol => symbol.name);
        assert.ok(names.includes('ShowShipping'), names.join(', '));
        assert.ok(names.includes('FirstPurchase'), names.join(', '));
    });
});
