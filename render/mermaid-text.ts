/**
 * Text from a .journey file made safe inside Mermaid source: one line, no directive or
 * comment markers (`%%`), and none of the characters Mermaid's journey and flowchart
 * syntaxes give a meaning (`:` `;` `#`), replaced by look-alikes.
 */
export function mermaidText(value: string): string {
    return value
        .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
        .replace(/%%/g, '% %')
        .replace(/:/g, '∶')
        .replace(/;/g, '；')
        .replace(/#/g, '＃')
        .replace(/[{}]/g, match => (match === '{' ? '(' : ')'))
        .trim();
}

/** A flowchart node label: quoted, with quotes and angle brackets as Mermaid entity codes. */
export function mermaidLabel(value: string): string {
    return `"${mermaidText(value).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[[\]]/g, m => (m === '[' ? '(' : ')'))}"`;
}
