/**
 * The worker thread the markdown-it plugin draws fences in (markdown/sync-worker.ts): it holds
 * the language, which the plugin's own bundle does not. It runs from dist/markdown-worker.cjs
 * (the npm package's plugin), or from the language server's bundle (VS Code's Markdown
 * preview), so that the extension does not carry the language twice.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import type { FenceRequest } from '../markdown/journey-fence.js';
import { answerInWorker } from '../markdown/sync-worker.js';
import { drawFence } from './fence-drawing.js';

export function answerMarkdownFences(): void {
    if (parentPort)
        answerInWorker(workerData.port, parentPort, (request: FenceRequest) =>
            drawFence(() => createNodeJourneyServices(), request)
        );
}
