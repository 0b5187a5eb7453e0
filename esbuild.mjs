// Bundles the extension, the language server and the CLI into dist/ (CommonJS for Node).
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { extractMessages } from './tools/extract-messages.mjs';

const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const options = {
    entryPoints: {
        server: 'server/main.ts',
        cli: 'cli/main.ts',
        'site-worker': 'cli/site-worker.ts',
        'check-worker': 'cli/check-worker.ts',
        'duckdb-worker': 'cli/duckdb-worker.ts'
    },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Native modules and database drivers: loaded from node_modules, only when a PNG is asked
    // for (resvg) or `data pull` runs a query (DuckDB, pg), so no other command or bundle carries them.
    external: ['vscode', '@resvg/resvg-js', '@duckdb/node-api', 'pg'],
    // import() of those is written as require: code run from V8's code cache (bin/code-cache.cjs) cannot import.
    supported: { 'dynamic-import': false },
    sourcemap: true,
    logLevel: 'warning'
};

/**
 * The VS Code client: no parser in it (the language runs in the server), minified, with a
 * record of what went in for the test that keeps it so.
 */
/** @type {esbuild.BuildOptions} */
const clientOptions = { ...options, entryPoints: { extension: 'client/extension.ts' }, minify: true, metafile: true };

mkdirSync('dist/web', { recursive: true });
// package.json says "type": "module"; the bundles in dist/ are CommonJS.
writeFileSync('dist/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');
writeFileSync('dist/web/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');

/** The preview webview's script: a browser bundle with the renderers and Mermaid. */
/** @type {esbuild.BuildOptions} */
const previewOptions = {
    // Mermaid is a bundle of its own, loaded by the preview only when a Mermaid view opens.
    entryPoints: { preview: 'preview/main.ts', mermaid: 'preview/mermaid-entry.ts', 'site-search': 'preview/site-search.ts', 'journey-map': 'preview/journey-map-element.ts',
        'story-player': 'preview/story-player.ts', 'site-index': 'preview/site-index.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'warning'
};

/**
 * The web extension (vscode.dev, github.dev): the extension for VS Code's web worker
 * extension host, and the language server for a worker of its own. Built for the browser,
 * so importing a Node built-in fails the build; csv-parse has a browser build of its own.
 */
/** @type {esbuild.BuildOptions} */
const webOptions = {
    entryPoints: { extension: 'client/extension-browser.ts' },
    outdir: 'dist/web',
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    alias: { 'csv-parse': 'csv-parse/browser/esm', 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
    external: ['vscode'],
    minify: true,
    metafile: true,
    // `.cjs`: package.json says "type": "module", and VS Code's web worker extension host
    // refuses an ES module entry; a `.cjs` entry it loads as CommonJS.
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning'
};

/** @type {esbuild.BuildOptions} */
const webServerOptions = { ...webOptions, entryPoints: { server: 'server/main-browser.ts' }, format: 'iife', outExtension: {} };

/**
 * The markdown-it plugin (`journey-maps-as-code/markdown-it`, also VS Code's Markdown preview)
 * and the worker thread it draws fences in, which holds the language.
 */
/** @type {esbuild.BuildOptions} */
const markdownOptions = {
    ...options,
    entryPoints: { 'markdown-it': 'markdown/markdown-it-journey.ts', 'markdown-worker': 'cli/markdown-worker-main.ts' },
    outExtension: { '.js': '.cjs' },
    // The plugin is what `require` gives and what an ES module's default import gives (Node's default of
    // a CommonJS module is `module.exports`); `.default` stays for code written against the bundle before.
    footer: { js: "if (typeof module.exports.default === 'function') module.exports = Object.assign(module.exports.default, module.exports);" }
};

const all = [options, previewOptions, webOptions, webServerOptions, clientOptions, markdownOptions];
if (watch) {
    await Promise.all(all.map(async o => (await esbuild.context(o)).watch()));
} else {
    const [, , webExtension, webServer, client] = await Promise.all(all.map(o => esbuild.build(o)));
    // What went into the web bundles, for the test that no Node built-in is among it.
    writeFileSync('dist/web/meta.json', JSON.stringify({ extension: webExtension.metafile, server: webServer.metafile }));
    writeFileSync('dist/client-meta.json', JSON.stringify(client.metafile));
    // The messages of every `t(…)`, for the localisation test; a message that is not a literal fails the build.
    const { messages, problems } = extractMessages(process.cwd());
    if (problems.length > 0) {
        console.error(`A message must be a string literal, or no translation bundle can hold it:\n  ${problems.join('\n  ')}`);
        process.exit(1);
    }
    writeFileSync('dist/l10n-messages.json', JSON.stringify(messages, null, 1) + '\n');
}
