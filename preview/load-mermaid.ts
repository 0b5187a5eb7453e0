import { t } from '../model/localisation.js';

export type Mermaid = typeof import('mermaid').default;

/** Our own script element, read while it runs: Mermaid's bundle lies beside it and needs its nonce. */
const ownScript = document.currentScript as HTMLScriptElement | null;
let loading: Promise<Mermaid> | undefined;

/**
 * Mermaid, loaded on first use from `mermaid.js` next to this script, with this script's
 * nonce (the page's Content-Security-Policy runs nothing else), and initialised once.
 */
export function loadMermaid(dark: boolean): Promise<Mermaid> {
    loading ??= new Promise<Mermaid>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('mermaid.js', ownScript?.src ?? document.baseURI).href;
        script.nonce = ownScript?.nonce ?? '';
        script.onload = () => {
            const mermaid = (globalThis as { journeyMermaid?: Mermaid }).journeyMermaid;
            if (!mermaid) return reject(new Error(t('Mermaid could not be loaded.')));
            mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
            resolve(mermaid);
        };
        script.onerror = () => reject(new Error(t('Mermaid could not be loaded.')));
        document.head.append(script);
    });
    // A failed load may be retried on the next draw.
    loading.catch(() => { loading = undefined; });
    return loading;
}
