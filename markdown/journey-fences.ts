/**
 * The part of the ```journey fence plugin that is the same everywhere: which fences are ours,
 * the limit per document, the pictures remembered between renders, the picture and the error
 * box. Where a fence is drawn is the caller's: a worker thread waited for (Node), or the web
 * extension's language server, whose answer comes later (the preview is then refreshed).
 */
import type markdownIt from 'markdown-it';
import { escapeXml } from '../render/svg.js';
import { svgDataUrl } from '../render/journey-view.js';
import { parseFenceInfo, type FenceRequest, type FenceResult } from './journey-fence.js';

/** A markdown-it instance (the package's types export the constructor). */
export type MarkdownIt = ReturnType<typeof markdownIt>;

export interface JourneyFencesOptions {
    /** The Markdown file being rendered, as a URI, from markdown-it's `env`. */
    documentOf(env: Record<string, unknown>): string;
    /** The workspace folder (a URI) that imports, data and `src` must stay inside. */
    rootOf(document: string): string;
    /** Draws a fence: at once, or later (a promise; `onDrawn` then says the document can be rendered again). */
    draw(request: FenceRequest): FenceResult | Promise<FenceResult>;
    /** What else decides a fence's picture, such as the modification time of its `src` file. */
    stampOf?(request: FenceRequest): string | number;
    /** Called once pictures that were being drawn are ready. */
    onDrawn?(): void;
    /** At most this many fences are drawn per document; the others get a box saying so (default 100). */
    maxFences?: number;
    /** The colours of the maps, asked for each render; default the reader's (`auto`). */
    theme?: () => 'auto' | 'light' | 'dark';
    /** The time in milliseconds (default `Date.now`), for asking again after a failure. */
    now?: () => number;
}

/**
 * Pictures drawn before, by everything that decides them: a preview re-renders the whole document on every keystroke.
 */
const drawn = new Map<string, FenceResult>();
const rememberedFences = 500;

/**
 * When the drawer failed for a fence (the language server did not answer): that fence is asked
 * again on a render this long after, not on the refresh that shows the failure, which would
 * ask, fail and refresh in a loop while the server is down.
 */
const failedAt = new Map<string, number>();
export const askAgainAfterFailureMs = 10_000;

export function useJourneyFences(md: MarkdownIt, options: JourneyFencesOptions): void {
    const maxFences = options.maxFences ?? 100;
    const now = options.now ?? Date.now;
    const pending = new Set<string>();
    const fallback = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, index, renderOptions, given: Record<string, unknown> | undefined, self) => {
        const env = given ?? {};
        const token = tokens[index];
        if (token.info.trim().split(/\s+/)[0] !== 'journey') {
            return fallback
                ? fallback(tokens, index, renderOptions, env, self)
                : self.renderToken(tokens, index, renderOptions);
        }
        const counted = (env.journeyFences = Number(env.journeyFences ?? 0) + 1);
        if (counted > maxFences)
            return errorBox(
                [
                    {
                        message: `Only the first ${maxFences} journey maps of a document are drawn; this is number ${counted}.`
                    }
                ],
                token.map?.[0]
            );
        const info = parseFenceInfo(token.info);
        if ('error' in info) return errorBox([{ message: info.error }], token.map?.[0]);
        const document = options.documentOf(env);
        const request: FenceRequest = {
            ...info,
            text: info.src === undefined ? token.content : undefined,
            document,
            root: options.rootOf(document),
            theme: options.theme?.()
        };
        const key = JSON.stringify([request, options.stampOf?.(request) ?? 0]);
        const result = remembered(key, now()) ?? drawNow(key, request);
        if (!result) return waitingBox();
        return result.kind === 'picture' ? picture(result.svg, result.title) : errorBox(result.errors, token.map?.[0]);
    };

    /** The picture if the drawer has it at once; else it is drawn meanwhile, and the document rendered again then. */
    function drawNow(key: string, request: FenceRequest): FenceResult | undefined {
        if (pending.has(key)) return undefined;
        const failed = (error: unknown): FenceResult => {
            failedAt.set(key, now());
            return notDrawn(error);
        };
        let answer: FenceResult | Promise<FenceResult>;
        try {
            answer = options.draw(request);
        } catch (error) {
            answer = failed(error);
        }
        if (!(answer instanceof Promise)) return remember(key, answer);
        pending.add(key);
        void answer.catch(failed).then(result => {
            pending.delete(key);
            remember(key, result);
            options.onDrawn?.();
        });
        return undefined;
    }
}

function remember(key: string, result: FenceResult): FenceResult {
    if (drawn.size >= rememberedFences) {
        drawn.clear();
        failedAt.clear();
    }
    drawn.set(key, result);
    return result;
}

/** What was drawn for a fence before; nothing for a failure old enough to ask again. */
function remembered(key: string, now: number): FenceResult | undefined {
    const failed = failedAt.get(key);
    if (failed !== undefined && now - failed >= askAgainAfterFailureMs) {
        failedAt.delete(key);
        drawn.delete(key);
        return undefined;
    }
    return drawn.get(key);
}

function notDrawn(error: unknown): FenceResult {
    return {
        kind: 'errors',
        errors: [{ message: `The map could not be drawn: ${error instanceof Error ? error.message : String(error)}` }]
    };
}

function picture(svg: string, title: string): string {
    return `<div class="journey-map-fence"><img alt="${escapeXml(title)}" src="${svgDataUrl(svg)}"></div>\n`;
}

function waitingBox(): string {
    return '<div class="journey-map-waiting" role="status">Drawing the journey map…</div>\n';
}

/** A visible box with the first messages, their lines counted in the Markdown file. */
function errorBox(errors: Array<{ line?: number; message: string }>, fenceLine: number | undefined): string {
    const items = errors.map(error => {
        const line = error.line !== undefined && fenceLine !== undefined ? fenceLine + 1 + error.line : undefined;
        return `<li>${line !== undefined ? `line ${line}: ` : ''}${escapeXml(error.message)}</li>`;
    });
    return `<div class="journey-map-error" role="alert"><strong>Journey map not drawn</strong><ul>${items.join('')}</ul></div>\n`;
}
