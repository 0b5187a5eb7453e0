/** Tiny, escaping SVG writer: every attribute value and text node goes through `escapeXml`. */

export type Attributes = Record<string, string | number | undefined>;

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const markupCharacters = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const markupCharacter = new RegExp(markupCharacters.source);

/**
 * Text for an attribute value or text node: markup characters as entities; control characters, which XML 1.0 forbids,
 * dropped.
 */
export function escapeXml(text: string): string {
    // Big maps escape many thousands of strings, most with nothing to escape: look before replacing.
    return markupCharacter.test(text)
        ? text.replace(markupCharacters, character => xmlEntities[character] ?? '')
        : text;
}

/** Numbers with at most one decimal and never `-0`, so output is stable byte for byte. */
export function num(value: number): string {
    const rounded = Math.round(value * 10) / 10;
    return Object.is(rounded, -0) ? '0' : String(rounded);
}

// A plain loop: a map of 1,000 steps writes some 50,000 attributes.
function attributes(attrs: Attributes): string {
    let written = '';
    for (const key in attrs) {
        const value = attrs[key];
        if (value !== undefined) written += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
    }
    return written;
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
