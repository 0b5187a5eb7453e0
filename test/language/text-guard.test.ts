import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { hasSyntaxErrors } from '../../language/syntax-errors.js';
import { createTestServices, type TestServices } from '../journey-test-kit.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

/** Builds in-memory texts together, each under a name of its own. */
async function build(services: TestServices, texts: Record<string, string>): Promise<Record<string, LangiumDocument>> {
    const documents = Object.fromEntries(
        Object.entries(texts).map(([name, text]) => [
            name,
            services.shared.workspace.LangiumDocuments.createDocument(URI.file(`/workspace/${name}.journey`), text)
        ])
    );
    await services.shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return documents;
}

/** Errors and warnings, as `line code`: hints (unused declarations) depend on what else is open. */
function described(document: LangiumDocument): string[] {
    return (document.diagnostics ?? [])
        .filter(diagnostic => (diagnostic.severity ?? 1) <= 2)
        .map(diagnostic => `${diagnostic.range.start.line} ${diagnostic.code}`);
}

const people = 'persona Ana "Ana"\n';
const journey = 'import "./people.journey"\njourney J { persona Ana stage S { step A { emotion 3 } } }\n';

describe('texts the server does not parse, and builds that fail', () => {
    it('refuses a file over journey.maxFileSize with one diagnostic naming the limit and the setting', async () => {
        const services = createTestServices();
        const { big } = await build(services, { big: people + '// ' + 'x'.repeat(5 * 1024 * 1024) });
        assert.deepEqual(described(big), ['0 file-too-large']);
        assert.match(diagnosticText(big.diagnostics![0]), /5\.0 MB limit.*journey\.maxFileSize/);
        assert.ok(hasSyntaxErrors(big), 'a refused text counts as not parsed: never formatted, rendered or diffed');
    });

    it('counts the limit in UTF-8 bytes: 2,000,000 Chinese characters are 6 MB', async () => {
        const { chinese } = await build(createTestServices(), { chinese: people + '// ' + '旅'.repeat(2_000_000) });
        assert.deepEqual(described(chinese), ['0 file-too-large']);
    });

    it('refuses a line over journey.maxLineLength, pointing at that line', async () => {
        const { long } = await build(createTestServices(), { long: people + '\r\n\r\n' + 'x'.repeat(100_001) + '\n' });
        assert.deepEqual(described(long), ['3 line-too-long']);
        assert.match(diagnosticText(long.diagnostics![0]), /Line 4 has 100001 characters.*journey\.maxLineLength/);
    });

    it('follows the settings, and the CLI\'s options', async () => {
        const services = createTestServices();
        services.Journey.journey.TextLimits.use({ maxLineLength: 10, maxFileBytes: 1000 });
        const { short, large } = await build(services, {
            short: 'persona A\npersona Bob "B"\n',
            large: `persona Ana "${'a'.repeat(990)}"`
        });
        assert.deepEqual(described(short), ['1 line-too-long']);
        assert.deepEqual(described(large), ['0 file-too-large']);
    });

    it('refuses binary text', async () => {
        const { binary } = await build(createTestServices(), { binary: 'persona A\u0000\u0001\u0002' });
        assert.deepEqual(described(binary), ['0 binary-file']);
    });

    it('keeps a document whose build throws with one diagnostic saying why, and builds the others', async () => {
        const services = createTestServices();
        const scopes = services.Journey.references.ScopeComputation;
        const collect = scopes.collectLocalSymbols.bind(scopes);
        scopes.collectLocalSymbols = (document, cancelToken) => {
            // A fault that hits this document's content, as a bug would; the empty tree it is left with has none.
            if (document.parseResult.value.$cstNode?.text.includes('the file that fails'))
                throw new Error('scope computation broke');
            return collect(document, cancelToken);
        };
        const {
            boom,
            people: declared,
            journey: typed
        } = await build(services, {
            boom: 'persona Boom "declared in the file that fails"\n',
            people,
            journey: journey + 'journey K { persona Boom }\n'
        });
        assert.deepEqual(described(boom), ['0 document-failed']);
        assert.match(diagnosticText(boom.diagnostics![0]), /could not be processed \(scope computation broke\)/);
        assert.doesNotMatch(diagnosticText(boom.diagnostics![0]), /at .*\.ts/, 'no stack trace');
        assert.deepEqual(described(declared), []);
        // Boom's persona left the index with its tree: the reference to it is unresolved, the rest resolves.
        assert.deepEqual(described(typed), ['2 unresolved-reference']);
        assert.equal(boom.parseResult.value.$cstNode?.text, '');
    });

    it('answers requests on a document whose build failed with nothing, without waiting forever', async () => {
        const services = createTestServices();
        const linker = services.Journey.references.Linker;
        const link = linker.link.bind(linker);
        linker.link = async (document, cancelToken) => {
            if (document.uri.path.endsWith('failing.journey')) throw new TypeError('linking broke');
            return link(document, cancelToken);
        };
        const { failing } = await build(services, { failing: people + journey });
        assert.deepEqual(described(failing), ['0 document-failed']);
        const lsp = services.Journey.lsp;
        const textDocument = { uri: failing.uri.toString() };
        const position = { line: 1, character: 30 };
        assert.equal(await lsp.HoverProvider!.getHoverContent(failing, { textDocument, position }), undefined);
        assert.equal(await lsp.CompletionProvider!.getCompletion(failing, { textDocument, position }), undefined);
        assert.deepEqual(await lsp.DocumentSymbolProvider!.getSymbols(failing, { textDocument }), []);
        assert.deepEqual(await lsp.FoldingRangeProvider!.getFoldingRanges(failing, { textDocument }), []);
    });

    it('does not read a file over the limit found in the workspace scan', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'journey-scan-'));
        try {
            writeFileSync(join(folder, 'people.journey'), people);
            writeFileSync(join(folder, 'huge.journey'), people + '// ' + 'x'.repeat(6 * 1024 * 1024));
            const services = createTestServices();
            services.Journey.journey.Workspace.setRoots([URI.file(folder)]);
            await services.shared.workspace.WorkspaceManager.initializeWorkspace([
                { uri: URI.file(folder).toString(), name: 'scan' }
            ]);
            const documents = services.shared.workspace.LangiumDocuments;
            await services.shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });
            const huge = documents.getDocument(URI.file(join(folder, 'huge.journey')))!;
            assert.deepEqual(described(huge), ['0 file-too-large']);
            assert.match(diagnosticText(huge.diagnostics![0]), /This file is 6\.0 MB, more than the 5\.0 MB limit/);
            assert.equal(huge.textDocument.getText(), '', 'the file was not read');
            assert.deepEqual(described(documents.getDocument(URI.file(join(folder, 'people.journey')))!), []);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('has a code for each refusal in the IssueCodes table', () => {
        assert.deepEqual(
            [IssueCodes.FileTooLarge, IssueCodes.LineTooLong, IssueCodes.BinaryFile, IssueCodes.DocumentFailed],
            ['file-too-large', 'line-too-long', 'binary-file', 'document-failed']
        );
    });
});
