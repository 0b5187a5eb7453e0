import type { JourneyFile } from '../language/generated/ast.js';
import { chooseCliLanguage, languageOfMaps, useCliLanguage } from './cli-language.js';
import type { LoadedWorkspace } from './load-workspace.js';

/**
 * Each map's diagnostics in the language it declares (`language zh-cn`), as its rendering is,
 * unless `--lang` says otherwise: a map in another language than the reader's is checked again
 * in its own. Codes, ranges and severities are the same in every language.
 */
export async function diagnoseInLanguageOfEachMap(loaded: LoadedWorkspace, explicit: string | undefined): Promise<void> {
    const reader = chooseCliLanguage(explicit, process.env);
    for (const document of loaded.documents) {
        const declared = (document.parseResult.value as Partial<JourneyFile>).language?.toLowerCase();
        const language = languageOfMaps([{ language: declared }], explicit);
        if (!language || language === reader) continue;
        useCliLanguage(language);
        try {
            const diagnostics = await loaded.services.validation.DocumentValidator.validateDocument(document);
            document.diagnostics = diagnostics;
        } finally {
            useCliLanguage(reader);
        }
    }
}
