import {
    AstUtils, DefaultDocumentValidator,
    type AstNode, type Lexer, type AstReflection, type LangiumDocument, type ScopeProvider, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { forEachNode } from './journey-ast-walk.js';
import { didYouMean } from './did-you-mean.js';
import { CheckResults, planCheckReuse } from './journey-check-reuse.js';
import type { JourneyLinker } from './journey-linker.js';
import type { DataSources } from '../metrics/data-sources.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import type { JourneyServices } from './journey-module.js';
import { t } from './localisation.js';
import { appendAll } from './large-arrays.js';
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
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    private readonly scopeProvider: ScopeProvider;
    private readonly reflection: AstReflection;
    private readonly linker: JourneyLinker;
    private readonly dataSources: DataSources;
    private readonly lexer: Lexer;
    /** What the checks of each node gave in the last complete validation of a document. */
    private readonly lastResults = new WeakMap<LangiumDocument, CheckResults>();

    constructor(services: JourneyServices) {
        super(services);
        this.scopeProvider = services.references.ScopeProvider;
        this.reflection = services.shared.AstReflection;
        this.linker = services.references.Linker as JourneyLinker;
        this.dataSources = services.journey.DataSources;
        this.lexer = services.parser.Lexer;
    }

    /** A text that was refused or whose build failed (see journey-text-guard.ts) gets its one diagnostic, and nothing else. */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const refusal = refusalOf(document.parseResult);
        if (refusal) {
            const data: IssueData = { code: refusal.code };
            const start = { line: refusal.line, character: 0 };
            return [{ severity: DiagnosticSeverity.Error, range: { start, end: start }, message: refusal.message, code: refusal.code, source: this.getSource(), data }];
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return [...explainSyntaxErrors(document, diagnostics, text => this.lexer.tokenize(text).tokens), ...textStyleDiagnostics(document)];
    }

    /** In the order of the text: a partial relink (see JourneyLinker.link) puts the references it redid at the end of the document's list. */
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
            const names = this.scopeProvider.getScope(error.info).getAllElements().map(element => element.name);
            const suggestions = didYouMean(name, names);
            const data: IssueData = { code: IssueCodes.UnresolvedReference, suggestions, missingType: type, missingName: name };
            linkingErrors.push(this.toDiagnostic('error', unresolvedMessage(type, kind, name, suggestions), {
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

    /**
     * Langium's, over the document's node list, with each type's checks looked up once per run
     * instead of once per node; after an edit inside one step, only the checks that can give
     * something new run, and the rest of the diagnostics come from the last run (see planCheckReuse).
     */
    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const document = AstUtils.getDocument(rootNode);
        const results = new CheckResults(document.parseResult, this.categoriesRun(document, options), this.dataSources.generation);
        const reuse = planCheckReuse(this.lastResults.get(document), results, this.linker.partialRelinkOf(document));
        const diagnostics: Diagnostic[] = [];
        let checked: AstNode = rootNode;
        const acceptor: ValidationAcceptor = (severity, message, info) => {
            const diagnostic = this.toDiagnostic(severity, message, info);
            diagnostics.push(diagnostic);
            results.record(checked, diagnostic);
        };
        const checksByType = new Map<string, ValidationCheck[]>();
        const checksOf = (type: string) => {
            let checks = checksByType.get(type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(type, options.categories).toArray();
                checksByType.set(type, checks);
            }
            return checks;
        };
        await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
        await forEachNode(document, cancelToken, node => {
            checked = node;
            if (!reuse || reuse.mustCheck(node)) {
                return runChecks(checksOf(node.$type), node, acceptor, cancelToken);
            }
            for (const diagnostic of reuse.reused(node)) {
                diagnostics.push(diagnostic);
                results.record(node, diagnostic);
            }
        });
        checked = rootNode;
        await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
        this.lastResults.set(document, results);
        return diagnostics;
    }

    /** The categories of checks this validation runs (Langium's builder runs the slow ones only when asked), as one string. */
    private categoriesRun(document: LangiumDocument, options: ValidationOptions): string {
        return [...(options.categories ?? this.validationRegistry.getAllValidationCategories(document))].sort().join(' ');
    }
}

/** Runs the checks in order; synchronously as long as they are (see JourneyValidationRegistry). */
function runChecks(checks: ValidationCheck[], node: AstNode, acceptor: ValidationAcceptor, cancelToken: CancellationToken): void | Promise<void> {
    for (let index = 0; index < checks.length; index++) {
        const pending = checks[index](node, acceptor, cancelToken);
        if (pending) return finishChecks(pending, checks.slice(index + 1), node, acceptor, cancelToken);
    }
}

async function finishChecks(pending: Promise<void>, rest: ValidationCheck[], node: AstNode, acceptor: ValidationAcceptor, cancelToken: CancellationToken): Promise<void> {
    await pending;
    for (const check of rest) {
        await check(node, acceptor, cancelToken);
    }
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
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
