import { writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { URI } from 'langium';

/**
 * Writes the site's files, creating folders, and counts them. File URIs inside the repository
 * (in models, and in pictures that link steps to their lines) become paths relative to it: a
 * published site shows no machine's folders. A file is written at once: a page or a picture is
 * a few kilobytes, and a promise per file costs more than the write (docs/performance.md).
 */
export class SiteWriter {
    count = 0;
    private readonly folders = new Set<string>();
    private readonly repositoryUri: string;

    constructor(private readonly root: string, repository: string) {
        this.repositoryUri = `${URI.file(repository).toString()}/`;
    }

    async write(path: string, content: string): Promise<void> {
        const target = join(this.root, path);
        await this.folder(dirname(target));
        writeFileSync(target, content.split(this.repositoryUri).join(''));
        this.count++;
    }

    async copy(path: string, from: string): Promise<void> {
        const target = join(this.root, path);
        await this.folder(dirname(target));
        await copyFile(from, target);
        this.count++;
    }

    private async folder(path: string): Promise<void> {
        if (this.folders.has(path)) return;
        await mkdir(path, { recursive: true });
        this.folders.add(path);
    }
}
