/** Tiny, escaping SVG writer: every attribute value and text node goes through `escapeXml`. */

export type Attributes = Record<string, string | number | undefined>;

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an attribute value or text node: markup characters as entities; control characters, which XML 1.0 forbids, dropped. */
export function escapeXml(text: string): string {
    // One pass over the text: big maps escape many thousands of strings.
    return text.replace(/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, character => xmlEntities[character] ?? '');
}

/** Numbers with at most one decimal and never `-0`, so output is stable byte for byte. */
export function num(value: number): string {
    const rounded = Math.round(value * 10) / 10;
    return Object.is(rounded, -0) ? '0' : String(rounded);
}

function attributes(attrs: Attributes): string {
    return Object.entries(attrs)
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
        .join('');
}

export function element(name: string, attrs: Attributes = {}, children: string[] | string = []): string {
    const content = Array.isArray(children) ? children.join('') : children;
    return content === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

export function text(content: string, attrs: Attributes): string {
    return element('text', attrs, escapeXml(content));
}

/** Several lines of text, one `<tspan>` each, starting at (x, y) with a given line height. */
export function textLines(lines: string[], x: number, y: number, lineHeight: number, attrs: Attributes = {}): string {
    const spans = lines.map((line, index) => element('tspan', { x, y: y + index * lineHeight }, escapeXml(line)));
    return element('text', attrs, spans);
}
