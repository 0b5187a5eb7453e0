import { AstUtils, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { DataSources } from '../journey-data-sources.js';
import { JourneyDocumentValidator } from '../journey-document-validator.js';
import { CheckResults, planCheckReuse } from './check-reuse.js';
import type { FastPathDocuments } from './fast-path-documents.js';
import type { FastPathServices } from './fast-path-module.js';

/**
 * The document validator that runs the checks over the document's node list, with each
 * type's checks looked up once per run instead of once per node; after an edit inside one
 * step, only the checks that can give something new run, and the rest of the diagnostics
 * come from the last run (see planCheckReuse).
 */
export class ReusingDocumentValidator extends JourneyDocumentValidator {
    private readonly memory: FastPathDocuments;
    private readonly dataSources: DataSources;

    constructor(services: FastPathServices) {
        super(services);
        this.memory = services.shared.fastPath.Documents;
        this.dataSources = services.journey.DataSources;
    }

    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const document = AstUtils.getDocument(rootNode);
        const results = new CheckResults(document.parseResult, this.categoriesRun(document, options), this.dataSources.generation);
        const reuse = planCheckReuse(this.memory.lastCheckResults(document), results, this.memory.partialRelinkOf(document));
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
        await this.memory.forEachNode(document, cancelToken, node => {
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
        this.memory.setCheckResults(document, results);
        return diagnostics;
    }

    /** The categories of checks this validation runs (Langium's builder runs the slow ones only when asked), as one string. */
    private categoriesRun(document: LangiumDocument, options: ValidationOptions): string {
        return [...(options.categories ?? this.validationRegistry.getAllValidationCategories(document))].sort().join(' ');
    }
}

/** Runs the checks in order; synchronously as long as they are (see SyncValidationRegistry). */
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
