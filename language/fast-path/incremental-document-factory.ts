import type { AstNode, LangiumDocument, ParseResult, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { JourneyDocumentFactory } from '../journey-document-factory.js';
import { refusalOf } from '../journey-text-guard.js';
import type { FastPathDocuments } from './fast-path-documents.js';
import type { FastPathSharedServices } from './fast-path-module.js';
import { reparseEdit } from './incremental-parse.js';
import { parseStageByStage } from './staged-parse.js';

/**
 * The document factory that tries to parse only the step or stage an edit is in (see
 * `reparseEdit`), and parses a large map a stage at a time, letting other requests in
 * between (see `parseStageByStage`); otherwise, the whole text as Langium does.
 */
export class IncrementalDocumentFactory extends JourneyDocumentFactory {
    private readonly memory: FastPathDocuments;
    /** The documents being updated, by URI: Langium's `parseAsync` is given the URI only. */
    private readonly updating = new Map<string, LangiumDocument>();

    constructor(services: FastPathSharedServices) {
        super(services);
        this.memory = services.fastPath.Documents;
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.updating.set(key, document);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
    }

    protected override async parseAccepted<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const parser = this.servicesFor(uri).parser.LangiumParser;
        const document = this.updating.get(uri.toString());
        const previous = document?.parseResult;
        const graft = document && previous && !refusalOf(previous) ? reparseEdit(previous, text, parser) : undefined;
        if (document && graft) {
            this.memory.grafted(document, graft);
            return graft.result as ParseResult<T>;
        }
        const inParts = await parseStageByStage(text, parser, cancellationToken);
        return inParts ? inParts as ParseResult<T> : super.parseAccepted<T>(uri, text, cancellationToken);
    }
}
