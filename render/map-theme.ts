/**
 * Colours and fonts of the map as CSS variables. Inside VS Code the `--vscode-*` theme
 * variables win, so light, dark and high-contrast themes restyle the map; elsewhere the
 * fallbacks apply, light or dark after the reader's system setting (or a forced theme).
 */
export type MapTheme = 'auto' | 'light' | 'dark';

const light = {
    bg: '#ffffff', fg: '#1f2328', muted: '#59636e', border: '#d1d9e0', card: '#f6f8fa',
    stage1: '#ddf4ff', stage2: '#fbefff', accent: '#0969da', curve: '#8250df',
    pain: '#cf222e', painBg: '#ffebe9', opportunity: '#1a7f37', opportunityBg: '#dafbe1',
    met: '#1a7f37', missed: '#cf222e', neutral: '#9a6700', faceBad: '#ff8182', faceMid: '#eac54f', faceGood: '#4ac26b'
};

const dark: typeof light = {
    bg: '#0d1117', fg: '#e6edf3', muted: '#9198a1', border: '#3d444d', card: '#151b23',
    stage1: '#0c2d6b', stage2: '#3b1f5c', accent: '#4493f8', curve: '#ab7df8',
    pain: '#f85149', painBg: '#3c1618', opportunity: '#3fb950', opportunityBg: '#12261e',
    met: '#3fb950', missed: '#f85149', neutral: '#d29922', faceBad: '#f85149', faceMid: '#d29922', faceGood: '#3fb950'
};

/** Our variable → the VS Code theme colour that should drive it. */
const vscodeColours: Partial<Record<keyof typeof light, string>> = {
    bg: '--vscode-editor-background', fg: '--vscode-editor-foreground', muted: '--vscode-descriptionForeground',
    border: '--vscode-panel-border', card: '--vscode-editorWidget-background', accent: '--vscode-textLink-foreground',
    curve: '--vscode-charts-purple', pain: '--vscode-charts-red', opportunity: '--vscode-charts-green',
    met: '--vscode-charts-green', missed: '--vscode-charts-red', neutral: '--vscode-charts-yellow'
};

function variables(colours: typeof light): string {
    return Object.entries(colours)
        .map(([key, value]) => {
            const vscode = vscodeColours[key as keyof typeof light];
            return `--jm-${key}:${vscode ? `var(${vscode},${value})` : value};`;
        })
        .join('');
}

export function themeCss(theme: MapTheme): string {
    const base = `.jm{${variables(theme === 'dark' ? dark : light)}font-family:var(--vscode-font-family,system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif);}`;
    const automaticDark = theme === 'auto' ? `@media (prefers-color-scheme:dark){.jm{${variables(dark)}}}` : '';
    return base + automaticDark + rules;
}

/** The fonts of a map drawn outside a browser: DejaVu for Latin and symbols (✗, ⏏), then CJK where installed. */
export const standaloneFontFamilies = ['DejaVu Sans', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC'];

/**
 * The theme's CSS with every colour written out and no `var()`: for renderers that know no
 * CSS variables (resvg drew the whole map black with them). Light or dark; `auto` is light.
 */
export function resolvedThemeCss(theme: MapTheme): string {
    const colours = theme === 'dark' ? dark : light;
    const fonts = [...standaloneFontFamilies.map(family => `"${family}"`), 'sans-serif'].join(',');
    const resolved = rules.replace(
        /var\(--jm-(\w+)\)/g,
        (_match, key: string) => colours[key as keyof typeof light] ?? '#000000'
    );
    return `.jm{font-family:${fonts};}${resolved}`;
}

/** The same SVG with its theme's colours written out (see resolvedThemeCss). */
export function withResolvedColours(svg: string, theme: MapTheme): string {
    const css = themeCss(theme);
    if (!svg.includes(css)) throw new Error('The SVG does not hold the map theme it was said to be drawn with.');
    return svg.split(css).join(resolvedThemeCss(theme));
}

const rules = [
    '.jm .bg{fill:var(--jm-bg)}',
    '.jm text{fill:var(--jm-fg)}',
    '.jm .muted{fill:var(--jm-muted)}',
    '.jm .title{font-size:22px;font-weight:700}',
    '.jm .subtitle{font-size:12px}',
    '.jm .lane-label{font-size:11px;font-weight:700;letter-spacing:.06em;fill:var(--jm-muted)}',
    '.jm .card{fill:var(--jm-card);stroke:var(--jm-border)}',
    '.jm .stage-1{fill:var(--jm-stage1)}',
    '.jm .stage-2{fill:var(--jm-stage2)}',
    '.jm .stage-title{font-size:13px;font-weight:700}',
    '.jm .step-title{font-size:13px;font-weight:600}',
    '.jm .body{font-size:12px}',
    '.jm .small{font-size:11px}',
    '.jm .rule{stroke:var(--jm-border);stroke-width:1}',
    '.jm .grid{stroke:var(--jm-border);stroke-dasharray:2 4}',
    // The service blueprint: its lines between lanes dashed, a step with a fail point outlined in red.
    '.jm .blueprint-line{stroke:var(--jm-muted);stroke-dasharray:8 4}',
    '.jm .strong{font-weight:600}',
    '.jm .card.fail{stroke:var(--jm-pain);stroke-width:2}',
    '.jm .fail-point{fill:var(--jm-pain)}',
    '.jm .observed.drop{fill:var(--jm-neutral)}',
    // A claim the team holds with low confidence: faded, its box dashed (the lane's legend says so).
    '.jm .low-confidence{opacity:.55}',
    '.jm .low-confidence rect{stroke-dasharray:4 3}',
    // The portfolio: one dot per opportunity, coloured by status.
    '.jm .status-idea{fill:var(--jm-muted)}',
    '.jm .status-planned{fill:var(--jm-accent)}',
    '.jm .status-building{fill:var(--jm-curve)}',
    '.jm .status-shipped{fill:var(--jm-met)}',
    '.jm .status-measured{fill:var(--jm-opportunity)}',
    '.jm .status-dropped{fill:none;stroke:var(--jm-muted);stroke-dasharray:2 2}',
    '.jm .quadrant-line{stroke:var(--jm-muted);stroke-width:1.5;stroke-dasharray:6 4}',
    '.jm .quadrant-label{font-size:12px;font-weight:700;fill:var(--jm-muted);letter-spacing:.04em}',
    // The paths diagram: the map's links above the steps, where customers went below (undocumented dashed).
    '.jm .flow-declared{fill:none;stroke:var(--jm-muted);stroke-width:1.5}',
    '.jm .flow-implied{fill:none;stroke:var(--jm-muted);stroke-width:1.5}',
    '.jm .flow-observed{fill:none;stroke:var(--jm-accent);opacity:.7}',
    '.jm .flow-observed.undocumented{stroke:var(--jm-neutral);stroke-dasharray:6 4}',
    '.jm .curve{fill:none;stroke:var(--jm-curve);stroke-width:3;stroke-linecap:round}',
    '.jm .curve-branch{fill:none;stroke:var(--jm-curve);stroke-width:2;stroke-dasharray:6 5;opacity:.75}',
    '.jm .measured{fill:var(--jm-bg);stroke:var(--jm-curve);stroke-width:2.5}',
    '.jm .measured-link{stroke:var(--jm-curve);stroke-width:1;opacity:.8}',
    '.jm .quote{font-style:italic}',
    // One curve per persona: told apart by colour and by the pattern of the line.
    '.jm .curve-p1{stroke:var(--jm-accent);stroke-dasharray:10 4}',
    '.jm .curve-p2{stroke:var(--jm-opportunity);stroke-dasharray:2 4}',
    '.jm .curve-p3{stroke:var(--jm-pain);stroke-dasharray:10 3 2 3}',
    '.jm .rolled-up-ring{fill:none;stroke:var(--jm-muted);stroke-width:1.5;stroke-dasharray:3 2}',
    '.jm .face-bad{fill:var(--jm-faceBad)}',
    '.jm .face-mid{fill:var(--jm-faceMid)}',
    '.jm .face-good{fill:var(--jm-faceGood)}',
    '.jm .face-line{fill:none;stroke:#1f2328;stroke-width:1.5;stroke-linecap:round}',
    '.jm .face-eye{fill:#1f2328}',
    '.jm .pain{fill:var(--jm-painBg);stroke:var(--jm-pain)}',
    '.jm .opportunity{fill:var(--jm-opportunityBg);stroke:var(--jm-opportunity)}',
    '.jm .mot{fill:var(--jm-neutral)}',
    '.jm .met{fill:var(--jm-met)}',
    '.jm .missed{fill:var(--jm-missed)}',
    '.jm .no-data,.jm .no-target{fill:var(--jm-muted)}',
    '.jm .close{fill:var(--jm-neutral)}',
    '.jm .spark{fill:none;stroke:var(--jm-accent);stroke-width:1.5}',
    '.jm .spark-dot{fill:var(--jm-accent)}',
    '.jm .funnel-bar{fill:var(--jm-stage1);stroke:var(--jm-accent)}',
    '.jm .funnel-value{font-weight:600}',
    '.jm .icon{fill:none;stroke:var(--jm-accent);stroke-width:1.5}',
    '.jm .badge{fill:var(--jm-bg);stroke:var(--jm-accent)}',
    '.jm .selected .card{stroke:var(--jm-accent);stroke-width:2.5}',
    // Compare mode: before and after told apart by dash pattern and point shape, not colour alone.
    '.jm .curve-before{fill:none;stroke:var(--jm-muted);stroke-width:2.5;stroke-dasharray:7 5}',
    '.jm .curve-after{fill:none;stroke:var(--jm-curve);stroke-width:3}',
    '.jm .point-before{fill:var(--jm-bg);stroke:var(--jm-muted);stroke-width:2}',
    '.jm .point-after{fill:var(--jm-curve)}',
    '.jm .change-added .card,.jm .stage.change-added rect{stroke:var(--jm-met);stroke-width:3}',
    '.jm .change-removed .card,.jm .stage.change-removed rect{stroke:var(--jm-missed);stroke-width:3;stroke-dasharray:8 4}',
    '.jm .change-changed .card,.jm .stage.change-changed rect{stroke:var(--jm-neutral);stroke-width:3;stroke-dasharray:2 3}'
].join('');
