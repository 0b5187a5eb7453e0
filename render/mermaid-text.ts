/**
 * Text from a .journey file made safe inside Mermaid source: one line, no directive or
 * comment markers (`%%`), and none of the characters Mermaid's journey and flowchart
 * syntaxes give a meaning (`:` `;` `#`), replaced by look-alikes. Angle brackets become
 * look-alikes too: some Mermaid diagrams put text into the page as HTML before they
 * sanitise it, and a `<img onerror=…>` must never reach a parser.
 */
export function mermaidText(value: string): string {
    return value
        .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
        .replace(/%%/g, '% %')
        .replace(/:/g, '∶')
        .replace(/;/g, '；')
        .replace(/#/g, '＃')
        .replace(/[{}]/g, match => (match === '{' ? '(' : ')'))
        .replace(/</g, '‹')
        .replace(/>/g, '›')
        .trim();
}

/** A flowchart node label: quoted, with quotes as Mermaid's entity code. */
export function mermaidLabel(value: string): string {
    return `"${mermaidText(value).replace(/"/g, '#quot;')}"`;
}

/** Mermaid's line breaks as writers type them: `<br>`, `<br/>`, `<br />`, `</br>`. */
const lineBreak = /<\/?br\s*\/?>/gi;

/**
 * Text for a journey diagram's title, section or task: as `mermaidText`, but the line breaks
 * Mermaid draws (`Line1<br>Line2`) are kept exactly as written. Only that one tag passes; any
 * other angle bracket still becomes a look-alike.
 */
export function mermaidJourneyText(value: string): string {
    const breaks = value.match(lineBreak) ?? [];
    return value.split(lineBreak).map((part, index) => mermaidText(part) + (breaks[index] ?? '')).join('').trim();
}
