/**
 * The worker thread the markdown-it plugin draws fences in (markdown/sync-worker.ts): it holds
 * the language, which the plugin's own bundle does not.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerInWorker } from '../markdown/sync-worker.js';
import { renderFence } from './markdown-fence-rendering.js';

if (parentPort) answerInWorker(workerData.port, parentPort, renderFence);
