import { t, type MessageBundle } from '../model/localisation.js';
import { escapeXml } from '../render/svg.js';
import { viewsOf } from '../model/view-registry.js';

/**
 * The webview's page: a strict Content-Security-Policy (nothing by default, scripts only
 * with this page's nonce, styles from our bundle and inline for the SVG's own <style>),
 * one bundled script, and nothing from the .journey file — the model arrives by message.
 */
export interface PreviewPageOptions {
    nonce: string;
    /** `webview.cspSource`: where the webview may load our bundled files from. */
    cspSource: string;
    scriptUri: string;
    /** The editor's message bundle, handed to the page's script as data (never run). */
    messages?: MessageBundle;
}

export function previewHtml({ nonce, cspSource, scriptUri, messages }: PreviewPageOptions): string {
    const csp = [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'unsafe-inline'`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(t('Journey preview'))}</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="${escapeXml(t('Preview'))}">
  <div id="views" role="tablist">
${viewButtons()}
  </div>
  <span id="compare-bar" hidden><span id="compare-label"></span> <button id="compare-close">${escapeXml(t('Close compare'))}</button></span>
  <select id="journey-picker" aria-label="${escapeXml(t('Journey'))}" hidden></select>
  <select id="persona-picker" aria-label="${escapeXml(t('Persona'))}" hidden></select>
  <span id="window-bar" hidden><button id="window-overview">${escapeXml(t('‹ Overview'))}</button> <button id="window-previous" aria-label="${escapeXml(t('Previous part'))}">‹</button> <span id="window-label"></span> <button id="window-next" aria-label="${escapeXml(t('Next part'))}">›</button></span>
  <span class="spacer"></span>
  <button id="zoom-out" aria-label="${escapeXml(t('Zoom out'))}">−</button>
  <button id="zoom-reset" aria-label="${escapeXml(t('Actual size'))}">100%</button>
  <button id="zoom-in" aria-label="${escapeXml(t('Zoom in'))}">+</button>
</div>
<div id="banner" role="alert" hidden></div>
${storyBar()}
<div id="viewport"><div id="canvas"><p class="placeholder">${escapeXml(t('Open a .journey file to see its map.'))}</p></div></div>
<script id="messages" type="application/json">${jsonInHtml(messages ?? {})}</script>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>
`;
}

/** Where a story's slide is played: its note, which slide of how many, and buttons to move and to close. */
function storyBar(): string {
    const button = (id: string, label: string, text: string) =>
        `<button id="${id}" aria-label="${escapeXml(label)}">${text}</button>`;
    return `<div id="story-bar" role="region" aria-label="${escapeXml(t('Story'))}" hidden>`
        + `${button('story-previous', t('Previous slide'), '←')} <span id="story-count"></span> `
        + `${button('story-next', t('Next slide'), '→')} <strong id="story-note"></strong> `
        + `${button('story-close', t('Close the story'), '×')}</div>`;
}

/** The built-in views' buttons; the page adds the file's named views when a map arrives. */
function viewButtons(): string {
    return viewsOf(undefined, 'preview')
        .map(view => `    <button role="tab" data-view="${view.id}">${escapeXml(view.label)}</button>`).join('\n');
}

/** JSON inside a <script> data block: `<` escaped, so no text can close the block. */
function jsonInHtml(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A fresh nonce for each page load: 128 bits from the platform's cryptographic generator, in hex. */
export function createNonce(): string {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}
