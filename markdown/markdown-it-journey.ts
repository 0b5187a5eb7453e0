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
import type markdownIt from 'markdown-it';
import { syncWorkerFunction } from './sync-worker.js';
import { escapeXml } from '../render/svg.js';
import { svgDataUrl } from '../render/journey-view.js';
import { parseFenceInfo, type FenceRequest, type FenceResult } from './journey-fence.js';

export interface JourneyMarkdownOptions {
    /** The workspace: imports, data and `src` files must stay inside it (default: the current folder). */
    root?: string;
    /** The Markdown file being rendered, from markdown-it's `env` (default: VS Code's `currentDocument`, VitePress's `path`, else a file in `root`). */
    documentPath?: (env: Record<string, unknown>) => string | undefined;
    /** At most this many fences are drawn per document; the others get a box saying so (default 100). */
    maxFences?: number;
    /** The colours of the maps, asked for each render (VS Code: its theme's); default the reader's (`auto`). */
    theme?: () => 'auto' | 'light' | 'dark';
    /** The worker script that runs the language (default: markdown-worker.cjs beside this file). */
    workerPath?: string;
}

type RenderFence = (request: FenceRequest) => FenceResult;
/** A markdown-it instance (the package's types export the constructor). */
export type MarkdownIt = ReturnType<typeof markdownIt>;

/** Pictures drawn before, by everything that decides them: a preview re-renders the whole document on every keystroke. */
const drawn = new Map<string, FenceResult>();
const rememberedFences = 500;

export default function journeyMarkdownIt(md: MarkdownIt, options: JourneyMarkdownOptions = {}): void {
    const root = resolve(options.root ?? process.cwd());
    const maxFences = options.maxFences ?? 100;
    let render: RenderFence | undefined;
    const renderFence = (request: FenceRequest): FenceResult => {
        render ??= syncWorkerFunction<FenceRequest, FenceResult>(options.workerPath ?? join(__dirname, 'markdown-worker.cjs'), 60_000);
        return render(request);
    };
    const fallback = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, index, renderOptions, given: Record<string, unknown> | undefined, self) => {
        const env = given ?? {};
        const token = tokens[index];
        if (token.info.trim().split(/\s+/)[0] !== 'journey') {
            return fallback ? fallback(tokens, index, renderOptions, env, self) : self.renderToken(tokens, index, renderOptions);
        }
        const counted = (env.journeyFences = Number(env.journeyFences ?? 0) + 1);
        if (counted > maxFences) return errorBox([{ message: `Only the first ${maxFences} journey maps of a document are drawn; this is number ${counted}.` }], token.map?.[0]);
        const info = parseFenceInfo(token.info);
        if ('error' in info) return errorBox([{ message: info.error }], token.map?.[0]);
        const markdownPath = resolve(options.documentPath?.(env) ?? documentPathOf(env) ?? join(root, 'index.md'));
        const request: FenceRequest = { ...info, text: info.src === undefined ? token.content : undefined, markdownPath, root, theme: options.theme?.() };
        const key = JSON.stringify([request, info.src === undefined ? 0 : modifiedAt(resolve(markdownPath, '..', info.src))]);
        let result = drawn.get(key);
        if (!result) {
            try {
                result = renderFence(request);
            } catch (error) {
                result = { kind: 'errors', errors: [{ message: `The map could not be drawn: ${error instanceof Error ? error.message : String(error)}` }] };
            }
            if (drawn.size >= rememberedFences) drawn.clear();
            drawn.set(key, result);
        }
        return result.kind === 'picture' ? picture(result.svg, result.title) : errorBox(result.errors, token.map?.[0]);
    };
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

function picture(svg: string, title: string): string {
    return `<div class="journey-map-fence"><img alt="${escapeXml(title)}" src="${svgDataUrl(svg)}"></div>\n`;
}

/** A visible box with the first messages, their lines counted in the Markdown file. */
function errorBox(errors: Array<{ line?: number; message: string }>, fenceLine: number | undefined): string {
    const items = errors.map(error => {
        const line = error.line !== undefined && fenceLine !== undefined ? fenceLine + 1 + error.line : undefined;
        return `<li>${line !== undefined ? `line ${line}: ` : ''}${escapeXml(error.message)}</li>`;
    });
    return `<div class="journey-map-error" role="alert"><strong>Journey map not drawn</strong><ul>${items.join('')}</ul></div>\n`;
}
