import { DefaultDocumentValidator, type AstReflection, type LangiumDocument, type ScopeProvider, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { didYouMean } from './did-you-mean.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import type { JourneyServices } from './journey-module.js';

/** What a reference points at, in the words of a user. */
export const referenceKinds: Record<string, string> = {
    Persona: 'persona',
    Channel: 'channel',
    MetricDefinition: 'metric',
    DataSource: 'data source',
    Step: 'step'
};

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
            const kind = referenceKinds[type] ?? type;
            const names = this.scopeProvider.getScope(error.info).getAllElements().map(element => element.name);
            const suggestions = didYouMean(name, names);
            const data: IssueData = { code: IssueCodes.UnresolvedReference, suggestions, missingType: type, missingName: name };
            diagnostics.push(this.toDiagnostic('error', unresolvedMessage(kind, name, suggestions), {
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

function unresolvedMessage(kind: string, name: string, suggestions: string[]): string {
    if (suggestions.length > 0) {
        return `Unknown ${kind} '${name}'. Did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?`;
    }
    if (kind === 'step') {
        return `Unknown step '${name}': \`next\` must name a step of this journey.`;
    }
    return `Unknown ${kind} '${name}': declare it, or import the file that declares it.`;
}
