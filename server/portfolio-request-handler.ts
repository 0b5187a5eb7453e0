import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';
import { PortfolioRequest } from '../protocol/portfolio-request.js';
import { opportunityBacklog } from '../analysis/opportunity-backlog.js';

/**
 * Answers `journey/portfolio`: the opportunities of every map in the workspace, once the
 * workspace is built, so that the preview's portfolio places them all on value × effort.
 */
export function registerPortfolioRequest(
    connection: Connection,
    shared: LangiumSharedServices,
    journey: JourneyServices
): void {
    connection.onRequest(PortfolioRequest, async (_params, cancelToken) => {
        await shared.workspace.WorkspaceManager.ready;
        const documents = shared.workspace.LangiumDocuments.all
            .filter(document => document.uri.path.endsWith('.journey'))
            .toArray();
        for (const document of documents) {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, document.uri, cancelToken);
        }
        const models = await Promise.all(documents.map(document => journey.journey.ModelBuilder.build(document)));
        return { rows: opportunityBacklog(models) };
    });
}
