import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver';
import type { Journey, JourneyAstType, JourneyFile, Persona } from '../generated/ast.js';
import { IssueCodes } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { stepsOf } from '../journey-scope.js';
import { t } from '../../model/localisation.js';
import { reportDuplicates, reportRepeated } from './repeated-names.js';

/** Names: unique in their file and journey, repeated lines, and declarations nobody uses. */
export function registerNameChecks(services: JourneyServices): void {
    const checks = new NameChecks(services);
    const registered: ValidationChecks<JourneyAstType> = {
        JourneyFile: [checks.checkUniqueTopLevelNames, checks.checkUnused],
        Journey: checks.checkJourney,
        Persona: checks.checkPersona
    };
    services.validation.ValidationRegistry.register(registered, checks);
}

class NameChecks {
    private readonly services: JourneyServices;

    constructor(services: JourneyServices) {
        this.services = services;
    }

    checkUniqueTopLevelNames(file: JourneyFile, accept: ValidationAcceptor): void {
        reportDuplicates(file.elements, element => `${element.$type}:${element.name}`, accept, t('this file'));
    }

    checkUnused(file: JourneyFile, accept: ValidationAcceptor): void {
        // Asking the index costs a pass over every reference of the workspace: only for a file that declares something.
        if (!file.elements.some(element => unusedCodes[element.$type])) return;
        const uri = AstUtils.getDocument(file).uri;
        const used = this.services.shared.workspace.IndexManager.referencedPaths(uri);
        const locator = this.services.workspace.AstNodeLocator;
        for (const element of file.elements) {
            const kind = unusedCodes[element.$type];
            const path = kind && locator.getAstNodePath(element);
            if (kind && !used.has(path)) {
                // `target` names the node as references do: a check split over threads drops the hint if another thread uses it.
                accept('hint', kind.message(element.name), {
                    node: element, property: 'name', code: kind.code, tags: [DiagnosticTag.Unnecessary],
                    data: { code: kind.code, target: `${uri.toString()}#${path}` }
                });
            }
        }
    }

    checkJourney(journey: Journey, accept: ValidationAcceptor): void {
        reportRepeated(journey, 'emotionScales', t('emotion scale'), accept);
        const scope = t("journey '{name}'", { name: journey.name });
        reportDuplicates(journey.stages, stage => stage.name, accept, scope);
        reportDuplicates(stepsOf(journey), step => step.name, accept, scope);
    }

    checkPersona(persona: Persona, accept: ValidationAcceptor): void {
        reportRepeated(persona, 'roles', t('role'), accept);
        reportRepeated(persona, 'quotes', t('quote'), accept);
    }
}

const unusedCodes: Record<string, { code: string; message: (name: string) => string }> = {
    Persona: { code: IssueCodes.UnusedPersona, message: name => t("Persona '{name}' is never used.", { name }) },
    Channel: { code: IssueCodes.UnusedChannel, message: name => t("Channel '{name}' is never used.", { name }) },
    MetricDefinition: { code: IssueCodes.UnusedMetric, message: name => t("Metric '{name}' is never used.", { name }) }
};
