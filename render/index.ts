/** The renderers: pure functions from the JourneyModel to text. */
export { renderJourneyMapSvg, type MapRenderOptions } from './journey-map-svg.js';
export { renderJourneyHtml } from './journey-html.js';
export { renderJourneyMarkdown } from './journey-markdown.js';
export { renderMermaidJourney, toFivePointScale } from './mermaid-journey.js';
export { renderMermaidFlowchart } from './mermaid-flowchart.js';
export { renderFunnelSvg } from './funnel-svg.js';
export { renderJourneyOverviewSvg } from './journey-overview-svg.js';
export { renderBlueprintSvg } from './blueprint-svg.js';
export { renderPortfolioSvg } from './portfolio-svg.js';
export { renderJourneyView, resolveView, svgDataUrl } from './journey-view.js';
export { modelOfView, renderNamedViewSvg } from './named-view.js';
export type { MapTheme } from './map-theme.js';
