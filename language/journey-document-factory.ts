import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { reparseEdit } from './journey-incremental-parse.js';
import type { JourneyServices } from './journey-module.js';
import { parseStageByStage } from './journey-staged-parse.js';
import { fileTooLarge, refusalOf, refusedParse, refuseText, type TextLimits } from './journey-text-guard.js';

/**
 * Langium's document factory parses a document's whole text in one go. Ours first refuses
 * texts over the size limits or binary (see journey-text-guard.ts), then tries to parse only
 * the step or stage an edit is in (see `reparseEdit`), and parses a large map a stage at a
 * time, letting other requests in between (see `parseStageByStage`).
 */
export class JourneyDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The tree each document had before the update under way, by URI. */
    private readonly previousTrees = new Map<string, ParseResult>();

    /** A file in the workspace scan that is over the size limit is not read at all. */
    override async fromUri<T extends AstNode = AstNode>(uri: URI, cancellationToken = CancellationToken.None): Promise<LangiumDocument<T>> {
        const { journey, parser } = this.servicesFor(uri);
        const [size, limits] = await Promise.all([journey.Workspace.sizeOf(uri), journey.TextLimits.current()]);
        if (size !== undefined && size > limits.maxFileBytes) {
            return this.createLangiumDocument(refusedParse<T>(parser.LangiumParser, fileTooLarge(size, limits)), uri, undefined, '');
        }
        return super.fromUri<T>(uri, cancellationToken);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previousTrees.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previousTrees.delete(key);
        }
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: Parameters<DefaultLangiumDocumentFactory['parse']>[2]): ParseResult<T> {
        return this.refused<T>(uri, text, this.servicesFor(uri).journey.TextLimits.known) ?? super.parse<T>(uri, text, options);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const { journey, parser } = this.servicesFor(uri);
        const refused = this.refused<T>(uri, text, await journey.TextLimits.current());
        if (refused) return refused;
        const previous = this.previousTrees.get(uri.toString());
        const inParts = (previous && !refusalOf(previous) && reparseEdit(previous, text, parser.LangiumParser))
            ?? await parseStageByStage(text, parser.LangiumParser, cancellationToken);
        return inParts ? inParts as ParseResult<T> : super.parseAsync<T>(uri, text, cancellationToken);
    }

    private refused<T extends AstNode>(uri: URI, text: string, limits: TextLimits): ParseResult<T> | undefined {
        const refusal = refuseText(text, limits);
        return refusal && refusedParse<T>(this.servicesFor(uri).parser.LangiumParser, refusal);
    }

    private servicesFor(uri: URI): JourneyServices {
        return this.serviceRegistry.getServices(uri) as JourneyServices;
    }
}
