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

/**
 * Where a host can run work in another language than its own (a map that says `language zh-cn`
 * checked in an English editor): `current` is the bundle of the work under way, if any, and
 * `run` runs work with one. Node gives both with AsyncLocalStorage (node-message-scopes.ts);
 * without them every message is in the host's language.
 */
export interface MessageScopes {
    current(): MessageBundle | undefined;
    run<T>(bundle: MessageBundle, work: () => T): T;
    /** The bundles of the languages a map may declare; English is `{}`. */
    bundles: Readonly<Record<string, MessageBundle>>;
}

let scopes: MessageScopes | undefined;

/** The host's translation (its bundle, from useMessageBundle); under this name the build's extraction skips it. */
const hostTranslation = l10n.t;

/** Translates a message and fills its `{name}` (or `{0}`) placeholders, in the language of the work under way. */
export function t(message: string, ...args: Array<string | number | boolean | Record<string, unknown>>): string {
    const scoped = scopes?.current();
    if (scoped) return fillPlaceholders(scoped[message] ?? message, args);
    return hostTranslation(message, ...(args as [Record<string, string | number | boolean>]));
}

/** Makes `t` answer from this bundle from now on; `undefined` means English. */
export function useMessageBundle(bundle: MessageBundle | undefined): void {
    l10n.config({ contents: bundle ?? {} });
}

/** Lets work run in the language a map declares (see MessageScopes); `undefined`: only the host's language. */
export function useMessageScopes(given: MessageScopes | undefined): void {
    scopes = given;
}

/** Runs `work` with its messages in `language` (`zh-cn`), where the host can and has that language's bundle. */
export function inMessageLanguage<T>(language: string | undefined, work: () => T): T {
    const bundle = language === undefined ? undefined : scopes?.bundles[language.toLowerCase()];
    return bundle && scopes ? scopes.run(bundle, work) : work();
}

/** `{name}` from a record, `{0}` from the arguments in order, as `@vscode/l10n` fills them. */
function fillPlaceholders(template: string, args: Array<string | number | boolean | Record<string, unknown>>): string {
    const named = args.length === 1 && typeof args[0] === 'object' ? args[0] : undefined;
    return template.replace(/\{([^}]+)\}/g, (whole, key: string) => {
        const value = named ? named[key] : args[Number(key)];
        return value === undefined ? whole : String(value);
    });
}
