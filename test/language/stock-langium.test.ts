import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fastPathEnabled } from '../../language/journey-lean.js';
import { repoRoot } from '../journey-test-kit.js';

/**
 * The language's and the lean layer's tests, the equivalence of incremental and whole parses
 * among them, run again without the lean layer (JOURNEYMAP_FAST_PATH=off): stock Langium must
 * give the same trees, links and diagnostics, so that the switch is a way out, not a different
 * language. Run in a process of its own, since the lean layer changes Langium's composite node
 * class for the whole process (see langium-lean/lean-cst-builder.ts).
 */
describe('the language on stock Langium (JOURNEYMAP_FAST_PATH=off)', function () {
    this.timeout(15 * 60_000);

    it('passes every language test', async function () {
        if (!fastPathEnabled()) this.skip(); // Already the run without the fast path.
        const tests = [
            'test/language/**/*.test.ts',
            'test/langium-lean/**/*.test.ts',
            '--ignore',
            'test/language/stock-langium.test.ts'
        ];
        const { code, output } = await runMocha(tests, { JOURNEYMAP_FAST_PATH: 'off' });
        const summary = /^(\d+) passed, (\d+) failed/m.exec(output);
        assert.ok(summary, `mocha reported no result (exit ${code}):\n${output.slice(-3000)}`);
        assert.equal(Number(summary[2]), 0, failuresOf(output));
        assert.ok(Number(summary[1]) > 100, `only ${summary[1]} tests ran`);
        assert.equal(code, 0);
    });
});

function runMocha(
    args: string[],
    environment: Record<string, string>
): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), ...args], {
            cwd: repoRoot,
            env: { ...process.env, ...environment },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        child.stdout.on('data', chunk => {
            output += chunk;
        });
        child.stderr.on('data', chunk => {
            output += chunk;
        });
        child.on('error', reject);
        child.on('close', code => resolve({ code, output }));
    });
}

/** Mocha's list of failures, from "N failing" on. */
function failuresOf(output: string): string {
    const start = output.search(/^\s+\d+ failing/m);
    return start < 0 ? output.slice(-3000) : output.slice(start, start + 6000);
}
