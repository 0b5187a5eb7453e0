import stringWidth from 'string-width';

/**
 * Columns aligned for a terminal, measured by display width (a CJK character takes two
 * columns), two spaces apart; trailing spaces trimmed.
 */
export function formatTextTable(header: string[], rows: string[][]): string {
    const widths = header.map((title, column) =>
        Math.max(stringWidth(title), ...rows.map(row => stringWidth(row[column] ?? '')))
    );
    const line = (cells: string[]) =>
        cells
            .map((cell, column) => cell + ' '.repeat(widths[column] - stringWidth(cell)))
            .join('  ')
            .trimEnd();
    return [line(header), ...rows.map(line)].join('\n');
}
