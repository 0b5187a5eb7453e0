/** Real Chromium for tests: Debian's `chromium` driven by playwright-core (no browser download). */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumHint, findChromiumPath } from '../cli/chromium.js';

/** CHROME_PATH, or a usual path; as root, installs Debian's chromium (and CJK fonts) when there is none. */
export function findChromium(): string {
    const found = findChromiumPath();
    if (found) return found;
    if (!process.env.CHROME_PATH && process.getuid?.() === 0) {
        execFileSync('apt-get', ['update'], { stdio: 'inherit' });
        execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
        const installed = findChromiumPath();
        if (installed) return installed;
    }
    throw new Error(chromiumHint);
}

export async function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: findChromium(),
        args: [...chromiumArgs, '--allow-file-access-from-files']
    });
}
