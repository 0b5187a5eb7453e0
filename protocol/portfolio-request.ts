import { RequestType } from 'vscode-jsonrpc';
import type { BacklogRow } from '../analysis/opportunity-backlog.js';

/**
 * Asks the server for every declared opportunity of the workspace, with the steps it addresses, for the preview's
 * portfolio.
 */
export interface PortfolioRequestResult {
    rows: BacklogRow[];
}

export const PortfolioRequest = new RequestType<Record<string, never>, PortfolioRequestResult, void>(
    'journey/portfolio'
);
