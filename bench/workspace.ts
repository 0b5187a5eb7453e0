/**
 * bench/workspace: a repository of 1,000 maps of 50 steps, each importing one shared persona
 * file — the shape of a team's repository — opened in the language server over stdio, and
 * checked with `journeymap check`. Prints, with the baseline (JSON.parse of the same content,
 * measured in the same run) and each target as met or missed:
 *   - the opened file's first diagnostics, against the same file in a workspace of its own (≤ 2×);
 *   - diagnostics for the whole workspace, and `journeymap check` of it (each ≤ 50× JSON.parse);
 *   - the server's resident memory once the workspace is built (≤ 300 MB).
 *   npm run build && node --import tsx bench/workspace.ts [maps] [steps]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLanguageServer } from '../test/e2e/lsp-client.js';

const maps = Number(process.argv[2] ?? 1000);
const steps = Number(process.argv[3] ?? 50);

const people = [
    'persona Ana "Ana, small-business owner" { goal "Find a supplier fast" }',
    'persona 小王 "小王，年轻的上班族"',
    'channel Web "Website" online',
    'channel App "Mobile app" online',
    'metric conversion "Conversion" percent target >= 12',
    'metric csat "CSAT" scale 1..5 target >= 4.2'
].join('\n') + '\n';

/** One map of the repository: its text, and the same content as JSON for the baseline. */
function map(index: number): { text: string; json: string } {
    const stages = Array.from({ length: Math.ceil(steps / 10) }, (_, s) => Array.from({ length: Math.min(10, steps - s * 10) }, (_, i) => s * 10 + i));
    const lines = ['import "../shared/people.journey"', '', `journey J${index} "Journey ${index} 旅程" {`, '  persona Ana, 小王'];
    for (const [s, stepNumbers] of stages.entries()) {
        lines.push(`  stage S${s} "Stage ${s} 阶段" {`);
        for (const n of stepNumbers) {
            lines.push(`    step T${n} "Step ${n} 看到广告" {`, `      channel ${n % 2 ? 'Web' : 'App'}`, `      touchpoint "Touchpoint ${n}"`,
                `      emotion ${1 + (n % 5)} curious`, ...(n % 3 === 0 ? ['      pain "Shipping costs appear only in the cart"'] : []),
                `      metric ${n % 2 ? 'conversion' : 'csat'} = ${n % 2 ? 10 + (n % 7) : 3 + (n % 3) / 2}`, '    }');
        }
        lines.push('  }');
    }
    lines.push('}');
    const json = JSON.stringify({ imports: ['../shared/people.journey'], journey: { name: `J${index}`, personas: ['Ana', '小王'], stages: stages.map((numbers, s) => ({ name: `S${s}`, steps: numbers.map(n => ({ name: `T${n}`, title: `Step ${n} 看到广告`, channel: n % 2 ? 'Web' : 'App', touchpoint: `Touchpoint ${n}`, emotion: 1 + (n % 5), feeling: 'curious', pain: n % 3 === 0 ? 'Shipping costs appear only in the cart' : undefined, metric: n % 2 ? 10 + (n % 7) : 3 + (n % 3) / 2 })) })) } });
    return { text: lines.join('\n') + '\n', json };
}

function writeWorkspace(count: number): { folder: string; opened: string; json: string[] } {
    const folder = mkdtempSync(join(tmpdir(), `workspace-${count}-`));
    mkdirSync(join(folder, 'shared'));
    mkdirSync(join(folder, 'maps'));
    writeFileSync(join(folder, 'shared', 'people.journey'), people);
    const json: string[] = [];
    for (let index = 0; index < count; index++) {
        const { text, json: content } = map(index);
        writeFileSync(join(folder, 'maps', `m${String(index).padStart(4, '0')}.journey`), text);
        json.push(content);
    }
    return { folder, opened: join(folder, 'maps', 'm0000.journey'), json };
}

/** The fastest of a few runs, in milliseconds. */
function fastest(runs: number, work: () => void): number {
    let best = Infinity;
    for (let run = 0; run < runs; run++) {
        const start = performance.now();
        work();
        best = Math.min(best, performance.now() - start);
    }
    return best;
}

const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Opens the workspace in a fresh server, opens one file: when its diagnostics came, when every file's had, and the memory then. */
async function openInServer(folder: string, opened: string, files: number): Promise<{ openedMs: number; allMs: number; residentMb: number }> {
    const start = performance.now();
    const session = await startLanguageServer(folder);
    const uri = pathToFileURL(opened).toString();
    const published = new Set<string>();
    let openedMs = 0;
    let allMs = 0;
    let done: () => void = () => undefined;
    const everything = new Promise<void>(resolve => { done = resolve; });
    // One handler for the method (a second would replace the session's own).
    session.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
        published.add(params.uri);
        if (params.uri === uri && openedMs === 0) openedMs = performance.now() - start;
        if (published.size === files && allMs === 0) {
            allMs = performance.now() - start;
            done();
        }
    });
    session.open(uri, readFileSync(opened, 'utf8'));
    await everything;
    // Let the server settle before reading its memory.
    await session.connection.sendRequest('workspace/symbol', { query: 'T1' });
    const memory = residentMb(session.server.pid!);
    await session.stop();
    return { openedMs, allMs, residentMb: memory };
}

function verdict(ok: boolean): string {
    return ok ? 'met' : 'MISSED';
}

const alone = writeWorkspace(1);
const workspace = writeWorkspace(maps);
const jsonMs = fastest(5, () => { for (const content of workspace.json) JSON.parse(content); });
const totalBytes = workspace.json.reduce((sum, content) => sum + content.length, 0);
console.log(`workspace: ${maps} maps of ${steps} steps importing one persona file (${(totalBytes / 1e6).toFixed(1)} MB as JSON)`);
console.log(`baseline: JSON.parse of the same content ${jsonMs.toFixed(1)} ms`);

const single = await openInServer(alone.folder, alone.opened, 2);
const whole = await openInServer(workspace.folder, workspace.opened, maps + 1);
const openRatio = whole.openedMs / single.openedMs;
console.log(`opened file diagnosed: ${whole.openedMs.toFixed(0)} ms in the workspace, ${single.openedMs.toFixed(0)} ms alone — ${openRatio.toFixed(2)}× (target ≤ 2×): ${verdict(openRatio <= 2)}`);
const allRatio = whole.allMs / jsonMs;
console.log(`whole workspace diagnosed: ${whole.allMs.toFixed(0)} ms — ${allRatio.toFixed(0)}× JSON.parse (target ≤ 50×): ${verdict(allRatio <= 50)}`);
console.log(`server resident memory: ${whole.residentMb.toFixed(0)} MB (target ≤ 300 MB): ${verdict(whole.residentMb <= 300)}`);

const checkStart = performance.now();
const check = spawnSync(process.execPath, [join('bin', 'journeymap.cjs'), 'check', workspace.folder, '--root', workspace.folder], { encoding: 'utf8' });
const checkMs = performance.now() - checkStart;
if (check.status !== 0) console.log(`journeymap check exited ${check.status}: ${(check.stdout + check.stderr).slice(0, 500)}`);
const checkRatio = checkMs / jsonMs;
console.log(`journeymap check of it: ${checkMs.toFixed(0)} ms — ${checkRatio.toFixed(0)}× JSON.parse (target ≤ 50×): ${verdict(checkRatio <= 50)}`);
