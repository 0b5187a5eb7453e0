import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectFormatting } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestServices, designDir, examplesDir, journeyFilesIn, type TestServices } from '../journey-test-kit.js';
import { parseHelper } from 'langium/test';

const options = { insertSpaces: true, tabSize: 2 };

async function formatText(services: TestServices, text: string): Promise<string> {
    const document = await parseHelper(services.Journey)(text);
    const edits = await services.Journey.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Tokens and comments of a text, whitespace removed: what formatting must never change. */
function tokensOf(text: string): string {
    return text.replace(/\s+/g, '');
}

describe('formatting', () => {
    const services = createTestServices();
    const expectFormat = expectFormatting(services.Journey);

    it('puts one statement per line, indented by block, inside blocks written over several lines', async () => {
        await expectFormat({
            options,
            before: 'journey J   "T" {persona Ana\n  emotion   scale 1 .. 5\nstage S {\n step A "a" {channel Web\n emotion 3 curious\n   next B ,C }\n}\n}',
            after: 'journey J "T" {\n  persona Ana\n  emotion scale 1..5\n  stage S {\n    step A "a" {\n      channel Web\n      emotion 3 curious\n      next B, C\n    }\n  }\n}'
        });
    });

    it('keeps a block written on one line on one line, with single spaces', async () => {
        await expectFormat({
            options,
            before: 'journey J {\n  stage S {\n    step Buy {   channel Store   emotion 4 metric csat =4.4}\n  }\n}',
            after: 'journey J {\n  stage S {\n    step Buy { channel Store emotion 4 metric csat = 4.4 }\n  }\n}'
        });
    });

    it('keeps every comment, indents comments on their own line with the next statement, and keeps one blank line', async () => {
        await expectFormat({
            options,
            before: '// head\npersona P {\n/** doc */\n      role "r" // trailing\n\n\n\n   goal "g" /* inline */\n}',
            after: '// head\npersona P {\n  /** doc */\n  role "r" // trailing\n\n  goal "g" /* inline */\n}'
        });
    });

    it('formats every example and the persona file of the design fixtures to themselves', async () => {
        for (const file of [...journeyFilesIn(examplesDir), `${designDir}/people.journey`]) {
            const text = readFileSync(file, 'utf8');
            assert.equal(await formatText(services, text), text, `${file} is not formatted`);
        }
    });

    it('is idempotent and never changes a token or comment', async () => {
        const messy = [
            'import "./people.journey"   as   p\n\n\n\nmetric   m "M"   percent   target >=   12\n',
            'journey 售后 { /* c */ stage 使用 { step 发现 { emotion 2 焦虑 "看不懂" // 注释\n pain "x" } } }',
            'journey J {\nstage S {\nstep A {\nmetric m = f . col where step = "a" and n = 3\n}\n}\n}'
        ];
        for (const text of messy) {
            const once = await formatText(services, text);
            assert.equal(await formatText(services, once), once, `not idempotent:\n${once}`);
            assert.equal(tokensOf(once), tokensOf(text));
        }
    });

    it('leaves a document with syntax errors untouched', async () => {
        const broken = 'journey J {\n      stage S {\n step A { emotion }';
        assert.equal(await formatText(services, broken), broken);
    });
});
