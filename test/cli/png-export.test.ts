import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { rasterise, usualCjkFontFiles } from '../../cli/png-export.js';
import { renderJourneyMapSvg } from '../../render/index.js';
import { svgDocument } from '../../render/svg-document.js';
import { createTestServices, buildText } from '../journey-test-kit.js';

/** PNG is drawn in-process by resvg: with the theme's colours (no CSS variables) and the system's CJK fonts. */
/** A rasterised picture: its pixels, before PNG encoding. */
type Image = Awaited<ReturnType<typeof rasterise>>;

describe('PNG export without a browser', function () {
    this.timeout(60_000);
    const dejaVu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

    before(function () {
        // The fonts the setup script installs (Debian: fonts-wqy-microhei, fonts-noto-cjk, fonts-dejavu-core).
        assert.ok(
            usualCjkFontFiles.some(file => existsSync(file)),
            'No CJK font: run `bash .ci/setup` (or apt-get install fonts-wqy-microhei).'
        );
    });

    const pixelAt = (image: Image, x: number, y: number) => {
        const offset = (y * image.width + x) * 4;
        return [...image.pixels.subarray(offset, offset + 3)];
    };

    /** Pixels clearly darker than the background inside a box: ink. */
    const inkIn = (image: Image, box: { x: number; y: number; width: number; height: number }) => {
        let ink = 0;
        for (let y = box.y; y < box.y + box.height; y++) {
            for (let x = box.x; x < box.x + box.width; x++) if (pixelAt(image, x, y)[0] < 128) ink++;
        }
        return ink;
    };

    it('paints the theme\'s colours, light and dark, not black', async () => {
        for (const [theme, background] of [['light', [0xff, 0xff, 0xff]], ['dark', [0x0d, 0x11, 0x17]]] as const) {
            const image = await rasterise(svgDocument(100, 50, 't', 'title', 'description', theme, ''), {
                scale: 1,
                theme
            });
            assert.deepEqual(pixelAt(image, 50, 25), background, theme);
        }
    });

    it('draws Chinese text with the system CJK font (and not with a Latin font alone)', async () => {
        const svg = svgDocument(
            200,
            60,
            't',
            't',
            'd',
            'light',
            '<text x="10" y="40" style="font-size:28px">售后维修旅程</text>'
        );
        const box = { x: 0, y: 0, width: 200, height: 60 };
        const withCjk = inkIn(await rasterise(svg, { scale: 1, theme: 'light' }), box);
        const latinOnly = inkIn(await rasterise(svg, { scale: 1, theme: 'light', fonts: [dejaVu] }), box);
        assert.ok(withCjk > 2 * latinOnly + 100, `ink with CJK fonts ${withCjk}, with DejaVu only ${latinOnly}`);
    });

    it('keeps the fallback font after an "ff" ligature (a resvg fault it works around)', async () => {
        const line = (text: string) =>
            svgDocument(300, 40, 't', 't', 'd', 'light', `<text x="10" y="28" style="font-size:20px">${text}</text>`);
        const cjkBox = { x: 150, y: 0, width: 150, height: 40 };
        const afterLigature = inkIn(await rasterise(line('effort: 5 ✗ 未达标'), { scale: 1, theme: 'light' }), cjkBox);
        const noLigature = inkIn(await rasterise(line('efort: 5 ✗ 未达标'), { scale: 1, theme: 'light' }), {
            ...cjkBox,
            x: cjkBox.x - 6
        });
        assert.ok(afterLigature > noLigature * 0.7, `ink after the ligature ${afterLigature}, without ${noLigature}`);
    });

    it('refuses a font file that does not exist, naming it', async () => {
        await assert.rejects(
            () =>
                rasterise(svgDocument(10, 10, 't', 't', 'd', 'light', ''), {
                    scale: 1,
                    theme: 'light',
                    fonts: ['/nope/font.ttf']
                }),
            /Font file not found: \/nope\/font\.ttf/
        );
    });

    it('draws a map with hostile text as text', async () => {
        const services = createTestServices();
        const document = await buildText(
            services,
            'persona P "<script>alert(1)</script>"\njourney J "\\"><img src=x onerror=alert(1)>" {\n  persona P\n  stage S {\n    step A "<svg onload=alert(1)>" { emotion 3 }\n  }\n}\n'
        );
        const model = await services.Journey.journey.ModelBuilder.build(document);
        const image = await rasterise(renderJourneyMapSvg(model, 'J', { theme: 'light' }), {
            scale: 1,
            theme: 'light'
        });
        assert.ok(image.width > 100 && image.height > 100);
    });
});
