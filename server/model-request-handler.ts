import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import type { JourneyServices } from '../language/journey-module.js';
import { ModelRequest, type ModelRequestResult } from '../protocol/model-request.js';
import { t } from '../model/localisation.js';
import { SentModels } from './sent-models.js';
import { diagnosticText } from '../protocol/diagnostic-text.js';

/**
 * Answers `journey/model` for the preview: waits until the document is validated, then
 * builds the model (or its delta against the one the asker holds), or reports the first
 * error so the preview can keep its last picture.
 */
export function registerModelRequest(
    connection: Connection,
    shared: LangiumSharedServices,
    journey: JourneyServices
): void {
    const sent = new SentModels();
    connection.onRequest(ModelRequest, async ({ uri, since }, cancelToken): Promise<ModelRequestResult> => {
        const parsed = URI.parse(uri);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, cancelToken);
        const document = shared.workspace.LangiumDocuments.getDocument(parsed);
        if (!document) {
            return { error: { message: t('This file is not open in the language server.'), line: 0, character: 0 } };
        }
        const firstError = document.diagnostics?.find(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
        if (firstError) {
            return {
                error: {
                    message: diagnosticText(firstError),
                    line: firstError.range.start.line,
                    character: firstError.range.start.character
                }
            };
        }
        return sent.answer(uri, await journey.journey.ModelBuilder.build(document), since);
    });
}
