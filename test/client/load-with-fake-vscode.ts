import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../journey-test-kit.js';
import type * as FakeVsCode from './fake-vscode.js';

export interface ClientModules {
    preview: typeof import('../../client/preview-panel.js');
    compare: typeof import('../../client/compare-commands.js');
    activate: typeof import('../../client/activate-journey.js');
    webFences: typeof import('../../client/web-markdown-fences.js');
    vscode: typeof FakeVsCode;
}

/** Bundles the extension's modules with `vscode` replaced by the stand-in, so all share one fake. */
export async function loadWithFakeVsCode(): Promise<ClientModules> {
    const dir = mkdtempSync(join(tmpdir(), 'client-'));
    const contents = [
        `export * as preview from ${JSON.stringify(join(repoRoot, 'client/preview-panel.ts'))};`,
        `export * as compare from ${JSON.stringify(join(repoRoot, 'client/compare-commands.ts'))};`,
        `export * as activate from ${JSON.stringify(join(repoRoot, 'client/activate-journey.ts'))};`,
        `export * as webFences from ${JSON.stringify(join(repoRoot, 'client/web-markdown-fences.ts'))};`,
        `export * as vscode from 'vscode';`
    ].join('\n');
    await esbuild.build({
        stdin: { contents, resolveDir: repoRoot, loader: 'ts', sourcefile: join(dir, 'entry.ts') },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: join(dir, 'bundle.cjs'),
        alias: {
            vscode: join(repoRoot, 'test/client/fake-vscode.ts'),
            'vscode-languageclient': join(repoRoot, 'test/client/fake-languageclient.ts')
        },
        logLevel: 'warning'
    });
    return createRequire(import.meta.url)(join(dir, 'bundle.cjs'));
}
