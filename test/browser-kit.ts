/** Real Chromium for tests: Debian's `chromium` driven by playwright-core (no browser download). */
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumHint, findChromiumPath } from './chromium-path.js';

/** CHROME_PATH, or a usual path (Debian's chromium, which the setup script installs). */
export function findChromium(): string {
    const found = findChromiumPath();
    if (found) return found;
    throw new Error(`${chromiumHint} (or run \`bash .ci/setup\`)`);
}

export async function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: findChromium(),
        args: [...chromiumArgs, '--allow-file-access-from-files']
    });
}

/** What real Mermaid made of a diagram: its SVG, or the message of the error it threw. */
export interface MermaidResult {
    svg?: string;
    error?: string;
}

/**
 * Renders Mermaid source with the Mermaid package itself, in a page of the browser, so a
 * test knows the text we write is a diagram Mermaid accepts (strict security level).
 */
export async function renderWithMermaid(browser: Browser, sources: string[]): Promise<MermaidResult[]> {
    const page = await browser.newPage();
    try {
        await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
        return await page.evaluate(async texts => {
            const mermaid = (
                window as unknown as {
                    mermaid: {
                        initialize(config: object): void;
                        render(id: string, text: string): Promise<{ svg: string }>;
                    };
                }
            ).mermaid;
            mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
            const results: Array<{ svg?: string; error?: string }> = [];
            for (const [index, text] of texts.entries()) {
                try {
                    results.push({ svg: (await mermaid.render(`m${index}`, text)).svg });
                } catch (error) {
                    results.push({ error: String((error as Error).message ?? error) });
                }
            }
            return results;
        }, sources);
    } finally {
        await page.close();
    }
}
