import chineseMessages from '../l10n/bundle.l10n.zh-cn.json' with { type: 'json' };
import { checkMapsInTheirLanguage } from '../model/node-message-scopes.js';
import { useMessageBundle, useMessageScopes, type MessageBundle } from '../model/localisation.js';

/** The languages `journeymap` speaks; English is the messages as written. */
export const cliLanguages = ['en', 'zh-cn'] as const;
export type CliLanguage = typeof cliLanguages[number];

const bundles: Record<CliLanguage, MessageBundle | undefined> = { en: undefined, 'zh-cn': chineseMessages };

/**
 * The language of the CLI's messages: `--lang` when given, else the locale of the
 * environment in POSIX order (`LC_ALL`, `LC_MESSAGES`, `LANG`): `zh_CN.UTF-8` → zh-cn.
 * Every Chinese locale gets our (simplified) Chinese; anything else, English.
 */
export function chooseCliLanguage(option: string | undefined, env: NodeJS.ProcessEnv): CliLanguage {
    if (option) return option as CliLanguage;
    const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
    return /^zh([_-]|$|\.)/i.test(locale) ? 'zh-cn' : 'en';
}

/** From now on diagnostics, labels of rendered maps and the CLI's own lines are in this language. */
export function useCliLanguage(language: CliLanguage): void {
    useMessageBundle(bundles[language]);
}

/** The language the maps all declare, when we speak it and `--lang` was not given. */
export function languageOfMaps(
    maps: Array<{ language?: string }>,
    explicit: string | undefined
): CliLanguage | undefined {
    const declared = [...new Set(maps.map(map => map.language))];
    return explicit === undefined && declared.length === 1
        ? cliLanguages.find(known => known === declared[0])
        : undefined;
}

/**
 * Runs `draw` in the language the maps declare (`language zh-cn`), when they all declare the
 * same one we speak and `--lang` was not given; then the reader's language again, for the
 * command's own lines (`Wrote …`).
 */
export async function inLanguageOfMaps<T>(
    maps: Array<{ language?: string }>,
    explicit: string | undefined,
    draw: () => T | Promise<T>
): Promise<T> {
    const language = languageOfMaps(maps, explicit);
    if (!language) return draw();
    useCliLanguage(language);
    try {
        return await draw();
    } finally {
        useCliLanguage(chooseCliLanguage(undefined, process.env));
    }
}

/**
 * Each map is checked in the language it declares, unless `--lang` was given: then every
 * message is in that language (see language/node-message-scopes.ts).
 */
export function checkInLanguageOfMaps(explicit: string | undefined): void {
    if (explicit === undefined) checkMapsInTheirLanguage();
    else useMessageScopes(undefined);
}
