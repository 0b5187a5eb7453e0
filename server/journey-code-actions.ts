import { CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind,
    type CodeAction,
    type CodeActionParams,
    type Diagnostic,
    type Position
} from 'vscode-languageserver';
import { isJourney, isStep, type JourneyFile } from '../language/generated/ast.js';
import { identifierFromTitle } from '../model/journey-names.js';
import { quote, unquote } from '../model/string-literals.js';
import { IssueCodes, type IssueData } from '../language/journey-issue-codes.js';
import { t } from '../model/localisation.js';

/** What "create the missing …" inserts and how the fix is titled, per kind of reference. */
const declarationTemplates: Record<string, { title: (name: string) => string; text: (name: string) => string }> = {
    Persona: {
        title: name => t("Create persona '{name}'", { name }),
        text: name => `persona ${name} "${name}" {\n  role ""\n}\n\n`
    },
    Channel: {
        title: name => t("Create channel '{name}'", { name }),
        text: name => `channel ${name} "${name}" online\n\n`
    },
    MetricDefinition: {
        title: name => t("Create metric '{name}'", { name }),
        text: name => `metric ${name} "${name}" percent\n\n`
    }
};

/**
 * Quick fixes: "did you mean" for unresolved names and unknown data columns, create the
 * missing persona / channel / metric, clamp an emotion into the journey's scale.
 */
export class JourneyCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const promotion = promoteOpportunity(document, params.range.start);
        return [
            ...params.context.diagnostics.flatMap(diagnostic => this.fixesFor(document, diagnostic)),
            ...(promotion ? [promotion] : [])
        ];
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as IssueData | undefined;
        switch (data?.code) {
            case IssueCodes.UnresolvedReference:
                return [
                    ...this.replacements(document, diagnostic, data.suggestions),
                    ...this.createDeclaration(document, diagnostic, data)
                ];
            case IssueCodes.DataColumnUnknown:
            case IssueCodes.UnknownKeyword:
                return this.replacements(document, diagnostic, data.suggestions);
            case IssueCodes.QuoteStyle:
            case IssueCodes.UnclosedString:
            case IssueCodes.FullWidthPunctuation:
            case IssueCodes.ComparisonTypo:
                if (data.replacement === undefined) return [];
                return [
                    this.edit(
                        document,
                        diagnostic,
                        data.replacement === '' ? t('Remove it') : t('Change to {text}', { text: data.replacement }),
                        data.replacement,
                        true
                    )
                ];
            case IssueCodes.EmotionOutOfScale:
                return data.clampedValue === undefined
                    ? []
                    : [
                          this.edit(
                              document,
                              diagnostic,
                              t('Change the emotion to {score}', { score: data.clampedValue }),
                              String(data.clampedValue),
                              true
                          )
                      ];
            default:
                return [];
        }
    }

    private replacements(document: LangiumDocument, diagnostic: Diagnostic, suggestions: string[] = []): CodeAction[] {
        return suggestions.map((suggestion, index) =>
            this.edit(document, diagnostic, t("Change to '{name}'", { name: suggestion }), suggestion, index === 0)
        );
    }

    private createDeclaration(document: LangiumDocument, diagnostic: Diagnostic, data: IssueData): CodeAction[] {
        const template = data.missingType && declarationTemplates[data.missingType];
        if (!template || !data.missingName || data.missingName.includes('.')) {
            return [];
        }
        const position = declarationPosition(document);
        return [
            {
                title: template.title(data.missingName),
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                edit: {
                    changes: {
                        [document.textDocument.uri]: [
                            { range: { start: position, end: position }, newText: template.text(data.missingName) }
                        ]
                    }
                }
            }
        ];
    }

    private edit(
        document: LangiumDocument,
        diagnostic: Diagnostic,
        title: string,
        newText: string,
        isPreferred: boolean
    ): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred,
            edit: { changes: { [document.textDocument.uri]: [{ range: diagnostic.range, newText }] } }
        };
    }
}

/**
 * On an idea written on a step (`opportunity "Show shipping costs"`): declare it at the end of
 * the file, with an id made from its text and the step it addresses, and name it on the step
 * instead — so that it can get an owner, a status and a value.
 */
function promoteOpportunity(document: LangiumDocument, position: Position): CodeAction | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position));
    const step = leaf?.astNode;
    if (!leaf || !isStep(step) || GrammarUtils.findAssignment(leaf)?.feature !== 'opportunities') return undefined;
    const text = unquote(leaf.text);
    const journey = step.$container.$container;
    const file = document.parseResult.value as JourneyFile;
    const taken = new Set(file.elements.map(element => element.name));
    const base = identifierFromTitle(text, 'Opportunity');
    let id = base;
    for (let number = 2; taken.has(id); number++) id = `${base}${number}`;
    const end = document.textDocument.positionAt(document.textDocument.getText().length);
    const declaration = `\nopportunity ${id} ${quote(text)} {\n  status idea\n  addresses ${journey.name}.${step.name}\n}\n`;
    return {
        title: t("Declare '{text}' as an opportunity, to give it an owner and a status", { text }),
        kind: CodeActionKind.RefactorRewrite,
        edit: {
            changes: {
                [document.textDocument.uri]: [
                    { range: leaf.range, newText: id },
                    { range: { start: end, end }, newText: declaration }
                ]
            }
        }
    };
}

/** New declarations go just before the first journey, where readers expect them. */
function declarationPosition(document: LangiumDocument): Position {
    const file = document.parseResult.value as JourneyFile;
    const firstJourney = file.elements.find(isJourney)?.$cstNode;
    if (firstJourney) {
        return { line: firstJourney.range.start.line, character: 0 };
    }
    const text = document.textDocument.getText();
    return document.textDocument.positionAt(text.length);
}
