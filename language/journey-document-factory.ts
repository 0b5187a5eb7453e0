import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { JourneyServices } from './journey-module.js';
import { fileTooLarge, refusedParse, refuseText, type TextLimits } from './journey-text-guard.js';

/**
 * A document factory (Langium's, or the lean layer's) that first refuses texts over the size
 * limits or binary (see journey-text-guard.ts): a file over the limit in the workspace scan is
 * not even read.
 */
export function journeyDocumentFactory(Base: typeof DefaultLangiumDocumentFactory) {
    return class JourneyDocumentFactory extends Base {
        override async fromUri<T extends AstNode = AstNode>(uri: URI, cancellationToken = CancellationToken.None): Promise<LangiumDocument<T>> {
            const { journey, parser } = this.servicesFor(uri);
            const [size, limits] = await Promise.all([journey.Workspace.sizeOf(uri), journey.TextLimits.current()]);
            if (size !== undefined && size > limits.maxFileBytes) {
                return this.createLangiumDocument(refusedParse<T>(parser.LangiumParser, fileTooLarge(size, limits)), uri, undefined, '');
            }
            return super.fromUri<T>(uri, cancellationToken);
        }

        protected override parse<T extends AstNode>(uri: URI, text: string, options?: Parameters<DefaultLangiumDocumentFactory['parse']>[2]): ParseResult<T> {
            return this.refused<T>(uri, text, this.servicesFor(uri).journey.TextLimits.known) ?? super.parse<T>(uri, text, options);
        }

        protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
            const refused = this.refused<T>(uri, text, await this.servicesFor(uri).journey.TextLimits.current());
            return refused ?? super.parseAsync<T>(uri, text, cancellationToken);
        }

        private refused<T extends AstNode>(uri: URI, text: string, limits: TextLimits): ParseResult<T> | undefined {
            const refusal = refuseText(text, limits);
            return refusal && refusedParse<T>(this.servicesFor(uri).parser.LangiumParser, refusal);
        }

        protected servicesFor(uri: URI): JourneyServices {
            return this.serviceRegistry.getServices(uri) as JourneyServices;
        }
    };
}
