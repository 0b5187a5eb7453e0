import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser-kit.js';
import { modelOf } from '../render/render-kit.js';
import { openPreviewPage, sendToPreview, updateWith, writePreviewPage } from './preview-kit.js';

const map = `journey J {
  stage Look {
    step A "Sees the ad" { emotion 3 pain "Loud ad" next B }
    step B "Compares" { emotion 2 exit }
  }
}
`;

/**
 * VS Code's own colours of its default Light, Dark and High Contrast themes, as it sets them on a
 * webview (and the colour scheme it gives the page: dark for both dark kinds).
 */
const themes = {
    light: {
        bodyClass: 'vscode-light',
        scheme: 'light',
        colours: {
            'editor-background': '#ffffff',
            'editor-foreground': '#3b3b3b',
            'editorWidget-background': '#f8f8f8',
            focusBorder: '#005fb8',
            'button-background': '#005fb8',
            'button-foreground': '#ffffff',
            'input-background': '#ffffff',
            'input-foreground': '#3b3b3b'
        }
    },
    dark: {
        bodyClass: 'vscode-dark',
        scheme: 'dark',
        colours: {
            'editor-background': '#1f1f1f',
            'editor-foreground': '#cccccc',
            'editorWidget-background': '#202020',
            focusBorder: '#0078d4',
            'button-background': '#0078d4',
            'button-foreground': '#ffffff',
            'input-background': '#313131',
            'input-foreground': '#cccccc'
        }
    },
    'high contrast': {
        bodyClass: 'vscode-high-contrast',
        scheme: 'dark',
        colours: {
            'editor-background': '#000000',
            'editor-foreground': '#ffffff',
            'editorWidget-background': '#0c141f',
            focusBorder: '#f38518',
            contrastActiveBorder: '#f38518',
            'button-background': '#000000',
            'button-foreground': '#ffffff',
            'input-background': '#000000',
            'input-foreground': '#ffffff'
        }
    }
};

/** WCAG's contrast ratio of two `rgb(…)` colours as the browser computes them. */
function contrast(first: string, second: string): number {
    const luminance = (colour: string) => {
        const [r, g, b] = colour
            .match(/\d+(\.\d+)?/g)!
            .slice(0, 3)
            .map(Number)
            .map(channel => {
                const c = channel / 255;
                return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
}

function rgb(hex: string): string {
    const [r, g, b] = [1, 3, 5].map(start => parseInt(hex.slice(start, start + 2), 16));
    return `rgb(${r}, ${g}, ${b})`;
}

const style = (page: Page, selector: string, property: string) =>
    page
        .locator(selector)
        .first()
        .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

describe("editing on the preview's map in VS Code's light, dark and high contrast themes (real Chromium)", function () {
    this.timeout(120_000);
    let browser: Browser;

    before(async () => {
        browser = await launchChromium();
    });
    after(async () => browser?.close());

    for (const [name, theme] of Object.entries(themes)) {
        it(`${name}: focus, the "+" and the text box take the theme's colours, each readable on what is under it`, async () => {
            const { page, errors } = await openPreviewPage(browser, writePreviewPage(undefined, 'themes.html'), page =>
                page.emulateMedia({ colorScheme: theme.scheme as 'light' | 'dark' })
            );
            await page.evaluate(({ bodyClass, colours }) => {
                document.body.className = bodyClass;
                for (const [key, value] of Object.entries(colours))
                    document.documentElement.style.setProperty(`--vscode-${key}`, value);
            }, theme);
            await sendToPreview(page, updateWith(await modelOf(map)));
            const focus = rgb(theme.colours.focusBorder);

            await page.locator('#canvas .cell[data-step="A"][tabindex]').focus();
            const card = '#canvas .cell[data-step="A"] rect.card';
            assert.equal(await style(page, card, 'stroke'), focus, 'the focused card is outlined in focusBorder');
            const cardFill = await style(page, card, 'fill');
            assert.ok(contrast(focus, cardFill) >= 3, `focus ${focus} on the card ${cardFill}`);

            await page.locator('#canvas [data-line="pain/0"]').focus();
            const pain = '#canvas [data-line="pain/0"] > rect';
            assert.equal(await style(page, pain, 'stroke'), focus, 'the focused pain is outlined in focusBorder');
            assert.ok(contrast(focus, await style(page, pain, 'fill')) >= 3, 'the outline is seen on the pain');

            const plus = '#canvas .add-button[aria-label="Add a step after A"]';
            const [plusFill, plusMark] = [
                await style(page, `${plus} circle`, 'fill'),
                await style(page, `${plus} path`, 'stroke')
            ];
            assert.equal(plusFill, rgb(theme.colours['button-background']));
            assert.ok(contrast(plusFill, plusMark) >= 4.5, `the "+" ${plusMark} on ${plusFill}`);
            const plusEdge = await style(page, `${plus} circle`, 'stroke');
            assert.ok(contrast(plusEdge, rgb(theme.colours['editor-background'])) >= 3, 'the "+" is seen on the page');

            await page.locator('#canvas .cell[data-step="B"] .step-title').dblclick();
            const box = 'input.edit-in-place';
            const [text, back] = [await style(page, box, 'color'), await style(page, box, 'background-color')];
            assert.equal(back, rgb(theme.colours['input-background']));
            assert.ok(contrast(text, back) >= 4.5, `the text box's ${text} on ${back}`);
            await page.keyboard.press('Escape');
            assert.deepEqual(errors, []);
            await page.close();
        });
    }
});
