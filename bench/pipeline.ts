/**
 * bench/pipeline: how the language pipeline scales, at 100, 1,000, 10,000 and 50,000 steps
 * (BENCH_SIZES), median of BENCH_RUNS runs: parse, full build (parse + link + validate),
 * model build, SVG render, and through the running server over stdio edit → diagnostics
 * and completion; each as a ratio to JSON.parse of the same content, measured in the same
 * run. Also heap per step, the extension's load time and the bundle sizes. Prints a table
 * and writes bench/results.json. Run with `node --expose-gc` (npm run bench does).
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'langium';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { renderJourneyMapSvg } from '../render/index.js';
import { startLanguageServer } from '../test/e2e/lsp-client.js';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const repoRoot = join(import.meta.dirname, '..');

/** A journey of `steps` steps in stages of ten, each with the usual properties, as .journey text and as JSON. */
function generated(steps: number): { text: string; json: string } {
    const stages = Array.from({ length: Math.ceil(steps / 10) }, (_, s) => ({
        name: `S${s}`, title: `Stage ${s} 阶段`,
        steps: Array.from({ length: Math.min(10, steps - s * 10) }, (_, i) => {
            const n = s * 10 + i;
            return { name: `T${n}`, title: `Step ${n} 看到广告`, channel: 'Web', touchpoint: `Touchpoint ${n}`, emotion: 1 + (n % 5), feeling: 'curious', pain: n % 3 === 0 ? 'Shipping costs appear only in the cart' : undefined, metric: n % 4 };
        })
    }));
    const lines = ['channel Web online', 'metric m count', 'journey Bench "Bench" {', '  emotion scale 1..5'];
    for (const stage of stages) {
        lines.push(`  stage ${stage.name} "${stage.title}" {`);
        for (const step of stage.steps) {
            lines.push(`    step ${step.name} "${step.title}" {`, `      channel ${step.channel}`, `      touchpoint "${step.touchpoint}"`, `      emotion ${step.emotion} ${step.feeling}`);
            if (step.pain) lines.push(`      pain "${step.pain}"`);
            lines.push(`      metric m = ${step.metric}`, '    }');
        }
        lines.push('  }');
    }
    lines.push('}');
    return { text: lines.join('\n') + '\n', json: JSON.stringify({ journey: { name: 'Bench', stages } }) };
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function timed(times: number, work: () => unknown): Promise<number> {
    const samples: number[] = [];
    for (let run = 0; run < times; run++) {
        const start = performance.now();
        await work();
        samples.push(performance.now() - start);
    }
    return median(samples);
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function inProcess(size: number, text: string, json: string) {
    const times = size >= 50_000 ? Math.min(runs, 3) : runs;
    const jsonParse = await timed(times, () => JSON.parse(json));
    const parser = createNodeJourneyServices().Journey.parser.LangiumParser;
    const parse = await timed(times, () => parser.parse(text));
    const build = await timed(times, () => buildOnce(text, size));
    // Heap held by one built document: measured apart, with the document kept alive across the second collection.
    gc();
    const before = process.memoryUsage().heapUsed;
    const { services, built } = await buildOnce(text, size);
    gc();
    const heapPerStep = (process.memoryUsage().heapUsed - before) / size;
    const model = await services.Journey.journey.ModelBuilder.build(built);
    const modelTime = await timed(times, () => services.Journey.journey.ModelBuilder.build(built));
    const svg = await timed(times, () => renderJourneyMapSvg(model));
    return { jsonParse, parse, build, model: modelTime, svg, heapPerStepKB: heapPerStep / 1024 };
}

async function buildOnce(text: string, size: number) {
    const services = createNodeJourneyServices();
    const built = services.shared.workspace.LangiumDocuments.createDocument(URI.file(join(tmpdir(), `bench-${size}.journey`)), text);
    await services.shared.workspace.DocumentBuilder.build([built], { validation: true });
    return { services, built };
}

/** Edit → diagnostics and completion through `node dist/server.js --stdio`, as an editor sees them. */
async function throughServer(size: number, text: string) {
    const folder = mkdtempSync(join(tmpdir(), 'bench-server-'));
    const uri = pathToFileURL(join(folder, 'bench.journey')).toString();
    const session = await startLanguageServer(folder);
    try {
        session.open(uri, text);
        await session.diagnosticsFor(uri);
        const lines = text.split('\n');
        const emotionLine = lines.findIndex(line => line.includes('emotion 1 curious'));
        const times = size >= 50_000 ? Math.min(runs, 3) : runs;
        let version = 1;
        const edit = await timed(times, async () => {
            session.forgetDiagnostics(uri);
            version++;
            session.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri, version },
                contentChanges: [{ range: { start: { line: emotionLine, character: 14 }, end: { line: emotionLine, character: 15 } }, text: String(1 + (version % 5)) }]
            });
            await session.diagnosticsFor(uri);
        });
        const completion = await timed(times, () => session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: emotionLine - 2, character: 14 } }));
        return { editToDiagnostics: edit, completion };
    } finally {
        await session.stop();
    }
}

/** Loading the extension's bundle (what VS Code does first on activation), with a stand-in `vscode` module. */
function extensionLoadTime(): number {
    const require = createRequire(import.meta.url);
    const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
    (Module as unknown as { _resolveFilename: unknown })._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? 'vscode' : resolve(request, ...rest));
    // Every name of the stand-in is a function, so `class X extends vscode.Y` and calls at load time work.
    const standIn: object = new Proxy(function standIn() { return undefined; }, { get: () => standIn });
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: standIn } as never;
    const start = performance.now();
    require(join(repoRoot, 'dist', 'extension.js'));
    return performance.now() - start;
}

function bundleSizes(): Record<string, number> {
    return Object.fromEntries(['extension.js', 'server.js', 'cli.js', 'preview.js', 'mermaid.js', 'web/extension.js', 'web/server.js'].map(file => [file, statSync(join(repoRoot, 'dist', file)).size]));
}

async function main(): Promise<void> {
    const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, runs, sizes: {} };
    const rows: string[][] = [];
    for (const size of sizes) {
        const { text, json } = generated(size);
        const local = await inProcess(size, text, json);
        const server = await throughServer(size, text);
        const entry = { ...local, ...server, megabytes: text.length / 1024 / 1024 };
        (results.sizes as Record<number, unknown>)[size] = entry;
        const ratio = (value: number) => `${value.toFixed(1)} ms (${(value / entry.jsonParse).toFixed(0)}×)`;
        rows.push([String(size), `${entry.jsonParse.toFixed(2)} ms`, ratio(entry.parse), ratio(entry.build), ratio(entry.editToDiagnostics), `${entry.completion.toFixed(1)} ms`, `${entry.model.toFixed(1)} ms`, `${entry.svg.toFixed(1)} ms`, `${entry.heapPerStepKB.toFixed(1)} KB`]);
        console.error(`measured ${size} steps`);
    }
    results.extensionLoadMs = extensionLoadTime();
    results.bundleBytes = bundleSizes();
    const header = ['steps', 'JSON.parse', 'parse', 'build', 'edit → diagnostics', 'completion', 'model', 'SVG', 'heap/step'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
    console.log([line(header), `|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
    console.log(`\nextension bundle load: ${(results.extensionLoadMs as number).toFixed(0)} ms`);
    console.log(`bundles: ${Object.entries(results.bundleBytes as Record<string, number>).map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(0)} KB`).join(', ')}`);
    writeFileSync(join(repoRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

await main();
process.exit(0);
