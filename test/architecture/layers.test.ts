import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../journey-test-kit.js';

/**
 * The folders are layers that import one way (see docs/architecture.md). The import graph is
 * the bundler's, over every entry point we ship: what it follows is what runs.
 */
const entryPoints = [
    'client/extension.ts',
    'client/extension-browser.ts',
    'server/main.ts',
    'server/main-browser.ts',
    'cli/main.ts',
    'preview/main.ts'
];

/** Folders whose code must run without the parser: in the VS Code client, the webview, renderers anyone can call. */
const parserFree = [
    'model',
    'metrics',
    'paths',
    'analysis',
    'render',
    'diff',
    'protocol',
    'edit',
    'preview',
    'client',
    'import'
];

type FolderGraph = Map<string, Map<string, string>>;

describe('the layers', function () {
    this.timeout(60_000);
    let graph: FolderGraph;
    let packagesByFolder: Map<string, Set<string>>;

    before(async () => {
        const result = await esbuild.build({
            absWorkingDir: repoRoot,
            entryPoints,
            bundle: true,
            write: false,
            metafile: true,
            outdir: 'out/layers',
            platform: 'node',
            format: 'esm',
            logLevel: 'silent',
            // The browser entries resolve only under the browser condition: their folders are what matter here.
            external: [
                'vscode',
                '@resvg/resvg-js',
                '@duckdb/node-api',
                'pg',
                'vscode-languageclient/browser',
                'vscode-languageserver/browser'
            ]
        });
        ({ graph, packagesByFolder } = folderGraph(result.metafile));
    });

    it('have no import circle between folders', () => {
        const circle = findCircle(graph);
        assert.equal(
            circle,
            undefined,
            circle && `import circle: ${circle.map(folder => `${folder}`).join(' → ')}\n${explain(graph, circle)}`
        );
    });

    it('keep the lean layer below the language: langium-lean/ imports no folder of ours, and the language builds on it', () => {
        assert.deepEqual([...(graph.get('langium-lean')?.keys() ?? [])], [], explainArrows(graph, 'langium-lean'));
        assert.ok(graph.get('language')?.has('langium-lean'), 'language/ imports langium-lean/');
    });

    it('keep Langium and Chevrotain out of the model, the renderers, the protocol, the preview and the client', () => {
        for (const folder of parserFree) {
            const parsers = [...(packagesByFolder.get(folder) ?? [])].filter(name =>
                /^(langium|chevrotain|vscode-languageserver)$/.test(name)
            );
            assert.deepEqual(parsers, [], `${folder}/ imports ${parsers.join(', ')}`);
            const language = graph.get(folder)?.get('language') ?? graph.get(folder)?.get('server');
            assert.equal(language, undefined, `${folder}/ imports the language: ${language}`);
        }
    });

    it('find a circle when there is one (the check itself)', () => {
        const withCircle: FolderGraph = new Map([
            ['render', new Map([['diff', 'render/a.ts → diff/b.ts']])],
            ['diff', new Map([['render', 'diff/b.ts → render/a.ts']])]
        ]);
        assert.deepEqual(findCircle(withCircle), ['diff', 'render', 'diff']);
    });

    it('import only packages the package declares as dependencies', () => {
        const declared = new Set(
            Object.keys(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).dependencies)
        );
        const used = new Set([...packagesByFolder.values()].flatMap(packages => [...packages]));
        // Packages the bundler reached only through another package are that package's own.
        const undeclared = [...used].filter(name => !declared.has(name));
        assert.deepEqual(undeclared, [], `imported but not in dependencies: ${undeclared.join(', ')}`);
    });

    it('give a VS Code client without the parser, minified', () => {
        const size = statSync(join(repoRoot, 'dist', 'extension.js')).size;
        // vscode-languageclient 10 and its protocol packages are most of it; its load time is in docs/performance.md.
        assert.ok(size < 560_000, `dist/extension.js is ${size} bytes`);
    });
});

function folderOf(path: string): string | undefined {
    if (path.includes('node_modules/')) return undefined;
    const [folder] = path.split('/');
    return folder;
}

function packageOf(path: string): string | undefined {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    return match?.[1];
}

/** A package left out of the bundle (loaded at run time), by name; Node's own modules and VS Code's API are none. */
function externalPackageOf(path: string): string | undefined {
    if (path.startsWith('node:') || path === 'vscode' || builtinModules.includes(path)) return undefined;
    return /^(@[^/]+\/)?[^/]+/.exec(path)?.[0];
}

function folderGraph(metafile: esbuild.Metafile): { graph: FolderGraph; packagesByFolder: Map<string, Set<string>> } {
    const graph: FolderGraph = new Map();
    const packagesByFolder = new Map<string, Set<string>>();
    for (const [path, input] of Object.entries(metafile.inputs)) {
        const from = folderOf(path);
        if (!from) continue;
        for (const imported of input.imports) {
            const to = folderOf(imported.path);
            const pkg = imported.external ? externalPackageOf(imported.path) : packageOf(imported.path);
            if (pkg) {
                if (!packagesByFolder.has(from)) packagesByFolder.set(from, new Set());
                packagesByFolder.get(from)!.add(pkg);
            } else if (to && to !== from && !imported.external) {
                if (!graph.has(from)) graph.set(from, new Map());
                if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${path} → ${imported.path}`);
            }
        }
    }
    return { graph, packagesByFolder };
}

/** A circle of folders, as the path that closes it, or undefined. */
function findCircle(graph: FolderGraph): string[] | undefined {
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (folder: string): string[] | undefined => {
        if (state.get(folder) === 'open') return [...path.slice(path.indexOf(folder)), folder];
        if (state.get(folder) === 'done') return undefined;
        state.set(folder, 'open');
        path.push(folder);
        for (const next of [...(graph.get(folder)?.keys() ?? [])].sort()) {
            const circle = visit(next);
            if (circle) return circle;
        }
        path.pop();
        state.set(folder, 'done');
        return undefined;
    };
    for (const folder of [...graph.keys()].sort()) {
        const circle = visit(folder);
        if (circle) return circle;
    }
    return undefined;
}

function explainArrows(graph: FolderGraph, from: string): string {
    return [...(graph.get(from)?.values() ?? [])].join('\n');
}

function explain(graph: FolderGraph, circle: string[]): string {
    return circle.slice(1).map((to, index) => graph.get(circle[index])?.get(to)).join('\n');
}
