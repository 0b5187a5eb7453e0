import type { Connection } from 'vscode-languageserver';
import { DrawFenceRequest } from '../protocol/fence-request.js';
import { drawFence, type CreateFenceServices } from './fence-drawing.js';

/**
 * Answers `journey/drawFence`: a Markdown fence drawn in services of its own, so that the open
 * workspace never sees the fence's map (its journeys would clash with the workspace's).
 */
export function registerFenceRequest(connection: Connection, createServices: CreateFenceServices): void {
    connection.onRequest(DrawFenceRequest, request => drawFence(createServices, request));
}
