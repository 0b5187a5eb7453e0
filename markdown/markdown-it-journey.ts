/**
 * `journey-maps-as-code/markdown-it`: ```journey fences drawn as journey maps in any
 * markdown-it renderer — VS Code's Markdown preview, VitePress and other docs sites.
 *
 *   import MarkdownIt from 'markdown-it';
 *   import journeyMaps from 'journey-maps-as-code/markdown-it';
 *   const md = new MarkdownIt().use(journeyMaps, { root: process.cwd() });
 *
 * A fence holds a map, or points at one: ```journey src="maps/checkout.journey" view="blueprint"
 * journey="ToBe". Imports, data and `src` resolve from the Markdown file's folder and stay
 * inside `root`. The picture is an image of the SVG (no script, no style reaches the page); a
 * fence with errors becomes an error box with the first messages and their lines, and the
 * rest of the document renders as usual.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { syncWorkerFunction } from './sync-worker.js';
import type { FenceRequest, FenceResult } from './journey-fence.js';
import { useJourneyFences, type MarkdownIt } from './journey-fences.js';

export type { MarkdownIt } from './journey-fences.js';

export interface JourneyMarkdownOptions {
    /** The workspace: imports, data and `src` files must stay inside it (default: the current folder). */
    root?: string;
    /**
     * The Markdown file being rendered, from markdown-it's `env` (default: VS Code's `currentDocument`, VitePress's
     * `path`, else a file in `root`).
     */
    documentPath?: (env: Record<string, unknown>) => string | undefined;
    /** At most this many fences are drawn per document; the others get a box saying so (default 100). */
    maxFences?: number;
    /** The colours of the maps, asked for each render (VS Code: its theme's); default the reader's (`auto`). */
    theme?: () => 'auto' | 'light' | 'dark';
    /** The worker script that runs the language (default: markdown-worker.cjs beside this file). */
    workerPath?: string;
}

/** markdown-it renders synchronously: each fence is drawn in a worker thread the plugin waits for. */
export default function journeyMarkdownIt(md: MarkdownIt, options: JourneyMarkdownOptions = {}): void {
    const root = resolve(options.root ?? process.cwd());
    let drawInWorker: ((request: FenceRequest) => FenceResult) | undefined;
    useJourneyFences(md, {
        documentOf: env =>
            pathToFileURL(resolve(options.documentPath?.(env) ?? documentPathOf(env) ?? join(root, 'index.md'))).href,
        rootOf: () => pathToFileURL(root).href,
        draw: request => {
            drawInWorker ??= syncWorkerFunction<FenceRequest, FenceResult>(
                options.workerPath ?? join(__dirname, 'markdown-worker.cjs'),
                60_000
            );
            return drawInWorker(request);
        },
        // A `src` file edited since it was drawn is drawn again.
        stampOf: request =>
            request.src === undefined ? 0 : modifiedAt(resolve(fileURLToPath(request.document), '..', request.src)),
        maxFences: options.maxFences,
        theme: options.theme
    });
}

/** Where editors and docs sites say the document is. */
function documentPathOf(env: Record<string, unknown>): string | undefined {
    const current = env.currentDocument as { fsPath?: string } | undefined;
    if (current?.fsPath) return current.fsPath;
    return typeof env.path === 'string' ? env.path : undefined;
}

function modifiedAt(path: string): number {
    try {
        return statSync(path).mtimeMs;
    } catch {
        return -1;
    }
}
