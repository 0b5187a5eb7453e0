import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { reparseEdit } from './journey-incremental-parse.js';
import { parseStageByStage } from './journey-staged-parse.js';

/**
 * Langium's document factory parses a document's whole text in one go. Ours first tries to
 * parse only the step or stage an edit is in (see `reparseEdit`), and parses a large map a
 * stage at a time, letting other requests in between (see `parseStageByStage`).
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

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const { LangiumParser } = this.serviceRegistry.getServices(uri).parser;
        const previous = this.previousTrees.get(uri.toString());
        const inParts = (previous && reparseEdit(previous, text, LangiumParser))
            ?? await parseStageByStage(text, LangiumParser, cancellationToken);
        return inParts ? inParts as ParseResult<T> : super.parseAsync<T>(uri, text, cancellationToken);
    }
}
