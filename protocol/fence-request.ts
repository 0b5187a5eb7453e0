import { RequestType } from 'vscode-jsonrpc';
import type { FenceRequest, FenceResult } from '../markdown/journey-fence.js';

/**
 * Draws a ```journey fence of a Markdown file (the web extension's Markdown preview, which has no worker thread to wait
 * on).
 */
export const DrawFenceRequest = new RequestType<FenceRequest, FenceResult, void>('journey/drawFence');
