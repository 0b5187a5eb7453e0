import { AsyncLocalStorage } from 'node:async_hooks';
import chineseMessages from '../l10n/bundle.l10n.zh-cn.json' with { type: 'json' };
import { useMessageScopes, type MessageBundle } from './localisation.js';

/**
 * On Node (the language server, the CLI): a map that declares its language (`language zh-cn`)
 * is checked in it, whatever the language of the editor or the shell. AsyncLocalStorage keeps
 * the language with the check through its awaits, so a hover answered meanwhile for another
 * file keeps the editor's. (A browser worker has no such storage: there the editor's language
 * is used for every file.)
 */
export function checkMapsInTheirLanguage(): void {
    const storage = new AsyncLocalStorage<MessageBundle>();
    useMessageScopes({
        current: () => storage.getStore(),
        run: (bundle, work) => storage.run(bundle, work),
        bundles: { en: {}, 'zh-cn': chineseMessages }
    });
}
