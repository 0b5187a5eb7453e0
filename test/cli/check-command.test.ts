import * as assert from 'node:assert/strict';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { runCli, workspaceWith } from './cli-runner.js';

const brokenMap = `journey Broken {
  persona Bob
  stage One {
    step A { emotion 9 }
    step A { emotion 3 }
  }
}
`;

function assertNoStackTrace(text: string): void {
    assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, `stack trace in:\n${text}`);
}

describe('journeymap check', () => {
    it('passes the examples: exit 0 and a summary line', () => {
        const result = runCli(['check', 'examples']);
        assert.equal(result.status, 0, result.stdout + result.stderr);
        // The hints are meant: customers' answers disagree with the team at one step of the after-sales map,
        // and the returns log shows two moves the map does not show and a step nobody reaches.
        assert.match(result.stdout.trim(), /^6 files checked: 4 hints$/m);
        const hints = runCli(['check', 'examples', '--hints']).stdout;
        assert.match(hints, /售后服务\.journey:\d+:\d+ hint emotion-belief-gap /);
        assert.match(hints, /退货退款\.journey:27:\d+ hint undocumented-path 13 %的客户从“等待审核”直接到“收到退款”/);
        assert.match(hints, /退货退款\.journey:48:\d+ hint dead-step /);
        const sarif = JSON.parse(runCli(['check', 'examples', '--hints', '-f', 'sarif']).stdout);
        const rules = sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId);
        assert.ok(rules.includes('undocumented-path') && rules.includes('dead-step'), rules.join(', '));
    });

    it('reports the three errors of a broken map with path:line:col severity code message, and exits 1', () => {
        const dir = workspaceWith({ 'maps/broken.journey': brokenMap });
        const result = runCli(['check', 'maps'], dir);
        assert.equal(result.status, 1);
        const lines = result.stdout.trim().split('\n');
        assert.deepEqual(lines.slice(0, 3).map(line => line.split(' ').slice(0, 3).join(' ')), [
            `maps/broken.journey:2:11 error ${IssueCodes.UnresolvedReference}`,
            `maps/broken.journey:4:22 error ${IssueCodes.EmotionOutOfScale}`,
            `maps/broken.journey:5:10 error ${IssueCodes.DuplicateName}`
        ]);
        assert.equal(lines.at(-1), '1 file checked: 3 errors');
    });

    it('prints JSON with --format json', () => {
        const dir = workspaceWith({ 'broken.journey': brokenMap });
        const result = runCli(['check', '--format', 'json', 'broken.journey'], dir);
        assert.equal(result.status, 1);
        const report = JSON.parse(result.stdout);
        assert.equal(report.counts.error, 3);
        assert.deepEqual(report.diagnostics[1], {
            path: 'broken.journey',
            line: 4,
            column: 22,
            endLine: 4,
            endColumn: 23,
            severity: 'error',
            code: IssueCodes.EmotionOutOfScale,
            message: "Emotion 9 is outside the journey's scale 1..5; use a score from 1 to 5."
        });
    });

    it('writes GitHub Actions annotations with --format github', () => {
        const dir = workspaceWith({ 'broken.journey': brokenMap });
        const result = runCli(['check', '--format', 'github', 'broken.journey'], dir);
        assert.equal(result.status, 1);
        assert.equal(
            result.stdout.split('\n')[1],
            "::error file=broken.journey,line=4,col=22,endLine=4,endColumn=23,title=emotion-out-of-scale::Emotion 9 is outside the journey's scale 1..5; use a score from 1 to 5."
        );
    });

    it('reports syntax errors with the syntax-error code and exits 1', () => {
        const dir = workspaceWith({ 'cut.journey': 'journey J {\n  stage S {\n    step A { emotion' });
        const result = runCli(['check', 'cut.journey'], dir);
        assert.equal(result.status, 1);
        assert.match(result.stdout, /^cut\.journey:\d+:\d+ error syntax-error /m);
    });

    it('prints hints only with --hints', () => {
        const dir = workspaceWith({ 'p.journey': 'persona Lonely' });
        assert.doesNotMatch(runCli(['check', 'p.journey'], dir).stdout, /unused-persona/);
        const withHints = runCli(['check', '--hints', 'p.journey'], dir);
        assert.equal(withHints.status, 0);
        assert.match(withHints.stdout, /p\.journey:1:9 hint unused-persona Persona 'Lonely' is never used\./);
    });

    it('explains a missing file, a folder without maps, a binary file and a too-large file, with exit 2 and no stack trace', () => {
        const dir = workspaceWith({
            'empty/readme.txt': 'nothing here',
            'binary.journey': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]),
            'huge.journey': Buffer.alloc(10 * 1024 * 1024, 'a')
        });
        const cases: Array<[string, RegExp]> = [
            ['missing.journey', /missing\.journey: error no such file or folder/],
            ['empty', /empty: error this folder contains no \.journey files/],
            ['binary.journey', /binary\.journey: error this is a binary file/],
            ['huge.journey', /huge\.journey: error the file is 10\.0 MB, more than the 5\.0 MB limit/]
        ];
        for (const [path, message] of cases) {
            const result = runCli(['check', path], dir);
            assert.equal(result.status, 2, `${path}: ${result.stdout}${result.stderr}`);
            assert.match(result.stdout, message);
            assertNoStackTrace(result.stdout + result.stderr);
        }
    });

    it('exits 2 on a usage error and 0 on --help and --version', () => {
        const unknown = runCli(['check', '--no-such-option']);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /unknown option '--no-such-option'/);
        const badFormat = runCli(['check', '--format', 'xml', 'examples']);
        assert.equal(badFormat.status, 2);
        assert.match(badFormat.stderr, /Allowed choices are text, json/);
        const help = runCli(['check', '--help']);
        assert.equal(help.status, 0);
        assert.match(help.stdout, /--format <format>/);
        const version = runCli(['--version']);
        assert.equal(version.status, 0);
        assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
    });

    it('keeps data files and imports inside --root', () => {
        const dir = workspaceWith({
            'team/map.journey': 'import "../outside.journey"\ndata d "../secret.csv"',
            'outside.journey': 'persona P',
            'secret.csv': 'a\n1'
        });
        const result = runCli(['check', '--root', 'team', 'team'], dir);
        assert.equal(result.status, 1);
        assert.equal(result.stdout.match(/path-outside-workspace/g)?.length, 2, result.stdout);
    });
});
