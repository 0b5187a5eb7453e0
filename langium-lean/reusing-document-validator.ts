import {
    AstUtils,
    DefaultDocumentValidator,
    type AstNode,
    type LangiumDocument,
    type ValidationAcceptor,
    type ValidationCheck,
    type ValidationOptions
} from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { CheckResults, planCheckReuse } from './check-reuse.js';
import type { LeanDocuments } from './lean-documents.js';
import type { LeanServices } from './lean-module.js';

/**
 * The document validator that runs the checks over the document's node list, with each
 * type's checks looked up once per run instead of once per node; after an edit inside one
 * step, only the checks that can give something new run, and the rest of the diagnostics
 * come from the last run (see planCheckReuse).
 */
export class ReusingDocumentValidator extends DefaultDocumentValidator {
    private readonly memory: LeanDocuments;
    private readonly externalVersion: () => number;
    private readonly looksAcrossTheFile: ReadonlySet<string>;

    constructor(services: LeanServices) {
        super(services);
        this.memory = services.shared.lean.Documents;
        const version = services.lean.Config.externalVersion;
        this.externalVersion = version ? () => version(services) : () => 0;
        this.looksAcrossTheFile = services.lean.Config.looksAcrossTheFile;
    }

    protected override async validateAst(
        rootNode: AstNode,
        options: ValidationOptions,
        cancelToken = CancellationToken.None
    ): Promise<Diagnostic[]> {
        const document = AstUtils.getDocument(rootNode);
        const results = new CheckResults(
            document.parseResult,
            this.categoriesRun(document, options),
            this.externalVersion()
        );
        const reuse = planCheckReuse(
            this.memory.lastCheckResults(document),
            results,
            this.memory.partialRelinkOf(document),
            this.looksAcrossTheFile
        );
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

    /**
     * The categories of checks this validation runs (Langium's builder runs the slow ones only when asked), as one
     * string.
     */
    private categoriesRun(document: LangiumDocument, options: ValidationOptions): string {
        return [...(options.categories ?? this.validationRegistry.getAllValidationCategories(document))]
            .sort()
            .join(' ');
    }
}

/** Runs the checks in order; synchronously as long as they are (see SyncValidationRegistry). */
function runChecks(
    checks: ValidationCheck[],
    node: AstNode,
    acceptor: ValidationAcceptor,
    cancelToken: CancellationToken
): void | Promise<void> {
    for (let index = 0; index < checks.length; index++) {
        const pending = checks[index](node, acceptor, cancelToken);
        if (pending) return finishChecks(pending, checks.slice(index + 1), node, acceptor, cancelToken);
    }
}

async function finishChecks(
    pending: Promise<void>,
    rest: ValidationCheck[],
    node: AstNode,
    acceptor: ValidationAcceptor,
    cancelToken: CancellationToken
): Promise<void> {
    await pending;
    for (const check of rest) {
        await check(node, acceptor, cancelToken);
    }
}
