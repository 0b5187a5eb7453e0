/** Text from a .journey file shown in Markdown as text: Markdown and HTML characters escaped, one line. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]<>()#+!|~&]/g, character => `\\${character}`).replace(/\s*\n\s*/g, ' ');
}

/**
 * A Markdown table: the header as given, every cell escaped onto one line; a cell given as
 * lines keeps them apart with `<br>` (a table row is one line of Markdown).
 */
export function markdownTable(header: string[], rows: Array<Array<string | string[]>>): string {
    const cell = (text: string | string[]) =>
        typeof text === 'string' ? escapeMarkdown(text) : text.map(escapeMarkdown).join('<br>');
    return [
        `| ${header.join(' | ')} |`,
        `|${header.map(() => '---').join('|')}|`,
        ...rows.map(row => `| ${row.map(cell).join(' | ')} |`)
    ].join('\n');
}
