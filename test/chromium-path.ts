import { existsSync } from 'node:fs';

/** Where Chrome or Chromium usually is on Linux and macOS. */
export const usualChromiumPaths = [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
];

export const chromiumHint =
    'No Chromium found: install it (Debian: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary.';

/** CHROME_PATH, else the first usual path that exists. */
export function findChromiumPath(): string | undefined {
    const configured = process.env.CHROME_PATH;
    if (configured) return existsSync(configured) ? configured : undefined;
    return usualChromiumPaths.find(path => existsSync(path));
}

/** Flags for a headless Chromium on a machine without network or GPU. */
export const chromiumArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];
