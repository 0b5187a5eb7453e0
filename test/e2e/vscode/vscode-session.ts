import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../browser-kit.js';
import { examplesDir, repoRoot } from '../../journey-test-kit.js';
import {
    codeServerBinary,
    packageVsix,
    startCodeServer,
    type CodeServer,
    type CodeServerOptions
} from './code-server.js';
import { Workbench } from './workbench.js';

const screenshots = join(repoRoot, 'test', 'output', 'vscode');

export interface VsCodeSessionOptions extends CodeServerOptions {
    /** Names the screenshots of this suite's scenarios. */
    screenshotPrefix?: string;
    /** More `.vsix` files to install before ours (e.g. a language pack). */
    extraExtensions?: () => string[];
    /** Changes the copy of `examples/` before VS Code opens it. */
    prepareWorkspace?: (folder: string) => void;
}

/**
 * Registers, in the calling `describe`, the hooks of one VS Code session: code-server with
 * the packaged `.vsix` on a copy of `examples/`, Chromium on its workbench, a screenshot
 * after every scenario (`FAILED-…` when it failed), and everything stopped afterwards.
 */
export function useVsCodeSession(options: VsCodeSessionOptions = {}): {
    workbench: () => Workbench;
    workspace: () => string;
} {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let workbench: Workbench | undefined;
    let workspace = '';

    before(async () => {
        const bin = codeServerBinary();
        workspace = mkdtempSync(join(tmpdir(), 'journeys-'));
        cpSync(examplesDir, workspace, { recursive: true });
        options.prepareWorkspace?.(workspace);
        server = await startCodeServer(bin, [...(options.extraExtensions?.() ?? []), packageVsix()], options);
        browser = await launchChromium();
        workbench = new Workbench(await browser.newPage({ viewport: { width: 1600, height: 1000 } }));
        await workbench.open(server.url, workspace);
        mkdirSync(screenshots, { recursive: true });
    });

    afterEach(async function () {
        const name = `${options.screenshotPrefix ?? ''}${this.currentTest?.title.replace(/[^\w]+/g, '-').slice(0, 60) ?? 'scenario'}`;
        await workbench?.page
            .screenshot({
                path: join(screenshots, `${this.currentTest?.state === 'failed' ? 'FAILED-' : ''}${name}.png`)
            })
            .catch(() => undefined);
    });

    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    return { workbench: () => workbench!, workspace: () => workspace };
}
