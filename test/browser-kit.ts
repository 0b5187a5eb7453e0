/** Real Chromium for tests: Debian's `chromium` driven by playwright-core (no browser download). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROME_PATH, or a usual path; as root, installs Debian's chromium when there is none. */
export function findChromium(): string {
    const configured = process.env.CHROME_PATH;
    if (configured) {
        if (!existsSync(configured)) throw new Error(`CHROME_PATH=${configured} does not exist.`);
        return configured;
    }
    const found = candidates.find(path => existsSync(path));
    if (found) return found;
    if (process.getuid?.() === 0) {
        execFileSync('apt-get', ['update'], { stdio: 'inherit' });
        execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
        const installed = candidates.find(path => existsSync(path));
        if (installed) return installed;
    }
    throw new Error('No Chromium found: run `sudo apt-get install chromium` or set CHROME_PATH to a Chrome/Chromium binary.');
}

export async function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: findChromium(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--allow-file-access-from-files']
    });
}
