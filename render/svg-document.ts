import { themeCss, type MapTheme } from './map-theme.js';
import { element, escapeXml, num } from './svg.js';

/**
 * A standalone, themed SVG with an accessible title and description (`aria-labelledby`);
 * `css` adds rules of this picture only (the steps a story or a diff brings to the front).
 */
export function svgDocument(
    width: number, height: number, id: string, title: string, description: string, theme: MapTheme, body: string,
    css = ''
): string {
    return element('svg', {
        xmlns: 'http://www.w3.org/2000/svg', class: 'jm', width, height, viewBox: `0 0 ${num(width)} ${num(height)}`,
        role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`
    }, [
        element('title', { id: `${id}-title` }, escapeXml(title)),
        element('desc', { id: `${id}-desc` }, escapeXml(description)),
        element('style', {}, themeCss(theme) + css),
        element('rect', { class: 'bg', x: 0, y: 0, width, height }),
        body
    ]) + '\n';
}
