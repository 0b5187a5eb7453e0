import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedDocument } from './check-shard.js';
import { ContentHashes, type KnownContent } from './content-hashes.js';
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
    /** The content hash of each file the documents read, with the stat that spares reading it again. */
    files: Record<string, KnownContent>;
}

/**
 * `journeymap check --cache`: each document's diagnostics, kept under the content of the
 * document and of every file they depend on (its imports, followed, and their data files).
 * A document is taken from the cache only when all of these hash as they did; a file's stat
 * only spares reading it again, when it is exactly as it was long after the last change.
 */
export class CheckCache {
    private readonly hashes: ContentHashes;
    private readonly file: string;
    private readonly content: CacheFile;

    private constructor(folder: string, content: CacheFile) {
        this.file = join(folder, 'check.json');
        this.content = content;
        this.hashes = new ContentHashes(content.files);
    }

    /**
     * The cache in `folder` made under `key`; an empty one when there is none, it is unreadable, or its key differs.
     */
    static open(folder: string, key: string): CheckCache {
        return new CheckCache(
            folder,
            readCacheFile(join(folder, 'check.json'), key) ?? { key, documents: {}, files: {} }
        );
    }

    /** The document's cached check, with those of the maps it imports, when every file it depends on is unchanged. */
    lookup(path: string): CheckedDocument[] | undefined {
        const own = this.unchanged(path);
        if (!own) return undefined;
        const found = [own];
        for (const read of Object.keys(own.reads)) {
            if (read === path || !read.endsWith('.journey') || this.hashes.hashOf(read) === null) continue;
            const imported = this.unchanged(read);
            if (!imported) return undefined;
            found.push(imported);
        }
        return found;
    }

    /** Keeps what a check found of a document, under the files' contents as they are now. */
    remember(document: CheckedDocument): void {
        const hash = this.hashes.hashOf(document.path);
        if (hash === null) return;
        const reads = Object.fromEntries(document.reads.map(read => [read, this.hashes.hashOf(read)]));
        this.content.documents[document.path] = { ...document, hash, reads };
    }

    async save(): Promise<void> {
        mkdirSync(join(this.file, '..'), { recursive: true });
        await writeAtomically(this.file, JSON.stringify(this.content));
    }

    private unchanged(path: string): CheckedDocument | undefined {
        const cached = this.content.documents[path];
        if (!isCachedDocument(cached) || cached.hash !== this.hashes.hashOf(path)) return undefined;
        if (Object.entries(cached.reads).some(([read, hash]) => this.hashes.hashOf(read) !== hash)) return undefined;
        return {
            path,
            diagnostics: cached.diagnostics,
            references: cached.references,
            reads: Object.keys(cached.reads)
        };
    }
}

function readCacheFile(file: string, key: string): CacheFile | undefined {
    try {
        const content = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
        const isRecord = (value: unknown) => typeof value === 'object' && value !== null;
        return content.key === key && isRecord(content.documents) && isRecord(content.files) ? content : undefined;
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
