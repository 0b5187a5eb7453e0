import {
    AstUtils, WorkspaceCache, type AstNode, type LangiumDocument, type Reference, type ValidationAcceptor, type ValidationChecks
} from 'langium';
import type { Journey, JourneyAstType, Step } from '../generated/ast.js';
import type { JourneyImports } from '../journey-imports.js';
import { IssueCodes } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { t } from '../../model/localisation.js';

/** Unqualified names that two imported files declare. */
export function registerAmbiguityChecks(services: JourneyServices): void {
    const checks = new AmbiguityChecks(services);
    const registered: ValidationChecks<JourneyAstType> = {
        Journey: checks.checkAmbiguousPersonas,
        Step: checks.checkAmbiguousReferences
    };
    services.validation.ValidationRegistry.register(registered, checks);
}

class AmbiguityChecks {
    private readonly imports: JourneyImports;
    private readonly services: JourneyServices;
    /** Per file and type, the imported files that declare each name: asked for every reference of every step. */
    private readonly declaringFiles: WorkspaceCache<string, Map<string, string[]>>;

    constructor(services: JourneyServices) {
        this.services = services;
        this.imports = services.journey.Imports;
        this.declaringFiles = new WorkspaceCache(services.shared);
    }

    checkAmbiguousPersonas(journey: Journey, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(journey);
        journey.personas.forEach((reference, index) => this.reportAmbiguity(document, reference, 'Persona', accept, { node: journey, property: 'personas', index }));
    }

    /** An unqualified name found in two imported files resolves to the first; say so. */
    checkAmbiguousReferences(step: Step, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(step);
        step.personas.forEach((reference, index) => this.reportAmbiguity(document, reference, 'Persona', accept, { node: step, property: 'personas', index }));
        step.channels.forEach((reference, index) => this.reportAmbiguity(document, reference, 'Channel', accept, { node: step, property: 'channels', index }));
        step.metrics.forEach(value => this.reportAmbiguity(document, value.metric, 'MetricDefinition', accept, { node: value, property: 'metric' }));
    }

    private reportAmbiguity(document: LangiumDocument, reference: Reference | undefined, type: string, accept: ValidationAcceptor,
        location: { node: AstNode; property: string; index?: number }): void {
        const name = reference?.$refText;
        // No reference (text that did not parse), a qualified one, or one resolved in this file: nothing is ambiguous.
        if (!reference || !name || name.includes('.') || !reference.ref || AstUtils.getDocument(reference.ref) === document) {
            return;
        }
        const declaringFiles = this.filesDeclaring(document, type).get(name) ?? [];
        if (declaringFiles.length > 1) {
            accept('warning', t("'{name}' is declared in {files}; qualify it (for example `namespace.{name}`) to choose one.", { name, files: declaringFiles.join(t(' and ')) }), {
                ...location, code: IssueCodes.AmbiguousReference, data: { code: IssueCodes.AmbiguousReference }
            } as never);
        }
    }

    /** The imported files that declare each name of a type, by file name. */
    private filesDeclaring(document: LangiumDocument, type: string): Map<string, string[]> {
        return this.declaringFiles.get(`${document.uri.toString()}#${type}`, () => {
            const imported = this.imports.importedDocuments(document);
            const files = new Map<string, string[]>();
            if (imported.size === 0) return files;
            for (const description of this.services.shared.workspace.IndexManager.allElements(type, new Set(imported.keys()))) {
                const file = description.documentUri.path.split('/').pop()!;
                const known = files.get(description.name);
                if (!known) files.set(description.name, [file]);
                else if (!known.includes(file)) known.push(file);
            }
            return files;
        });
    }
}
