import { displayName, type JourneyMapModel } from '../model/journey-model.js';
import type { MapTheme } from './map-theme.js';
import { escapeXml } from './svg.js';
import { t } from '../model/localisation.js';

const pageStyle: Record<MapTheme, string> = {
    auto: 'body{margin:0;background:#fff}@media (prefers-color-scheme:dark){body{background:#0d1117}}',
    light: 'body{margin:0;background:#fff}',
    dark: 'body{margin:0;background:#0d1117}'
};

/**
 * A standalone HTML page around the map SVG: one file, no script, no network, a
 * Content-Security-Policy that forbids both. Opens offline in any browser.
 */
export function renderJourneyHtml(journey: JourneyMapModel | undefined, svg: string, theme: MapTheme = 'auto'): string {
    const title = journey ? displayName(journey) : t('Journey map');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${pageStyle[theme]}main{overflow:auto}</style>
</head>
<body>
<main>
${svg.trimEnd()}
</main>
</body>
</html>
`;
}
