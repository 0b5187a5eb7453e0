import { existsSync } from 'node:fs';
import type { Resvg } from '@resvg/resvg-js';
import { withResolvedColours, type MapTheme } from '../render/map-theme.js';

/**
 * Where Debian (and most Linux systems) keep the fonts the map needs: a CJK font — the light
 * WenQuanYi Micro Hei first, since resvg spends a second loading Noto's large collection — and
 * DejaVu Sans for Latin text and the symbols the map uses (✗, ⏏).
 */
export const usualCjkFontFiles = [
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
];
export const usualLatinFontFiles = [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
];

/** The first usual CJK font that exists, and the Latin ones. */
export function usualFontFiles(): string[] {
    const cjk = usualCjkFontFiles.find(file => existsSync(file));
    return [...(cjk ? [cjk] : []), ...usualLatinFontFiles.filter(file => existsSync(file))];
}

export interface PngOptions {
    /** Pixels per SVG unit. */
    scale: number;
    theme: MapTheme;
    /** Font files to draw with instead of the usual ones (`--font`). */
    fonts?: string[];
}

/**
 * Rasterises the map SVG in-process with resvg: no browser. The theme's colours are written out
 * (resvg knows no CSS variables), and the fonts are the given files, else the usual system ones
 * that exist, else whatever the system has.
 */
export async function svgToPng(svg: string, options: PngOptions): Promise<Buffer> {
    return (await rasterise(svg, options)).asPng();
}

/** The map drawn into pixels (RGBA in `pixels`), before PNG encoding. */
export async function rasterise(svg: string, options: PngOptions): Promise<ReturnType<Resvg['render']>> {
    const missing = (options.fonts ?? []).filter(file => !existsSync(file));
    if (missing.length > 0) throw new Error(`Font file not found: ${missing.join(', ')}`);
    const fontFiles = options.fonts ?? usualFontFiles();
    // Loaded here, not with the bundle: its native library would cost every other command's start.
    const { Resvg } = await import('@resvg/resvg-js');
    const resvg = new Resvg(withoutLigatures(withResolvedColours(svg, options.theme)), {
        fitTo: { mode: 'zoom', value: options.scale },
        font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'DejaVu Sans' }
    });
    return resvg.render();
}

/**
 * resvg 2.6 loses its font fallback after a ligature: in "Customer effort: 5 ✗ 未达标" drawn
 * in DejaVu Sans, the "ff" ligature left the Chinese after it as empty boxes. An invisible
 * zero-width non-joiner after each `f` that would start one (ff, fi, fl) keeps the letters
 * apart; only the text of the picture changes, never the SVG the other formats write.
 */
function withoutLigatures(svg: string): string {
    return svg.replace(
        /(<(?:text|tspan)\b[^>]*>)([^<]*)/g,
        (_match, open: string, text: string) => open + text.replace(/f(?=[fil])/g, 'f\u200C')
    );
}
