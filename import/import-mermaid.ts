import { mermaidFences } from './markdown-fences.js';
import { parseMermaidJourney, type MermaidJourneyDiagram, type MermaidProblem } from './mermaid-journey-parser.js';
import { mermaidToJourneyText } from './mermaid-to-journey.js';

export interface MermaidImport {
    /** The .journey text, when every diagram was read without problems. */
    journeyText?: string;
    diagrams: MermaidJourneyDiagram[];
    problems: MermaidProblem[];
}

/**
 * A Mermaid file (`.mmd`), or every `journey` block of a Markdown file, as one .journey
 * text. Markdown blocks holding other Mermaid diagrams are skipped.
 */
export function importMermaid(text: string, source: string, markdown: boolean): MermaidImport {
    const blocks = markdown
        ? mermaidFences(text).filter(block =>
              /^\s*journey\s*$/i.test(
                  block.lines.find(line => line.trim() !== '' && !line.trim().startsWith('%%')) ?? ''
              )
          )
        : [{ lines: text.split(/\r?\n/), firstLine: 1 }];
    if (blocks.length === 0) {
        return {
            diagrams: [],
            problems: [
                { line: 1, column: 1, message: 'no ```mermaid block with a journey diagram in this Markdown file' }
            ]
        };
    }
    const results = blocks.map(block => parseMermaidJourney(block.lines, block.firstLine));
    const diagrams = results.flatMap(result => (result.diagram ? [result.diagram] : []));
    const problems = results.flatMap(result => result.problems);
    return {
        diagrams,
        problems,
        journeyText: problems.length === 0 ? mermaidToJourneyText(diagrams, source) : undefined
    };
}
