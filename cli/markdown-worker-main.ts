/** dist/markdown-worker.cjs: the markdown-it plugin's worker thread. */
import { answerMarkdownFences } from '../server/markdown-render-worker.js';

answerMarkdownFences();
