/**
 * Our words in the reader's language, with VS Code's own mechanism (`@vscode/l10n`):
 * every message is written in English where it is used, as the first argument of `t` with its
 * values named in braces, and `l10n/bundle.l10n.<locale>.json` maps it to its translation. Each host loads the
 * bundle once when it starts: the extension from `vscode.l10n.bundle`, the language server
 * and the preview from what the extension passes them, the CLI from `--lang` / `LANG`.
 * Without a bundle every message stays English.
 */
import * as l10n from '@vscode/l10n';

/** English message → its translation, as in `l10n/bundle.l10n.zh-cn.json`. */
export type MessageBundle = Record<string, string>;

/** Translates a message and fills its `{name}` (or `{0}`) placeholders. */
export const t = l10n.t;

/** Makes `t` answer from this bundle from now on; `undefined` means English. */
export function useMessageBundle(bundle: MessageBundle | undefined): void {
    l10n.config({ contents: bundle ?? {} });
}
