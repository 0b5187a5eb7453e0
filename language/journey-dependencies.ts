import { URI, type LangiumDocument } from 'langium';
import { isDataSource, type JourneyFile } from './generated/ast.js';
import { snapshotUriOf } from './journey-data-sources.js';
import type { JourneyServices } from './journey-module.js';

/**
 * Every file a document's diagnostics can depend on: the document, what it imports (followed
 * through imports, a missing one included), and the data files and paths snapshots of each.
 * A check cached under the content of these files is the check of today's files.
 */
export function filesDocumentReads(document: LangiumDocument, services: JourneyServices): URI[] {
    const documents = services.shared.workspace.LangiumDocuments;
    const imported = [...services.journey.Imports.importedDocuments(document).keys()];
    const closure = [document, ...imported.map(uri => documents.getDocument(URI.parse(uri))!)];
    const files = new Map<string, URI>(closure.map(each => [each.uri.toString(), each.uri]));
    for (const each of closure) {
        for (const read of filesOneDocumentReads(each, services)) files.set(read.toString(), read);
    }
    return [...files.values()];
}

/** One document's own reads: its imports' targets, its data sources and its paths snapshot. */
function filesOneDocumentReads(document: LangiumDocument, services: JourneyServices): URI[] {
    const file = document.parseResult.value as JourneyFile;
    const workspace = services.journey.Workspace;
    const written = [
        ...(file.imports ?? []).map(imp => imp.path),
        ...(file.elements ?? []).filter(isDataSource).map(source => source.path)
    ];
    const inside = written
        .map(path => workspace.resolve(document.uri, path))
        .filter(resolved => resolved.kind === 'inside');
    return [...inside.map(resolved => resolved.uri), snapshotUriOf(document.uri)];
}
