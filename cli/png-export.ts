import { chromiumArgs, chromiumHint, findChromiumPath } from './chromium.js';

/**
 * Rasterises the map SVG with a headless Chromium (the system's, through playwright-core),
 * so the PNG shows exactly what the preview shows, CJK fonts included.
 */
export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
    const executablePath = findChromiumPath();
    if (!executablePath) {
        throw new Error(chromiumHint);
    }
    const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const width = Math.ceil(Number(size?.[1] ?? 800));
    const height = Math.ceil(Number(size?.[2] ?? 600));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    try {
        const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
        await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body>${svg}</body></html>`);
        return await page.locator('svg').first().screenshot({ type: 'png' });
    } finally {
        await browser.close();
    }
}
