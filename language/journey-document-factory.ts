import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { reparseEdit } from './journey-incremental-parse.js';

/**
 * Langium's document factory, which parses a changed document's whole text again; ours first
 * tries to parse only the step or stage the edit is in (see `reparseEdit`).
 */
export class JourneyDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The tree each document had before the update under way, by URI. */
    private readonly previousTrees = new Map<string, ParseResult>();

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previousTrees.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previousTrees.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previousTrees.get(uri.toString());
        const reparsed = previous && reparseEdit(previous, text, this.serviceRegistry.getServices(uri).parser.LangiumParser);
        return reparsed ? Promise.resolve(reparsed as ParseResult<T>) : super.parseAsync<T>(uri, text, cancellationToken);
    }
}
