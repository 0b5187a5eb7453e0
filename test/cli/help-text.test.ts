import * as assert from 'node:assert/strict';
import { runCli } from './cli-runner.js';

/** The help a user reads, as prettier's and eslint's read: no defaults that say nothing. */
describe('journeymap --help', () => {
    for (const command of [['check'], ['fmt'], ['metrics'], ['diff'], ['render'], ['import', 'mermaid']]) {
        it(`journeymap ${command.join(' ')} --help shows no empty default`, () => {
            const help = runCli([...command, '--help']);
            assert.equal(help.status, 0, help.stderr);
            assert.match(help.stdout, /^Usage: journeymap /);
            assert.doesNotMatch(help.stdout, /\(default: \[\]\)/);
        });
    }

    it('says what an omitted path means, and the line limit of check', () => {
        const help = runCli(['check', '--help']).stdout.replace(/\s+/g, ' ');
        assert.match(help, /files or folders to check \(default: the current folder\)/);
        assert.match(help, /--max-line-length <characters> do not parse a file with a longer line \(default: 100000\)/);
    });
});
