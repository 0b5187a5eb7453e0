import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { importMermaid } from '../import/import-mermaid.js';
import { ExitCode } from './check-command.js';
import { formatSize, defaultMaxFileBytes } from './load-workspace.js';
import { writeAtomically } from './write-atomically.js';
import { t } from '../model/localisation.js';

export interface ImportOptions {
    output?: string;
    force: boolean;
}

/**
 * `journeymap import mermaid <file.mmd|file.md>`: Mermaid journey diagrams as a .journey
 * file. Mistakes in the Mermaid text are printed as `file:line:column error message`
 * (exit 1); nothing is written then.
 */
export async function runImportMermaid(
    file: string,
    options: ImportOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const path = resolve(file);
    const text = await readInput(path);
    if (typeof text !== 'string') {
        err(`${file}: ${text.problem}`);
        return ExitCode.UsageOrInput;
    }
    if (options.output && existsSync(options.output) && !options.force) {
        err(t('{file} already exists: choose another name, or pass --force to replace it', { file: options.output }));
        return ExitCode.UsageOrInput;
    }
    const result = importMermaid(text, basename(file), ['.md', '.markdown'].includes(extname(file).toLowerCase()));
    for (const problem of result.problems) err(`${file}:${problem.line}:${problem.column} error ${problem.message}`);
    if (result.journeyText === undefined) return ExitCode.Errors;
    if (options.output) {
        await writeAtomically(resolve(options.output), result.journeyText);
        err(
            `${options.output}: ${result.diagrams.length === 1 ? t('1 journey imported') : t('{count} journeys imported', { count: result.diagrams.length })}`
        );
    } else {
        out(result.journeyText.trimEnd());
    }
    return ExitCode.Clean;
}

async function readInput(path: string): Promise<string | { problem: string }> {
    try {
        const buffer = await readFile(path);
        if (buffer.length > defaultMaxFileBytes)
            return {
                problem: t('is {size}, larger than {limit}', {
                    size: formatSize(buffer.length),
                    limit: formatSize(defaultMaxFileBytes)
                })
            };
        if (buffer.includes(0)) return { problem: t('is a binary file, not Mermaid text') };
        return buffer.toString('utf8').replace(/^\uFEFF/, '');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return {
            problem:
                code === 'ENOENT'
                    ? t('no such file')
                    : code === 'EISDIR'
                      ? t('is a folder, not a file')
                      : t('cannot be read ({reason})', { reason: code ?? String(error) })
        };
    }
}
