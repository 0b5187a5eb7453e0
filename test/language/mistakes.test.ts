import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { useMessageBundle, type MessageBundle } from '../../model/localisation.js';
import { buildText, createTestServices, repoRoot } from '../journey-test-kit.js';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { diagnosticsOf, errorsOf, mistakenText, mistakesDir, readMistakes, type Mistake } from './mistake-corpus.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

const corpus = readMistakes();
const chinese: MessageBundle = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));

/** The table of test/fixtures/mistakes/README.md: each mistake, what it looks like, and the one message it gets. */
function mistakeTable(): string {
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const rows = corpus.map(
        mistake =>
            `| ${cell(mistake.mistake)} | \`${cell(mistake.replace.trim().split('\n')[0])}\` | ${cell(mistake.expect.first)} | ${mistake.expect.errors} |`
    );
    return ['| mistake | as written | first message | errors |', '|---|---|---|---|', ...rows].join('\n');
}

describe('messages in the writer\'s words (test/fixtures/mistakes)', () => {
    it(`has at least 60 real mistakes, in English and Chinese maps (${corpus.length})`, () => {
        assert.ok(corpus.length >= 60);
        assert.ok(corpus.filter(mistake => mistake.base === 'zh').length >= 15);
        assert.equal(new Set(corpus.map(mistake => mistake.id)).size, corpus.length);
    });

    it('starts from two maps without errors', async () => {
        for (const base of ['en', 'zh']) {
            assert.deepEqual(
                await errorsOf(readFileSync(join(mistakesDir, `base.${base}.journey`), 'utf8'), `base-${base}`),
                []
            );
        }
    });

    for (const mistake of corpus) {
        it(`${mistake.id}: ${mistake.mistake} → "${mistake.expect.first}"`, async () => {
            const diagnostics = await diagnosticsOf(mistakenText(mistake), mistake.id);
            const errors = diagnostics.filter(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
            // The base maps' paths are sound: a dead end or an unreachable step could only echo the mistake.
            const echoes = diagnostics.filter(
                diagnostic => diagnostic.code === IssueCodes.DeadEnd || diagnostic.code === IssueCodes.UnreachableStep
            );
            assert.deepEqual(echoes.map(echo => echo.message), [], 'no flow warning follows from the mistake');
            assert.ok(
                errors.length <= 2,
                `at most two errors per mistake, not ${errors.length}: ${errors.map(error => error.message).join(' | ')}`
            );
            assert.deepEqual(
                {
                    errors: errors.length,
                    first: errors[0]?.message,
                    code: String(errors[0]?.code),
                    line: (errors[0]?.range.start.line ?? -1) + 1
                },
                mistake.expect
            );
        });
    }

    it('says each first message in Chinese to a Chinese writer', async () => {
        useMessageBundle(chinese);
        try {
            for (const mistake of corpus) {
                const [first] = await errorsOf(mistakenText(mistake), mistake.id);
                assert.match(diagnosticText(first), /[\u4e00-\u9fff]/, `${mistake.id}: ${diagnosticText(first)}`);
                assert.notEqual(first.message, mistake.expect.first);
            }
        } finally {
            useMessageBundle(undefined);
        }
    });

    it('fixes typos, quotes, full-width punctuation and comparisons with one quick fix, leaving no error', async () => {
        const fixable = corpus.filter(mistake =>
            ['unknown-keyword', 'quote-style', 'unclosed-string', 'full-width-punctuation', 'comparison-typo'].includes(
                mistake.expect.code
            )
        );
        assert.ok(fixable.length >= 25, `${fixable.length} fixable mistakes`);
        for (const mistake of fixable) assert.deepEqual(await errorsAfterQuickFix(mistake), [], mistake.id);
    });

    it('lists every mistake and its message in test/fixtures/mistakes/README.md', () => {
        const readme = readFileSync(join(mistakesDir, 'README.md'), 'utf8');
        const start = readme.indexOf('| mistake |');
        const current = readme
            .slice(start, readme.indexOf('\n\n', start) < 0 ? undefined : readme.indexOf('\n\n', start))
            .trimEnd();
        if (process.env.UPDATE_DOCS)
            writeFileSync(join(mistakesDir, 'README.md'), readme.replace(current, mistakeTable()));
        else
            assert.equal(
                current,
                mistakeTable(),
                'test/fixtures/mistakes/README.md is out of date: run with UPDATE_DOCS=1'
            );
    });
});

/** Applies the preferred quick fix of the first error, and returns the errors of the text it gives. */
async function errorsAfterQuickFix(mistake: Mistake): Promise<string[]> {
    const services = createTestServices();
    const document = await buildText(services, mistakenText(mistake), join(mistakesDir, `${mistake.id}-fix.journey`));
    const [first] = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
    const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: first.range, context: { diagnostics: [first] }
    }) as CodeAction[];
    const preferred = actions.find(action => action.isPreferred);
    if (!preferred) return [`no preferred quick fix for ${first.message}`];
    const edits = preferred.edit!.changes![document.uri.toString()];
    const fixed = TextDocument.applyEdits(
        TextDocument.create('file:///x.journey', 'journey', 1, document.textDocument.getText()),
        edits
    );
    return (await errorsOf(fixed, `${mistake.id}-fixed`, services)).map(diagnosticText);
}
