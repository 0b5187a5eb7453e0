/** The content of one fenced code block of a Markdown file. */
export interface FencedBlock {
    lines: string[];
    /** The 1-based line number of the block's first content line. */
    firstLine: number;
}

/**
 * The ```` ```mermaid ```` (or `~~~mermaid`) blocks of a Markdown text, as CommonMark
 * fences them: the closing fence uses the same character, at least as many times.
 */
export function mermaidFences(markdown: string): FencedBlock[] {
    const lines = markdown.split(/\r?\n/);
    const blocks: FencedBlock[] = [];
    for (let index = 0; index < lines.length; index++) {
        const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[index]);
        if (!open) continue;
        const fence = open[1];
        const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
        const end = lines.findIndex((line, at) => at > index && close.test(line));
        const last = end < 0 ? lines.length : end;
        if (open[2].toLowerCase() === 'mermaid')
            blocks.push({ lines: lines.slice(index + 1, last), firstLine: index + 2 });
        index = last;
    }
    return blocks;
}
