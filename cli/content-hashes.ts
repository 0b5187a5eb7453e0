import { createHash } from 'node:crypto';
import { readFileSync, statSync, type BigIntStats } from 'node:fs';

/** A file's content hash, with the file's stat when it was read: while the stat is the same, so is the content. */
export interface KnownContent {
    hash: string;
    /** Size, modification and change times, inode; absent when the file had changed too recently to vouch for it. */
    stat?: string;
}

/**
 * How long a file must have been unchanged for its stat to vouch for its content: a second write within the same tick
 * of the file system's clock could leave the stat as it was (git's "racy clean"); FAT's tick is 2 s.
 */
const settleMs = 2000;

/**
 * The content hashes of files, each read once per run. A file is not read again when its stat is exactly what it
 * was when it was hashed, at least `settleMs` after its last change: the kernel sets the change time on every write.
 */
export class ContentHashes {
    private readonly hashes = new Map<string, string | null>();

    /** `known`: what earlier runs hashed, by path; it is updated with what this run reads. */
    constructor(
        private readonly known: Record<string, KnownContent>,
        private readonly now: () => number = Date.now
    ) {}

    /** The file's content hash; null when there is no such file (or it is a folder). */
    hashOf(path: string): string | null {
        let hash = this.hashes.get(path);
        if (hash === undefined) {
            hash = this.hash(path);
            this.hashes.set(path, hash);
        }
        return hash;
    }

    private hash(path: string): string | null {
        // Stat before reading: a change in between leaves a stat that differs next time, so the file is read again.
        const stat = statIfAny(path);
        if (!stat?.isFile()) {
            delete this.known[path];
            return null;
        }
        const signature = `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
        const known = this.known[path];
        if (typeof known?.hash === 'string' && known.stat === signature) return known.hash;
        const content = readIfAny(path);
        if (content === undefined) {
            delete this.known[path];
            return null;
        }
        const hash = createHash('sha256').update(content).digest('hex');
        const settled = stat.ctimeNs < BigInt(this.now() - settleMs) * 1_000_000n;
        this.known[path] = settled ? { hash, stat: signature } : { hash };
        return hash;
    }
}

function statIfAny(path: string): BigIntStats | undefined {
    try {
        return statSync(path, { bigint: true });
    } catch {
        return undefined;
    }
}

function readIfAny(path: string): Buffer | undefined {
    try {
        return readFileSync(path);
    } catch {
        return undefined;
    }
}
