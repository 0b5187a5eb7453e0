/** Every folder whose code says something to a user. */
export const messageFolders: string[];
/** The messages, sorted, and each call whose message is not a string literal (file:line: call). */
export function extractMessages(root: string): { messages: string[]; problems: string[] };
