import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectHover } from 'langium/test';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver';
import { useMessageBundle, type MessageBundle } from '../../model/localisation.js';
import { renderJourneyMapSvg } from '../../render/index.js';
import { runCli, workspaceWith } from '../cli/cli-runner.js';
import { startLanguageServer } from '../e2e/lsp-client.js';
import { buildText, createTestServices, examplesDir, repoRoot } from '../journey-test-kit.js';
import { exampleModels } from '../render/render-kit.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

const chinese: MessageBundle = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));

const people = 'persona Ana "Ana, small-business owner" { role "店主" goal "知道总价" }';
const unknownPersona = `${people}\njourney J { persona Anna stage S { step A { emotion 3 } } }`;
/** The messages of errors (the unknown persona also leaves `Ana` unused: a hint). */
const errorMessages = (diagnostics: Diagnostic[] | undefined) =>
    (diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1).map(diagnosticText);
const englishEnvironment = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** With VS Code (or the shell) set to Chinese, what a user reads is Chinese; otherwise English. */
describe('the Chinese UI', () => {
    describe('in the language services', () => {
        beforeEach(() => useMessageBundle(chinese));
        afterEach(() => useMessageBundle(undefined));

        it('reports an unknown persona, with its did-you-mean, in Chinese', async () => {
            const document = await buildText(createTestServices(), unknownPersona);
            assert.deepEqual(errorMessages(document.diagnostics), ["未知的用户画像“Anna”。你是想写 'Ana' 吗？"]);
        });

        it('reports syntax errors in Chinese, in the words of the grammar', async () => {
            const document = await buildText(createTestServices(), 'journey J { stage S { step } }');
            const messages = document.diagnostics?.map(diagnosticText) ?? [];
            assert.ok(messages.length > 0 && messages.every(message => message.startsWith('此处')), messages.join('\n'));
            assert.ok(messages.some(message => message.includes('名称')), messages.join('\n'));
        });

        it('shows the persona card in Chinese', async () => {
            const hover = expectHover(createTestServices().Journey);
            await hover({
                text: `${people}\njourney J { persona <|>Ana stage S { step A { emotion 3 } } }`,
                index: 0,
                hover: /\*\*用户画像\*\* `Ana`[\s\S]*\*角色：\* 店主[\s\S]*\*目标：\*/
            });
        });

        it('labels the map in Chinese: lanes, moments of truth, statuses', async () => {
            const { model } = (await exampleModels()).find(example => example.file.endsWith('checkout.journey'))!;
            const svg = renderJourneyMapSvg(model);
            for (const label of ['>触点<', '>情绪<', '>痛点<', '>机会点<', '>指标<', '关键时刻：', '✓ 达标'])
                assert.ok(svg.includes(label), label);
            assert.ok(!svg.includes('>TOUCHPOINTS<'));
        });
    });

    it('speaks English again without a bundle', async () => {
        const document = await buildText(createTestServices(), unknownPersona);
        assert.deepEqual(errorMessages(document.diagnostics), ["Unknown persona 'Anna'. Did you mean 'Ana'?"]);
    });

    describe('in the CLI', () => {
        const dir = workspaceWith({ 'broken.journey': unknownPersona });

        it('follows --lang zh-cn for diagnostics and the summary', () => {
            const result = runCli(['--lang', 'zh-cn', 'check', 'broken.journey'], dir, englishEnvironment);
            assert.equal(result.status, 1);
            assert.match(result.stdout, /broken\.journey:2:\d+ error unresolved-reference 未知的用户画像“Anna”/);
            assert.match(result.stdout, /已检查 1 个文件：1 个错误，1 条提示/);
        });

        it('follows LANG=zh_CN.UTF-8, and --lang en over it', () => {
            const chineseShell = { ...englishEnvironment, LANG: 'zh_CN.UTF-8' };
            assert.match(runCli(['check', 'broken.journey'], dir, chineseShell).stdout, /已检查 1 个文件：1 个错误，1 条提示/);
            assert.match(
                runCli(['check', '--lang', 'en', 'broken.journey'], dir, chineseShell).stdout,
                /1 file checked: 1 error, 1 hint/
            );
            assert.match(runCli(['check', 'broken.journey'], dir, englishEnvironment).stdout, /Unknown persona 'Anna'/);
        });

        it('draws Chinese map labels with --lang zh-cn', () => {
            const result = runCli(
                ['render', '--lang', 'zh-cn', join(examplesDir, 'shop', 'checkout.journey'), '-f', 'svg'],
                repoRoot,
                englishEnvironment
            );
            assert.equal(result.status, 0, result.stderr);
            assert.ok(result.stdout.includes('>触点<') && result.stdout.includes('>情绪<'));
        });

        it('tells a reviewer what changed in Chinese', () => {
            const fixtures = join(repoRoot, 'test', 'fixtures', 'diff');
            const result = runCli(
                ['--lang', 'zh-cn', 'diff', join(fixtures, 'before.journey'), join(fixtures, 'after.journey')],
                repoRoot,
                englishEnvironment
            );
            assert.match(result.stdout, /步骤“Compares offers”从“考虑 Consideration”移到了“购买 Purchase”/);
            assert.match(result.stdout, /“Compares offers”的情绪从 2 降到 1/);
            assert.match(result.stdout, /5 处变化$/m);
        });

        it('refuses a language it does not have, naming the ones it has', () => {
            const result = runCli(['--lang', 'fr', 'check', 'broken.journey'], dir, englishEnvironment);
            assert.equal(result.status, 2);
            assert.match(result.stderr, /en, zh-cn/);
        });
    });

    describe('in the language server, with the bundle the extension sends', function () {
        this.timeout(60_000);
        it('publishes Chinese diagnostics and hovers', async () => {
            const dir = workspaceWith({ 'broken.journey': unknownPersona });
            const uri = pathToFileURL(join(dir, 'broken.journey')).toString();
            const session = await startLanguageServer(dir, { messages: chinese });
            try {
                session.open(uri, unknownPersona);
                assert.deepEqual(errorMessages(await session.diagnosticsFor(uri)), ["未知的用户画像“Anna”。你是想写 'Ana' 吗？"]);
                const hover = await session.connection.sendRequest<Hover>('textDocument/hover', {
                    textDocument: { uri },
                    position: { line: 0, character: 9 }
                });
                assert.match((hover.contents as MarkupContent).value, /\*\*用户画像\*\* `Ana`/);
            } finally {
                await session.stop();
            }
        });
    });
});
