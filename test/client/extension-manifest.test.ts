import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journeyScaffold, toFileName } from '../../client/journey-scaffold.js';
import { identifierFromTitle } from '../../model/journey-names.js';
import { useMessageBundle } from '../../model/localisation.js';
import { buildText, codesOf, createTestServices, describeDiagnostics, repoRoot } from '../journey-test-kit.js';
import { loadWithFakeVsCode } from './load-with-fake-vscode.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('VS Code extension manifest and scaffolding', () => {
    it('contributes the journey language for *.journey with a grammar, configuration and snippets that exist', () => {
        const language = manifest.contributes.languages.find((entry: { id: string }) => entry.id === 'journey');
        assert.deepEqual(language.extensions, ['.journey']);
        for (const path of [
            language.configuration,
            manifest.contributes.grammars[0].path,
            manifest.contributes.snippets[0].path,
            manifest.bin.journeymap
        ]) {
            assert.ok(existsSync(join(repoRoot, path)), `${path} exists`);
        }
        assert.ok(
            manifest.contributes.commands.some(
                (command: { command: string }) => command.command === 'journey.newJourneyMap'
            )
        );
    });

    it('offers Compare with HEAD in the editor, the explorer and on changed .journey files of the Source Control view', async () => {
        const commands = manifest.contributes.commands.map((command: { command: string }) => command.command);
        assert.ok(commands.includes('journey.compareWithHead') && commands.includes('journey.compareWithRevision'));
        const scm = manifest.contributes.menus['scm/resourceState/context'];
        assert.deepEqual(
            scm.map((item: { command: string; when: string }) => [item.command, item.when]),
            [
                ['journey.compareWithHead', 'scmProvider == git && resourceExtname == .journey'],
                ['journey.compareWithRevision', 'scmProvider == git && resourceExtname == .journey']
            ]
        );
        // Every command the manifest contributes is registered when the extension activates (with a stand-in VS Code
        // and client).
        const { activate, vscode } = await loadWithFakeVsCode();
        await activate.activateJourney(
            { subscriptions: [], extensionUri: vscode.Uri.file('/ext') } as never,
            { start: async () => undefined, onNotification: () => ({ dispose: () => undefined }) } as never
        );
        assert.deepEqual(
            commands.filter((command: string) => !vscode.fake.commands.has(command)),
            [],
            'contributed but not registered'
        );
    });

    it('has a word pattern that selects CJK names whole', () => {
        const configuration = JSON.parse(readFileSync(join(repoRoot, 'language-configuration.json'), 'utf8'));
        const wordPattern = new RegExp(configuration.wordPattern, 'gu');
        assert.deepEqual('step 看到广告 { emotion 3 }'.match(wordPattern), ['step', '看到广告', 'emotion', '3']);
        assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
    });

    it('has snippets whose default text is valid in the place they are meant for', async () => {
        const snippets: Record<string, { body: string[] }> = JSON.parse(
            readFileSync(join(repoRoot, 'snippets', 'journey.code-snippets'), 'utf8')
        );
        const expand = (name: string) =>
            snippets[name].body
                .join('\n')
                .replace(/\$\{\d+:([^}]*)\}/g, '$1')
                .replace(/\$\d+/g, '');
        const contexts: Record<string, (snippet: string) => string> = {
            Persona: snippet => snippet,
            Journey: snippet => `persona Persona\n${snippet}`,
            Stage: snippet => `journey J { ${snippet} }`,
            Step: snippet => `channel Web online\njourney J { stage S { ${snippet} } }`
        };
        for (const [name, placeInContext] of Object.entries(contexts)) {
            const services = createTestServices();
            const document = await buildText(services, placeInContext(expand(name)));
            const problems = codesOf(document.diagnostics).filter(code => !code.startsWith('unused'));
            assert.deepEqual(problems, [], `${name} snippet:\n${describeDiagnostics(document.diagnostics)}`);
        }
    });

    it('scaffolds a new journey map that checks clean, also with a Chinese title and in the Chinese UI', async () => {
        for (const title of ['First purchase', '售后维修 旅程', '2026 onboarding']) {
            const services = createTestServices();
            const document = await buildText(services, journeyScaffold(title));
            assert.deepEqual(codesOf(document.diagnostics), [], describeDiagnostics(document.diagnostics));
        }
        const chinese = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
        useMessageBundle(chinese);
        try {
            const text = journeyScaffold('售后维修');
            const document = await buildText(createTestServices(), text);
            assert.deepEqual(codesOf(document.diagnostics), [], describeDiagnostics(document.diagnostics));
            assert.match(text, /persona Customer "我们的客户"/);
            assert.match(text, /emotion 3 好奇/);
        } finally {
            useMessageBundle(undefined);
        }
        assert.equal(identifierFromTitle('售后维修 旅程', 'Journey'), '售后维修旅程');
        assert.equal(identifierFromTitle('2026 onboarding', 'Journey'), 'Journey2026Onboarding');
        assert.equal(identifierFromTitle('<script>', 'Journey'), 'Script');
        assert.equal(identifierFromTitle('!!!', 'Journey'), 'Journey');
        assert.equal(toFileName('First purchase!'), 'first-purchase.journey');
        assert.equal(toFileName('售后 维修'), '售后-维修.journey');
    });
});
