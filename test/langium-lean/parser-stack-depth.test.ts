import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

/**
 * The property behind the parser guards: error recovery runs in a stack depth that does not
 * grow with the input. Checked on random breakage of a 2,000-step map in a process with a
 * third of Node's stack, where stock Chevrotain overflows (LANGIUM_LEAN_PARSER_GUARDS=off).
 */
describe('parser stack depth', function () {
    this.timeout(300_000);
    const seed = Date.now() % 1_000_000;

    function parseInSmallStack(guards: 'on' | 'off', runs: number) {
        return spawnSync(
            process.execPath,
            [
                '--stack-size=300',
                '--import',
                'tsx',
                join(repoRoot, 'test', 'language', 'parse-in-small-stack.ts'),
                String(runs),
                String(seed)
            ],
            {
                cwd: repoRoot,
                encoding: 'utf8',
                env: { ...process.env, LANGIUM_LEAN_PARSER_GUARDS: guards }
            }
        );
    }

    it(`parses any breakage of a 2,000-step map in a third of the stack (seed ${seed})`, () => {
        const result = parseInSmallStack('on', 40);
        assert.equal(result.status, 0, result.stderr.slice(0, 2000));
    });

    it('overflows that stack without the guards, so the check above can fail', () => {
        const result = parseInSmallStack('off', 40);
        assert.notEqual(result.status, 0);
        assert.match(result.stderr, /stack overflow: Maximum call stack size exceeded/);
    });
});
