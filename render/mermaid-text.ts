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
