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
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning'
};

mkdirSync('dist', { recursive: true });
// package.json says "type": "module"; the bundles in dist/ are CommonJS.
writeFileSync('dist/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');

if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
} else {
    await esbuild.build(options);
}
