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
}

export function previewHtml({ nonce, cspSource, scriptUri }: PreviewPageOptions): string {
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
<title>Journey preview</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Preview">
  <div id="views" role="tablist">
    <button role="tab" data-view="map">Map</button>
    <button role="tab" data-view="mermaid">Mermaid journey</button>
    <button role="tab" data-view="paths">Paths</button>
    <button role="tab" data-view="funnel">Funnel</button>
  </div>
  <span id="compare-bar" hidden><span id="compare-label"></span> <button id="compare-close">Close compare</button></span>
  <select id="journey-picker" aria-label="Journey" hidden></select>
  <span class="spacer"></span>
  <button id="zoom-out" aria-label="Zoom out">−</button>
  <button id="zoom-reset" aria-label="Actual size">100%</button>
  <button id="zoom-in" aria-label="Zoom in">+</button>
</div>
<div id="banner" role="alert" hidden></div>
<div id="viewport"><div id="canvas"><p class="placeholder">Open a .journey file to see its map.</p></div></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>
`;
}

/** A fresh random nonce for each page load. */
export function createNonce(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from({ length: 32 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}
