import type { LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { TestServices } from '../journey-test-kit.js';

/** Calls every language service at a few positions; any throw fails the test. */
export async function exerciseServices(
    services: TestServices,
    document: LangiumDocument,
    extraOffsets: number[] = []
): Promise<void> {
    const lsp = services.Journey.lsp;
    const textDocument = { uri: document.uri.toString() };
    const length = document.textDocument.getText().length;
    const offsets = [
        0,
        1,
        Math.floor(length / 3),
        Math.floor(length / 2),
        Math.floor((2 * length) / 3),
        Math.max(0, length - 1),
        length,
        ...extraOffsets.map(offset => Math.min(length, offset))
    ];
    for (const offset of offsets) {
        const position = document.textDocument.positionAt(offset);
        await lsp.CompletionProvider?.getCompletion(document, { textDocument, position });
        await lsp.HoverProvider?.getHoverContent(document, { textDocument, position });
        await lsp.DefinitionProvider?.getDefinition(document, { textDocument, position });
        await lsp.ReferencesProvider?.findReferences(document, {
            textDocument,
            position,
            context: { includeDeclaration: true }
        });
        await lsp.RenameProvider?.rename(document, { textDocument, position, newName: 'Renamed' });
    }
    await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument });
    await lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
    lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }, CancellationToken.None);
    await lsp.CodeActionProvider?.getCodeActions(document, {
        textDocument,
        range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(length) },
        context: { diagnostics: document.diagnostics ?? [] }
    });
}

