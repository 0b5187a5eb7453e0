import type { MessageBundle } from '../model/localisation.js';

/** What the extension tells the language server when it starts it (`initializationOptions`). */
export interface JourneyInitializationOptions {
    /** The editor's message bundle (`vscode.l10n.bundle`); none means English. */
    messages?: MessageBundle;
}
