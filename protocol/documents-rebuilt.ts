import { NotificationType } from 'vscode-jsonrpc';

/**
 * The server rebuilt these documents: because they were edited, or because a file they
 * depend on changed (an imported map, a data file). A preview showing one of them asks
 * for its model again.
 */
export interface DocumentsRebuiltParams {
    uris: string[];
}

export const DocumentsRebuiltNotification = new NotificationType<DocumentsRebuiltParams>('journey/documentsRebuilt');
