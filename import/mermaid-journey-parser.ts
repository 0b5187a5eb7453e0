/**
 * Mermaid's `journey` diagram, read line by line the way its documentation describes it:
 * `journey`, `title …`, `accTitle: …`, `accDescr: …` (or `accDescr { … }`), `section …`,
 * tasks `Task name: <score>: <actor>, <actor>` and `%%` comments. Mistakes are collected
 * with their line and column (1-based) instead of stopping at the first.
 */
import { t } from '../model/localisation.js';

export interface MermaidTask {
    name: string;
    score: number;
    actors: string[];
    /** Comments written just above the task. */
    comments: string[];
    line: number;
}

export interface MermaidSection {
    /** Undefined for tasks written before any `section`. */
    title?: string;
    tasks: MermaidTask[];
    comments: string[];
    line: number;
}

export interface MermaidJourneyDiagram {
    title?: string;
    accTitle?: string;
    accDescr?: string;
    /** Comments above the `journey` line, those before the first section, and those after the last task. */
    leadingComments: string[];
    comments: string[];
    trailingComments: string[];
    sections: MermaidSection[];
    line: number;
}

export interface MermaidProblem {
    line: number;
    column: number;
    message: string;
}

export interface MermaidParseResult {
    diagram?: MermaidJourneyDiagram;
    problems: MermaidProblem[];
}

/** The scores Mermaid's documentation allows. */
export const mermaidScoreRange = { min: 1, max: 5 } as const;

/** Parses one diagram; `firstLine` is the line number of `lines[0]` in the file (for Markdown fences). */
export function parseMermaidJourney(source: string[], firstLine = 1): MermaidParseResult {
    const problems: MermaidProblem[] = [];
    const lines = [...source]; // the rest of a line after `accDescr { … }` is read as a line of its own
    const start = diagramStart(lines);
    const keywordLine = lines.findIndex((line, index) => index >= start && !isBlankOrComment(line));
    if (keywordLine < 0 || !/^\s*journey\s*$/i.test(lines[keywordLine])) {
        const at = keywordLine < 0 ? lines.length - 1 : keywordLine;
        return {
            problems: [
                {
                    line: firstLine + Math.max(0, at),
                    column: 1,
                    message: t('expected a Mermaid `journey` diagram: the first line must be `journey`')
                }
            ]
        };
    }
    const diagram: MermaidJourneyDiagram = {
        title: frontmatterTitle(lines, start), leadingComments: lines.slice(start, keywordLine).flatMap(commentText),
        comments: [], trailingComments: [], sections: [], line: firstLine + keywordLine
    };
    let pending: string[] = [];
    for (let index = keywordLine + 1; index < lines.length; index++) {
        // As in Mermaid, `#` starts a comment anywhere but in an accessible title or description.
        const line = /^\s*acc(title|descr)\b/i.test(lines[index]) ? lines[index] : lines[index].replace(/#.*$/, '');
        const lineNumber = firstLine + index;
        const text = line.trim();
        const indent = line.length - line.trimStart().length;
        if (text === '') continue;
        const comment = commentText(line);
        if (comment.length > 0 || text.startsWith('%%')) {
            pending.push(...comment);
            continue;
        }
        const keyword = /^(title|section|accTitle|accDescr)\b\s*(:?)\s*(.*)$/i.exec(text);
        if (keyword) {
            const [, word, , rest] = keyword;
            const name = word.toLowerCase();
            if (name === 'title') diagram.title = rest;
            else if (name === 'acctitle') diagram.accTitle = rest;
            else if (name === 'accdescr') {
                if (rest.startsWith('{')) {
                    const block = accDescrBlock(lines, index, rest.slice(1));
                    if (block.end < 0) {
                        problems.push({
                            line: lineNumber,
                            column: indent + 1,
                            message: t('accDescr { is never closed: add a line with }')
                        });
                        break;
                    }
                    diagram.accDescr = block.text;
                    // `}title …`: Mermaid reads on after the brace.
                    lines[block.end] = ' '.repeat(block.restColumn) + lines[block.end].slice(block.restColumn);
                    index = block.rest.trim() === '' ? block.end : block.end - 1;
                } else {
                    diagram.accDescr = rest;
                }
            } else {
                diagram.sections.push({ title: rest, tasks: [], comments: pending, line: lineNumber });
                pending = [];
            }
            if (name !== 'section' && pending.length > 0) {
                diagram.comments.push(...pending);
                pending = [];
            }
            continue;
        }
        const task = parseTask(text, lineNumber, indent, problems);
        if (!task) continue;
        if (diagram.sections.length === 0) diagram.sections.push({ tasks: [], comments: [], line: lineNumber });
        diagram.sections.at(-1)!.tasks.push({ ...task, comments: pending });
        pending = [];
    }
    if (diagram.sections.length === 0 && pending.length > 0) diagram.comments.push(...pending);
    else diagram.trailingComments = pending;
    return { diagram, problems };
}

/** `Task name: 5: Me, Cat`; the score is a whole number from 1 to 5; actors are optional. */
function parseTask(
    text: string,
    line: number,
    indent: number,
    problems: MermaidProblem[]
): Omit<MermaidTask, 'comments'> | undefined {
    const colon = text.indexOf(':');
    if (colon < 0) {
        problems.push({
            line,
            column: indent + text.length + 1,
            message: t("expected ':' and a score after the task name '{name}' (Task name: <score>: <actors>)", {
                name: text
            })
        });
        return undefined;
    }
    const name = text.slice(0, colon).trim();
    const [scoreText, actorText, ...extra] = text.slice(colon + 1).split(':');
    const scoreColumn = indent + colon + 2 + (scoreText.length - scoreText.trimStart().length);
    if (name === '') {
        problems.push({ line, column: indent + 1, message: t("a task needs a name before the ':'") });
        return undefined;
    }
    const score = scoreText.trim();
    if (!/^\d+$/.test(score) || Number(score) < mermaidScoreRange.min || Number(score) > mermaidScoreRange.max) {
        const range = { name, min: mermaidScoreRange.min, max: mermaidScoreRange.max };
        const message =
            score === ''
                ? t("no score for task '{name}': a score is a whole number from {min} to {max}", range)
                : t("score '{score}' for task '{name}': a score is a whole number from {min} to {max}", {
                      ...range,
                      score
                  });
        problems.push({ line, column: scoreColumn, message });
        return undefined;
    }
    if (extra.length > 0) {
        const column = indent + colon + 1 + scoreText.length + 1 + (actorText ?? '').length + 1;
        problems.push({
            line,
            column,
            message: t("unexpected ':' in task '{name}': write Task name: <score>: <actor>, <actor>", { name })
        });
        return undefined;
    }
    const actors = (actorText ?? '')
        .split(',')
        .map(actor => actor.trim())
        .filter(actor => actor !== '');
    return { name, score: Number(score), actors, line };
}

/** Skips a YAML frontmatter block (`---` … `---`) at the start. */
function diagramStart(lines: string[]): number {
    if (lines[0]?.trim() !== '---') return 0;
    const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    return end < 0 ? 0 : end + 1;
}

function frontmatterTitle(lines: string[], start: number): string | undefined {
    const title = lines
        .slice(1, Math.max(0, start - 1))
        .map(line => /^title:\s*(.*)$/.exec(line.trim())?.[1])
        .find(value => value !== undefined);
    return title?.replace(/^(['"])(.*)\1$/, '$2');
}

function isBlankOrComment(line: string): boolean {
    return line.trim() === '' || line.trim().startsWith('%%');
}

/** The text of a `%%` comment line; none for a `%%{init: …}%%` directive, which has no place in a .journey file. */
function commentText(line: string): string[] {
    const text = line.trim();
    if (!text.startsWith('%%') || text.startsWith('%%{')) return [];
    return [text.slice(2).trim()];
}

/**
 * The text of `accDescr { … }` from line `from`, the line of its `}` and what follows the brace there (and from which
 * column).
 */
function accDescrBlock(
    lines: string[],
    from: number,
    firstRest: string
): { text: string; end: number; rest: string; restColumn: number } {
    const parts: string[] = [];
    for (let index = from; index < lines.length; index++) {
        const content = index === from ? firstRest : lines[index];
        const close = content.indexOf('}');
        if (close >= 0) {
            parts.push(content.slice(0, close));
            const restColumn = lines[index].length - (content.length - close - 1);
            return {
                text: parts
                    .map(part => part.trim())
                    .filter(Boolean)
                    .join('\n'),
                end: index,
                rest: content.slice(close + 1),
                restColumn
            };
        }
        parts.push(content);
    }
    return { text: '', end: -1, rest: '', restColumn: 0 };
}
