import type { LangiumDocument, URI } from 'langium';
import type { JourneyServices } from './journey-module.js';

/** The text of a file, or undefined when it cannot be read (the validator then reports the import). */
export type ReadText = (uri: URI) => Promise<string | undefined>;

/**
 * Loads every file the given documents import, directly or through other imports, that is
 * not loaded yet, so that building the documents can link across files. Imports outside
 * the workspace are never read, nor links inside it to files outside.
 */
export async function loadImportedDocuments(services: JourneyServices, documents: LangiumDocument[], readText: ReadText): Promise<void> {
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const pending = [...documents];
    while (pending.length > 0) {
        const document = pending.shift()!;
        for (const uri of await services.journey.Imports.importedFilesInside(document)) {
            if (langiumDocuments.hasDocument(uri)) continue;
            const text = await readText(uri);
            if (text !== undefined) pending.push(langiumDocuments.createDocument(uri, text));
        }
    }
}
