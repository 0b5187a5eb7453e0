import { DefaultDocumentValidator, type AstReflection, type LangiumDocument, type Lexer, type ScopeProvider, type ValidationOptions } from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { didYouMean } from '../model/did-you-mean.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import type { JourneyServices } from './journey-module.js';
import { inMessageLanguage, t } from '../model/localisation.js';
import { appendAll } from '../langium-lean/large-arrays.js';
import { refusalOf } from './journey-text-guard.js';
import { explainSyntaxErrors } from './journey-syntax-explainer.js';
import { textStyleDiagnostics } from './journey-text-style.js';

/** What a reference points at, in the words of a user (translated when asked, so in the locale of the moment). */
function referenceKind(type: string): string {
    switch (type) {
        case 'Persona': return t('persona');
        case 'Channel': return t('channel');
        case 'MetricDefinition': return t('metric');
        case 'DataSource': return t('data source');
        case 'Step': return t('step');
        default: return type;
    }
}

/** Reports unresolved references with our code, a "did you mean" and what to do. */
export function journeyDocumentValidator(Base: typeof DefaultDocumentValidator) {
    return class JourneyDocumentValidator extends Base {
        private readonly scopeProvider: ScopeProvider;
        private readonly reflection: AstReflection;
        private readonly lexer: Lexer;

        constructor(services: JourneyServices) {
            super(services);
            this.scopeProvider = services.references.ScopeProvider;
            this.reflection = services.shared.AstReflection;
            this.lexer = services.parser.Lexer;
        }

        /**
         * In the language the map declares (`language zh-cn`), where the host can (see inMessageLanguage).
         * A text that was refused or whose build failed (see journey-text-guard.ts) gets its one diagnostic, nothing else.
         */
        override validateDocument(document: LangiumDocument, options: ValidationOptions = {},
            cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
            const language = (document.parseResult.value as { language?: string }).language;
            return inMessageLanguage(language, () => this.validateInLanguage(document, options, cancelToken));
        }

        private async validateInLanguage(document: LangiumDocument, options: ValidationOptions,
            cancelToken: CancellationToken): Promise<Diagnostic[]> {
            const refusal = refusalOf(document.parseResult);
            if (refusal) {
                const data: IssueData = { code: refusal.code };
                const start = { line: refusal.line, character: 0 };
                return [{ severity: DiagnosticSeverity.Error, range: { start, end: start }, message: refusal.message, code: refusal.code, source: this.getSource(), data }];
            }
            const diagnostics = await super.validateDocument(document, options, cancelToken);
            return [...explainSyntaxErrors(document, diagnostics, text => this.lexer.tokenize(text).tokens), ...textStyleDiagnostics(document)];
        }

        /** In the order of the text: the fast path's partial relink (see PartialLinker.link) puts the references it redid at the end of the document's list. */
        protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
            const linkingErrors: Diagnostic[] = [];
            for (const reference of document.references) {
                const error = reference.error;
                if (!error) {
                    continue;
                }
                const name = error.info.reference.$refText;
                const type = this.reflection.getReferenceType(error.info);
                const kind = referenceKind(type);
                const names = this.scopeProvider.getScope(error.info).getAllElements().map(element => element.name).toArray();
                const suggestions = didYouMean(name, names);
                const data: IssueData = { code: IssueCodes.UnresolvedReference, suggestions, missingType: type, missingName: name };
                linkingErrors.push(this.toDiagnostic('error', unresolvedMessage(type, kind, name, suggestions, names), {
                    node: error.info.container,
                    range: reference.$refNode?.range,
                    property: error.info.property,
                    index: error.info.index,
                    code: IssueCodes.UnresolvedReference,
                    data
                }));
            }
            appendAll(diagnostics, linkingErrors.sort(byPosition));
        }
    };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** With no name close enough to guess (`放气` for `放弃`: one character of two), a short list of the names. */
function unresolvedMessage(type: string, kind: string, name: string, suggestions: string[], names: string[]): string {
    if (suggestions.length > 0) {
        return t("Unknown {kind} '{name}'. Did you mean {suggestions}?", { kind, name, suggestions: suggestions.map(s => `'${s}'`).join(t(' or ')) });
    }
    const known = [...new Set(names)].filter(candidate => !candidate.includes('.'));
    const few = known.length > 0 && known.length <= 12;
    const listed = few ? ' ' + t('Known: {names}.', { names: known.join(', ') }) : '';
    if (type === 'Step') {
        return t("Unknown step '{name}': `next` must name a step of this journey.", { name }) + listed;
    }
    return t("Unknown {kind} '{name}': declare it, or import the file that declares it.", { kind, name }) + listed;
}
