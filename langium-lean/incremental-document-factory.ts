import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { LeanDocuments } from './lean-documents.js';
import type { LeanServices, LeanSharedServices } from './lean-module.js';
import { reparseEdit } from './incremental-parse.js';
import { parseBlockByBlock } from './staged-parse.js';

/**
 * The document factory that tries to parse only the node an edit is in (see `reparseEdit`), and
 * parses a large text a block at a time, letting other requests in between (see
 * `parseBlockByBlock`); otherwise, the whole text as Langium does.
 */
export class IncrementalDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly memory: LeanDocuments;
    /** The documents being updated, by URI: Langium's `parseAsync` is given the URI only. */
    private readonly updating = new Map<string, LangiumDocument>();

    constructor(services: LeanSharedServices) {
        super(services);
        this.memory = services.lean.Documents;
    }

    override async update<T extends AstNode = AstNode>(
        document: LangiumDocument<T>,
        cancellationToken: CancellationToken
    ): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.updating.set(key, document);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
    }

    protected override async parseAsync<T extends AstNode>(
        uri: URI,
        text: string,
        cancellationToken: CancellationToken
    ): Promise<ParseResult<T>> {
        const services = this.serviceRegistry.getServices(uri) as LeanServices;
        const {
            parser: { LangiumParser: parser, Lexer: lexer },
            lean: { Config: config }
        } = services;
        const document = this.updating.get(uri.toString());
        const graft = document && reparseEdit(document.parseResult, text, parser, lexer, config.reparsableRules);
        if (document && graft) {
            this.memory.grafted(document, graft);
            return graft.result as ParseResult<T>;
        }
        const inParts =
            config.stagedBlocks && (await parseBlockByBlock(text, parser, config.stagedBlocks, cancellationToken));
        return inParts ? (inParts as ParseResult<T>) : super.parseAsync<T>(uri, text, cancellationToken);
    }
}
