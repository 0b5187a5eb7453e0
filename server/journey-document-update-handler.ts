import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileEvent } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';

/**
 * Langium rebuilds a document when it or a document it links to changes. A map also
 * depends on its data files, which are no documents: when the client reports a changed,
 * created or deleted data file, the maps that read it are rebuilt too.
 */
export class JourneyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super(shared);
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const dataFiles = new Set(
            params.changes
                .filter(change => !change.uri.endsWith('.journey'))
                .map(change => URI.parse(change.uri).toString())
        );
        const readers = dataFiles.size === 0 ? [] : this.journeyServices().flatMap(services => {
            services.journey.DataSources.invalidate(dataFiles);
            return services.journey.DataSources.documentsReading(dataFiles);
        });
        const extra: FileEvent[] = readers.map(uri => ({ uri: uri.toString(), type: FileChangeType.Changed }));
        super.didChangeWatchedFiles({ changes: [...params.changes, ...extra] });
    }

    private journeyServices(): JourneyServices[] {
        return this.shared.ServiceRegistry.all.filter((services): services is JourneyServices => 'journey' in services);
    }
}
