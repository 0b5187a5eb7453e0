import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { t } from '../model/localisation.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { renderJourneyMarkdown } from '../render/index.js';
import { ExitCode } from './check-command.js';
import { inLanguageOfMaps } from './cli-language.js';
import { revisionOfFile } from './git-revisions.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';

/**
 * `journeymap textconv <file>`: the git textconv driver (`git config diff.journey.textconv
 * "journeymap textconv"`). Prints every journey of the file as Markdown, reading its imports
 * and data at the revision the file comes from, so `git diff` and `git log -p` show what
 * changed in the journey, not every linked value turning from "no data" into a number.
 * A version that does not parse is shown as its text, so git always has something to diff.
 */
export async function runTextconv(
    file: string,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (error) {
        err(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        return ExitCode.UsageOrInput;
    }
    const found = await revisionOfFile(file, process.cwd()).catch(() => undefined);
    const root = found?.root ?? process.cwd();
    const path = found ? join(found.root, found.path) : resolve(file);
    const loaded = await loadWorkspace([path], {
        root,
        maxFileBytes: defaultMaxFileBytes,
        revision: found?.revision,
        texts: new Map([[path, text]])
    });
    const document = loaded.documents[0];
    if (!document || hasSyntaxErrors(document)) {
        out(t('(journeymap: this version does not parse; its text follows)'));
        out(text.trimEnd());
        return ExitCode.Clean;
    }
    const model = await loaded.services.journey.ModelBuilder.build(document);
    // Labelled in the map's own language, as `render -f md` labels it.
    const markdown = await inLanguageOfMaps([model], undefined, () =>
        model.journeys.map(journey => renderJourneyMarkdown(model, journey).trimEnd()).join('\n\n')
    );
    out(markdown || t('{file} declares no journey.', { file: found?.path ?? file }));
    return ExitCode.Clean;
}
