import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { URI } from 'langium';

/**
 * Writes the site's files, creating folders, a few dozen at once (the disk is never waited on
 * one file at a time), and counts them. File URIs inside the repository (in models, and in
 * pictures that link steps to their lines) become paths relative to it: a published site shows
 * no machine's folders.
 */
export class SiteWriter {
    count = 0;
    private readonly folders = new Set<string>();
    private readonly pending: Array<Promise<void>> = [];
    private readonly repositoryUri: string;

    constructor(private readonly root: string, repository: string) {
        this.repositoryUri = `${URI.file(repository).toString()}/`;
    }

    async write(path: string, content: string): Promise<void> {
        const target = join(this.root, path);
        await this.folder(dirname(target));
        this.pending.push(writeFile(target, content.split(this.repositoryUri).join('')));
        this.count++;
        if (this.pending.length >= 64) await this.flush();
    }

    async copy(path: string, from: string): Promise<void> {
        const target = join(this.root, path);
        await this.folder(dirname(target));
        await copyFile(from, target);
        this.count++;
    }

    /** Waits for every queued file: a failure to write one is the build's error. */
    async flush(): Promise<void> {
        const writing = this.pending.splice(0);
        await Promise.all(writing);
    }

    private async folder(path: string): Promise<void> {
        if (this.folders.has(path)) return;
        await mkdir(path, { recursive: true });
        this.folders.add(path);
    }
}
