import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLanguageServer, type LspSession } from '../e2e/lsp-client.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

const broken = (language: string) =>
    `${language}journey J {\n  stage S {\n    step A { emotion 9 }\n    step B { emotion 2 }\n  }\n}\n`;

/**
 * The language server in an English editor: a map that says `language zh-cn` gets its
 * diagnostics in Chinese, the map beside it without a language in English, and a hover on
 * the English map, asked while both are checked, stays English.
 */
describe('the language server speaks each map\'s language', function () {
    this.timeout(60_000);
    let workspace: string;
    let session: LspSession;
    before(async () => {
        workspace = mkdtempSync(join(tmpdir(), 'journey-language-'));
        session = await startLanguageServer(workspace);
    });
    after(async () => {
        await session.stop();
        rmSync(workspace, { recursive: true, force: true });
    });

    it('checks a zh-cn map in Chinese and the others in the editor\'s language, with the same codes', async () => {
        const chinese = pathToFileURL(join(workspace, 'zh.journey')).toString();
        const english = pathToFileURL(join(workspace, 'en.journey')).toString();
        session.open(chinese, broken('language zh-cn\n'));
        session.open(english, broken(''));
        const hover = session.connection.sendRequest('textDocument/hover', {
            textDocument: { uri: english },
            position: { line: 2, character: 10 }
        });
        const [zh] = await session.diagnosticsFor(chinese);
        const [en] = await session.diagnosticsFor(english);
        assert.match(diagnosticText(zh), /^情绪分值 9 超出了本旅程的刻度 1\.\.5/);
        assert.match(diagnosticText(en), /^Emotion 9 is outside the journey's scale 1\.\.5/);
        assert.equal(zh.code, en.code);
        assert.doesNotMatch(JSON.stringify(await hover), /[\u4e00-\u9fff]/, 'the English map\'s hover stays English');
    });
});
