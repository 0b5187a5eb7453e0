// Bundles the extension, the language server and the CLI into dist/ (CommonJS for Node).
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const options = {
    entryPoints: {
        extension: 'client/extension.ts',
        server: 'server/main.ts',
        cli: 'cli/main.ts'
    },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // playwright-core is loaded from node_modules, only when a PNG is asked for.
    external: ['vscode', 'playwright-core'],
    sourcemap: true,
    logLevel: 'warning'
};

mkdirSync('dist', { recursive: true });
// package.json says "type": "module"; the bundles in dist/ are CommonJS.
writeFileSync('dist/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');

/** The preview webview's script: a browser bundle with the renderers and Mermaid. */
/** @type {esbuild.BuildOptions} */
const previewOptions = {
    entryPoints: { preview: 'preview/main.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'warning'
};

if (watch) {
    await Promise.all([options, previewOptions].map(async o => (await esbuild.context(o)).watch()));
} else {
    await Promise.all([esbuild.build(options), esbuild.build(previewOptions)]);
}
