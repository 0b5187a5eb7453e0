import { CstUtils, type LangiumDocument } from 'langium';
import { describeDiagnostics, type TestServices } from '../journey-test-kit.js';

/** Everything a parse decides, to compare a document parsed in parts with one parsed whole: AST with text regions, every CST node, diagnostics. */
export function treeSnapshot(document: LangiumDocument, services: TestServices) {
    const root = document.parseResult.value;
    return {
        ast: JSON.parse(services.Journey.serializer.JsonSerializer.serialize(root, { textRegions: true, refText: true, comments: true })) as unknown,
        cst: [...CstUtils.streamCst(root.$cstNode!)].map(node => ({ offset: node.offset, end: node.end, range: node.range, hidden: node.hidden, text: node.text })),
        diagnostics: describeDiagnostics(document.diagnostics),
        errors: document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length
    };
}
