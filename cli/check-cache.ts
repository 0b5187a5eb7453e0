import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedDocument } from './check-shard.js';
import { writeAtomically } from './write-atomically.js';

/** What the cache keeps of a document: its content's hash, the hashes of all it reads, and what its check found. */
interface CachedDocument extends Omit<CheckedDocument, 'reads'> {
    hash: string;
    /** Each file the document's diagnostics depend on, with its content's hash (null: it did not exist). */
    reads: Record<string, string | null>;
}

interface CacheFile {
    /** The program and the options the diagnostics were made with: another key empties the cache. */
    key: string;
    documents: Record<string, CachedDocument>;
}

/**
 * `journeymap check --cache`: each document's diagnostics, kept under the content of the
 * document and of every file they depend on (its imports, followed, and their data files).
 * A document is taken from the cache only when all of these are as they were; it is never
 * a guess from modification times.
 */
export class CheckCache {
    private readonly hashes = new Map<string, string | null>();
    private readonly file: string;
    private readonly content: CacheFile;

    private constructor(folder: string, content: CacheFile) {
        this.file = join(folder, 'check.json');
        this.content = content;
    }

    /**
     * The cache in `folder` made under `key`; an empty one when there is none, it is unreadable, or its key differs.
     */
    static open(folder: string, key: string): CheckCache {
        return new CheckCache(folder, readCacheFile(join(folder, 'check.json'), key) ?? { key, documents: {} });
    }

    /** The document's cached check, with those of the maps it imports, when every file it depends on is unchanged. */
    lookup(path: string): CheckedDocument[] | undefined {
        const own = this.unchanged(path);
        if (!own) return undefined;
        const found = [own];
        for (const read of Object.keys(own.reads)) {
            if (read === path || !read.endsWith('.journey') || this.hashOf(read) === null) continue;
            const imported = this.unchanged(read);
            if (!imported) return undefined;
            found.push(imported);
        }
        return found;
    }

    /** Keeps what a check found of a document, under the files' contents as they are now. */
    remember(document: CheckedDocument): void {
        const hash = this.hashOf(document.path);
        if (hash === null) return;
        const reads = Object.fromEntries(document.reads.map(read => [read, this.hashOf(read)]));
        this.content.documents[document.path] = { ...document, hash, reads };
    }

    async save(): Promise<void> {
        mkdirSync(join(this.file, '..'), { recursive: true });
        await writeAtomically(this.file, JSON.stringify(this.content));
    }

    private unchanged(path: string): CheckedDocument | undefined {
        const cached = this.content.documents[path];
        if (!isCachedDocument(cached) || cached.hash !== this.hashOf(path)) return undefined;
        if (Object.entries(cached.reads).some(([read, hash]) => this.hashOf(read) !== hash)) return undefined;
        return {
            path,
            diagnostics: cached.diagnostics,
            references: cached.references,
            reads: Object.keys(cached.reads)
        };
    }

    /** A file's content hash, read once per run; null when there is no such file. */
    private hashOf(path: string): string | null {
        let hash = this.hashes.get(path);
        if (hash === undefined) {
            const content = readFileIfAny(path);
            hash = content === undefined ? null : createHash('sha256').update(content).digest('hex');
            this.hashes.set(path, hash);
        }
        return hash;
    }
}

/** The file's bytes, or undefined when there is no such file (or it is a folder): read at once, not stat'ed first. */
function readFileIfAny(path: string): Buffer | undefined {
    try {
        return readFileSync(path);
    } catch {
        return undefined;
    }
}

function readCacheFile(file: string, key: string): CacheFile | undefined {
    try {
        const content = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
        return content.key === key && typeof content.documents === 'object' && content.documents !== null
            ? content
            : undefined;
    } catch {
        // Missing, unreadable or not ours: the check starts from nothing and writes it anew.
        return undefined;
    }
}

/** A cache file edited by hand or by another version is not trusted field by field: a wrong shape is a miss. */
function isCachedDocument(value: unknown): value is CachedDocument {
    const cached = value as Partial<CachedDocument> | undefined;
    return (
        typeof cached?.hash === 'string' &&
        typeof cached.reads === 'object' &&
        cached.reads !== null &&
        Array.isArray(cached.diagnostics) &&
        Array.isArray(cached.references)
    );
}
