import { defaultTextLimits } from '../language/journey-text-guard.js';
import { readFileSync, statSync } from 'node:fs';
import { URI, type FileSystemProvider, type LangiumDocument } from 'langium';
import { loadImportedDocuments } from '../language/journey-import-loader.js';
import type { JourneyServices } from '../language/journey-module.js';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { createRevisionJourneyServices } from './git-revision-files.js';
import type { InputProblem } from './journey-files.js';
import { t } from '../model/localisation.js';
import { formatMegabytes } from '../model/file-sizes.js';

/** Files larger than this are not read unless `--max-file-size` says otherwise (the language server's default too). */
export const defaultMaxFileBytes = defaultTextLimits.maxFileBytes;

export interface LoadOptions {
    /** The workspace folder that imports and data sources must stay inside. */
    root: string;
    maxFileBytes: number;
    /** Characters in one line; a file with a longer line is not parsed (default: the language's). */
    maxLineLength?: number;
    /** Texts to use instead of what is on disk, by absolute path. */
    texts?: Map<string, string>;
    /**
     * Read every file (the ones named, their imports, their data) as it was at this git revision of the repository
     * `root`.
     */
    revision?: string;
}

export interface LoadedWorkspace {
    /** The documents asked for, built and validated, in the order given. */
    documents: LangiumDocument[];
    problems: InputProblem[];
    services: JourneyServices;
}

/**
 * Reads the given files and every file they import, then builds and validates them
 * together, the way the language server would in an editor.
 */
export async function loadWorkspace(files: string[], options: LoadOptions): Promise<LoadedWorkspace> {
    const { shared, Journey } = options.revision
        ? createRevisionJourneyServices(options.root, options.revision)
        : createNodeJourneyServices();
    const read = options.revision ? readThrough(shared.workspace.FileSystemProvider, Journey) : readFromDisk;
    Journey.journey.Workspace.setRoots([URI.file(options.root)]);
    Journey.journey.TextLimits.use({
        maxFileBytes: options.maxFileBytes,
        maxLineLength: options.maxLineLength ?? defaultTextLimits.maxLineLength
    });
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const problems: InputProblem[] = [];
    const requested: LangiumDocument[] = [];
    for (const file of new Set(files)) {
        const text = options.texts?.get(file) ?? await read(file, options.maxFileBytes);
        if (typeof text === 'string') requested.push(langiumDocuments.createDocument(URI.file(file), text));
        else problems.push({ path: file, message: text.message });
    }
    await loadImportedDocuments(Journey, requested, async uri => {
        const text = options.texts?.get(uri.fsPath) ?? await read(uri.fsPath, options.maxFileBytes);
        return typeof text === 'string' ? text : undefined;
    });
    await shared.workspace.DocumentBuilder.build([...langiumDocuments.all], { validation: true });
    return { documents: requested, problems, services: Journey };
}

type TextOrProblem = string | { message: string };

/**
 * The text of a file on disk, or why it cannot be checked. Missing imports are reported by the
 * validator. Read synchronously: the command has nothing else to do meanwhile, and many small
 * files read one after another through the thread pool are slower.
 */
async function readFromDisk(file: string, maxBytes: number): Promise<TextOrProblem> {
    const info = statSync(file, { throwIfNoEntry: false });
    return journeyText(info?.size, maxBytes, async () => readFileSync(file));
}

/** Reads through the language's file system (a git revision's files), with the same checks. */
function readThrough(
    files: FileSystemProvider,
    services: JourneyServices
): (file: string, maxBytes: number) => Promise<TextOrProblem> {
    return async (file, maxBytes) => {
        const uri = URI.file(file);
        const size = (await files.exists(uri)) ? await services.journey.Workspace.sizeOf(uri) : undefined;
        return journeyText(size, maxBytes, () => files.readBinary(uri));
    };
}

/**
 * A file's text once its size is known to be within the limit, or why it is not read: missing, too large, binary, not
 * UTF-8.
 */
async function journeyText(
    size: number | undefined,
    maxBytes: number,
    readBytes: () => Promise<Uint8Array>
): Promise<TextOrProblem> {
    if (size === undefined) {
        return { message: t('no such file') };
    }
    if (size > maxBytes) {
        return {
            message: t('the file is {size}, more than the {limit} limit (raise it with --max-file-size)', {
                size: formatMegabytes(size),
                limit: formatMegabytes(maxBytes)
            })
        };
    }
    const bytes = await readBytes();
    if (bytes.subarray(0, 8000).includes(0)) {
        return { message: t('this is a binary file, not a .journey text file') };
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return { message: t('the file is not valid UTF-8 text') };
    }
}

export { formatMegabytes, formatSize } from '../model/file-sizes.js';
