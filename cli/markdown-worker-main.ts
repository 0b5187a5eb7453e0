/** dist/markdown-worker.cjs: the markdown-it plugin's worker thread. */
import { answerMarkdownFences } from './markdown-render-worker.js';

answerMarkdownFences();
