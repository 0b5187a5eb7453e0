import { interruptAndCheck, type LangiumDocuments, type ServiceRegistry } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { isJourney, isJourneyFile } from '../language/generated/ast.js';
import { stepsOf } from '../language/journey-scope.js';

/**
 * Workspace symbols: the index's top-level declarations, and every step. Steps are looked up
 * in the open documents when asked instead of being kept in the index for every map, which
 * would cost each step a description (about a kilobyte) for a request that is rarely made.
 */
export class JourneyWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly registry: ServiceRegistry;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.registry = services.ServiceRegistry;
    }

    override async getSymbols(
        params: WorkspaceSymbolParams,
        cancelToken?: CancellationToken
    ): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        const query = params.query.toLowerCase();
        for (const document of this.documents.all) {
            if (cancelToken) await interruptAndCheck(cancelToken);
            const root = document.parseResult.value;
            if (!isJourneyFile(root)) continue;
            const descriptions = this.registry.getServices(document.uri).workspace.AstNodeDescriptionProvider;
            for (const step of root.elements.filter(isJourney).flatMap(stepsOf)) {
                if (!step.name || !this.fuzzyMatcher.match(query, step.name)) continue; // a half-typed step has no name yet
                const symbol = this.getWorkspaceSymbol(descriptions.createDescription(step, step.name, document));
                if (symbol) symbols.push(symbol);
            }
        }
        return symbols;
    }
}
