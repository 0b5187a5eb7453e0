import { identifierFromTitle, personaNameOfActor } from '../model/journey-names.js';
import { quote } from '../model/string-literals.js';
import type { MermaidJourneyDiagram, MermaidSection, MermaidTask } from './mermaid-journey-parser.js';
import { mermaidScoreRange } from './mermaid-journey-parser.js';

/**
 * Writes Mermaid journey diagrams as a .journey file: actors become personas, sections
 * stages, tasks steps with their score as the emotion (scale 1..5). The Mermaid texts are
 * kept as titles; names are identifiers made from them. A task whose actors are not all
 * of the journey's lists its own. Comments stay where they were.
 */
export function mermaidToJourneyText(diagrams: MermaidJourneyDiagram[], source: string): string {
    const actors = unique(
        diagrams.flatMap(diagram => diagram.sections.flatMap(section => section.tasks.flatMap(task => task.actors)))
    );
    const personaNames = uniqueNames(actors, personaNameOfActor);
    const lines = [`// Imported from Mermaid: ${source.replace(/[\r\n]+/g, ' ')}`];
    if (actors.length > 0) lines.push('', ...actors.map(actor => personaLine(personaNames.get(actor)!, actor)));
    const journeyNames = uniqueNames(diagrams, diagram =>
        identifierFromTitle(diagram.title ?? diagram.accTitle ?? '', 'Journey')
    );
    for (const diagram of diagrams) lines.push('', ...journeyLines(diagram, journeyNames.get(diagram)!, personaNames));
    return lines.join('\n') + '\n';
}

/** The persona of an actor; its exact text is the title, unless the name says it (`Me`). */
function personaLine(name: string, actor: string): string {
    return name === actor ? `persona ${name}` : `persona ${name} ${quote(actor)}`;
}

function journeyLines(diagram: MermaidJourneyDiagram, name: string, personaNames: Map<string, string>): string[] {
    const lines: string[] = comments(diagram.leadingComments, 0);
    // accDescr is the journey's description (its documentation comment), accTitle a tag of it: each stays what it is.
    const documentation = [
        ...(diagram.accDescr?.split('\n') ?? []),
        ...(diagram.accTitle ? [`@accTitle ${diagram.accTitle}`] : [])
    ];
    if (documentation.length > 0)
        lines.push('/**', ...documentation.map(line => ` * ${line.replace(/\*\//g, '* /')}`), ' */');
    lines.push(`journey ${name}${diagram.title ? ` ${quote(diagram.title)}` : ''} {`);
    const tasks = diagram.sections.flatMap(section => section.tasks);
    const actors = unique(tasks.flatMap(task => task.actors));
    lines.push(...comments(diagram.comments, 1));
    // A journey's personas take part in every step that names none; when a task has no actor, each task names its own.
    const everyTaskHasActors = tasks.every(task => task.actors.length > 0);
    const journeyActors = everyTaskHasActors ? actors : [];
    if (journeyActors.length > 0)
        lines.push(`  persona ${journeyActors.map(actor => personaNames.get(actor)).join(', ')}`);
    lines.push(`  emotion scale ${mermaidScoreRange.min}..${mermaidScoreRange.max}`);
    const stageNames = uniqueNames(diagram.sections, section => identifierFromTitle(section.title ?? '', 'Steps'));
    const stepNames = uniqueNames(
        diagram.sections.flatMap(section => section.tasks),
        task => identifierFromTitle(task.name, 'Step')
    );
    for (const section of diagram.sections) {
        lines.push('', ...stageLines(section, stageNames.get(section)!, stepNames, journeyActors, personaNames));
    }
    lines.push(...comments(diagram.trailingComments, 1), '}');
    return lines;
}

function stageLines(
    section: MermaidSection,
    name: string,
    stepNames: Map<MermaidTask, string>,
    journeyActors: string[],
    personaNames: Map<string, string>
): string[] {
    const lines = [
        ...comments(section.comments, 1),
        `  stage ${name}${section.title ? ` ${quote(section.title)}` : ''} {`
    ];
    for (const task of section.tasks) {
        lines.push(...comments(task.comments, 2), `    step ${stepNames.get(task)!} ${quote(task.name)} {`);
        if (!sameList(task.actors, journeyActors) && task.actors.length > 0)
            lines.push(`      persona ${task.actors.map(actor => personaNames.get(actor)).join(', ')}`);
        lines.push(`      emotion ${task.score}`, '    }');
    }
    lines.push('  }');
    return lines;
}

function comments(texts: string[], depth: number): string[] {
    return texts.map(text => `${'  '.repeat(depth)}// ${text}`.trimEnd());
}

/** Each item with its own name, made from its text: a name already taken gets a number (`Pay`, `Pay2`). */
function uniqueNames<T>(items: T[], nameOf: (item: T) => string): Map<T, string> {
    const names = new Map<T, string>();
    const taken = new Set<string>();
    for (const item of items) {
        if (names.has(item)) continue;
        const base = nameOf(item);
        let name = base;
        for (let counter = 2; taken.has(name); counter++) name = `${base}${counter}`;
        taken.add(name);
        names.set(item, name);
    }
    return names;
}

function unique<T>(values: T[]): T[] {
    return [...new Set(values)];
}

function sameList(a: string[], b: string[]): boolean {
    return a.length === b.length && a.every((value, index) => value === b[index]);
}
