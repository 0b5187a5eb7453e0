import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../cli/cli-runner.js';
import { repoRoot } from '../journey-test-kit.js';

const folder = join(repoRoot, 'test', 'fixtures', 'newcomer');
const english = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** `path:line:column severity code message` lines of `journeymap check`. */
function diagnostics(stdout: string): Array<{ line: number; severity: string; code: string; message: string }> {
    return stdout.split('\n').flatMap(text => {
        const match = /^[^:]+:(\d+):\d+ (\w+) ([\w-]+) (.*)$/.exec(text);
        return match ? [{ line: Number(match[1]), severity: match[2], code: match[3], message: match[4] }] : [];
    });
}

/**
 * The returns map a newcomer writes in Chinese on the first day, with the mistakes of issue 29:
 * one message per mistake, on its line, in the map's language, quoting what was written, and
 * nothing a writer cannot act on (a parser's "Expecting", a placeholder, an echo of a typo).
 */
describe('a newcomer\'s returns map (test/fixtures/newcomer)', () => {
    const result = runCli(['check', '退货.journey'], folder, english);
    const found = diagnostics(result.stdout);

    it('gets one message per mistake, on the mistake\'s line', () => {
        assert.equal(result.status, 1);
        assert.deepEqual(
            found.map(each => `${each.line} ${each.code}`),
            [
                '5 syntax-error',
                '13 full-width-punctuation',
                '14 syntax-error',
                '15 full-width-punctuation',
                '16 unresolved-reference',
                '19 full-width-punctuation',
                '21 data-column-unknown',
                '24 syntax-error',
                '29 syntax-error'
            ]
        );
    });

    it('says each in Chinese, quoting what was written', () => {
        const quoted = [
            '2 days',
            'emotion 3',
            'channel App',
            '= 72',
            'Dnoe',
            'touchpoint "短信通知"',
            '周, rate',
            'cheap',
            'in-progress'
        ];
        found.forEach((each, index) => {
            assert.match(each.message, /[\u4e00-\u9fff]/, each.message);
            assert.ok(
                each.message.includes(quoted[index]),
                `line ${each.line}: "${each.message}" does not quote ${quoted[index]}`
            );
            assert.doesNotMatch(each.message, /Expecting|\{[a-z]+\}|token of type/, each.message);
        });
    });
});
