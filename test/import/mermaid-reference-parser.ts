/**
 * A small reading of Mermaid's `journey` syntax, written from its grammar
 * (`packages/mermaid/src/diagrams/user-journey/parser/journey.jison`) and its database
 * (`journeyDb.js`), independently of our importer, so a round trip can be checked against
 * what Mermaid itself would see: frontmatter and `%%` lines skipped, `#` starts a comment,
 * `title` and `section` run to the end of the line (or a `#`), a task is `name: data` whose
 * data splits on `:` into a score and a comma-separated list of actors.
 */
export interface ReferenceTask {
    name: string;
    score: number;
    actors: string[];
}

export interface ReferenceJourney {
    title?: string;
    accTitle?: string;
    accDescr?: string;
    /** Tasks before any `section` are in a section titled ''. */
    sections: Array<{ title: string; tasks: ReferenceTask[] }>;
}

export function referenceParse(text: string): ReferenceJourney {
    let lines = text.split(/\r?\n/);
    const journey: ReferenceJourney = { sections: [] };
    if (lines[0]?.trim() === '---') {
        const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
        const title = lines
            .slice(1, end)
            .map(line => /^\s*title:\s*(.*)$/.exec(line)?.[1])
            .find(value => value !== undefined);
        if (title !== undefined) journey.title = title.trim().replace(/^(['"])(.*)\1$/, '$2');
        lines = lines.slice(end + 1);
    }
    // One stream of text, as the lexer reads it: a multi-line accDescr may end mid-line (`}title …`).
    let rest = lines.filter(line => !/^\s*%%/.test(line)).join('\n');
    const keyword = /^\s*journey[^\S\n]*(\n|$)/i.exec(rest);
    if (!keyword) throw new Error('not a journey diagram');
    rest = rest.slice(keyword[0].length);
    const section = (title: string) => journey.sections.push({ title, tasks: [] });
    while (rest.length > 0) {
        rest = rest.replace(/^\s+/, '');
        if (rest === '') break;
        let match: RegExpExecArray | null;
        if ((match = /^#[^\n]*/.exec(rest))) {
            // a comment
        } else if ((match = /^accTitle\s*:\s*([^\n]*)/i.exec(rest))) {
            journey.accTitle = match[1].trim();
        } else if ((match = /^accDescr\s*:\s*([^\n]*)/i.exec(rest))) {
            journey.accDescr = match[1].trim();
        } else if ((match = /^accDescr\s*\{([^}]*)\}/i.exec(rest))) {
            journey.accDescr = match[1].trim().split('\n').map(line => line.trim()).join('\n');
        } else if ((match = /^title\s([^#\n;]+)/i.exec(rest))) {
            journey.title = match[1].trim();
        } else if ((match = /^section\s([^#:\n;]+)/i.exec(rest))) {
            section(match[1].trim());
        } else if ((match = /^([^#:\n;]+):([^#\n;]+)/.exec(rest))) {
            const [scoreText, actorText] = match[2].split(':');
            if (journey.sections.length === 0) section('');
            journey.sections.at(-1)!.tasks.push({
                name: match[1].trim(), score: Number(scoreText),
                // `Task: 5:` has one empty actor in Mermaid's database: no actor.
                actors: (actorText ?? '').split(',').map(actor => actor.trim()).filter(actor => actor !== '')
            });
        } else {
            throw new Error(`Mermaid would not parse: ${rest.split('\n')[0]}`);
        }
        rest = rest.slice(match[0].length);
    }
    return journey;
}
