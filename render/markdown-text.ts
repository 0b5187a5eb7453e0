/** Text from a .journey file shown in Markdown as text: Markdown and HTML characters escaped, one line. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]<>()#+!|~&]/g, character => `\\${character}`).replace(/\s*\n\s*/g, ' ');
}
