import { DefaultDocumentValidator, type AstReflection, type LangiumDocument, type ScopeProvider, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { didYouMean } from './did-you-mean.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import type { JourneyServices } from './journey-module.js';
import { t } from './localisation.js';

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
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    private readonly scopeProvider: ScopeProvider;
    private readonly reflection: AstReflection;

    constructor(services: JourneyServices) {
        super(services);
        this.scopeProvider = services.references.ScopeProvider;
        this.reflection = services.shared.AstReflection;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) {
                continue;
            }
            const name = error.info.reference.$refText;
            const type = this.reflection.getReferenceType(error.info);
            const kind = referenceKind(type);
            const names = this.scopeProvider.getScope(error.info).getAllElements().map(element => element.name);
            const suggestions = didYouMean(name, names);
            const data: IssueData = { code: IssueCodes.UnresolvedReference, suggestions, missingType: type, missingName: name };
            diagnostics.push(this.toDiagnostic('error', unresolvedMessage(type, kind, name, suggestions), {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code: IssueCodes.UnresolvedReference,
                data
            }));
        }
    }
}

function unresolvedMessage(type: string, kind: string, name: string, suggestions: string[]): string {
    if (suggestions.length > 0) {
        return t("Unknown {kind} '{name}'. Did you mean {suggestions}?", { kind, name, suggestions: suggestions.map(s => `'${s}'`).join(t(' or ')) });
    }
    if (type === 'Step') {
        return t("Unknown step '{name}': `next` must name a step of this journey.", { name });
    }
    return t("Unknown {kind} '{name}': declare it, or import the file that declares it.", { kind, name });
}
