import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

/** A temporary git repository with the given files committed as its first commit. */
function repositoryWith(files: Record<string, string | Buffer>): {
    dir: string;
    git: (...args: string[]) => string;
    write: (files: Record<string, string | Buffer>) => void;
} {
    const dir = workspaceWith(files);
    const git = (...args: string[]) => {
        const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
        assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
        return result.stdout;
    };
    const write = (more: Record<string, string | Buffer>) => {
        for (const [name, content] of Object.entries(more)) {
            mkdirSync(join(dir, name, '..'), { recursive: true });
            writeFileSync(join(dir, name), content);
        }
    };
    git('init', '-q');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'Test');
    git('add', '.');
    git('commit', '-qm', 'v1');
    return { dir, git, write };
}

/** Every file of a folder (but .git) with its size and modification time: what "nothing was written" compares. */
function snapshot(dir: string): string[] {
    const walk = (folder: string): string[] => readdirSync(folder).flatMap(name => {
        if (name === '.git') return [];
        const path = join(folder, name);
        const info = statSync(path);
        return info.isDirectory() ? walk(path) : [`${path} ${info.size} ${info.mtimeMs}`];
    });
    return walk(dir).sort();
}

const people = 'persona Ana "Ana, first-time buyer"\nchannel Web "Website" online\n';
const map = (emotion: number) =>
    `import "./people.journey"\n\nmetric conversion "Conversion" percent target >= 12\ndata funnel "data/funnel.csv"\n\njourney J {\n  persona Ana\n  stage S {\n    step A "Sees an ad" {\n      channel Web\n      emotion ${emotion} curious\n      metric conversion = funnel.conversion where step = "ad"\n    }\n  }\n}\n`;
const funnel = (value: number) => `step,conversion\nad,${value}\n`;

describe('journeymap diff --git reads each side at its own revision', () => {
    it('takes imports and data of the old revision from that revision, not from the working tree', () => {
        const { dir, git, write } = repositoryWith({
            'people.journey': people,
            'map.journey': map(3),
            'data/funnel.csv': funnel(10)
        });
        write({ 'data/funnel.csv': funnel(14), 'map.journey': map(2) });
        git('commit', '-qam', 'v2: new data, lower emotion');
        // The working tree moves on: the import is gone and the data changed again.
        git('rm', '-q', 'people.journey');
        write({ 'data/funnel.csv': funnel(99) });
        const result = runCli(['diff', '--git', 'HEAD~1..HEAD'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(result.stdout.trim().split('\n').map(line => line.replace(/ {2}\(.*\)$/, '')), [
            'map.journey:',
            "~ Emotion of 'Sees an ad' fell from 3 to 2",
            "~ Metric conversion of 'Sees an ad': value 10% → 14% (+4 pp; ✗ missed → ✓ met)",
            '2 changes'
        ]);
    });

    it('compares a revision with the working tree, whose imports and data are on disk', () => {
        const { dir, write } = repositoryWith({
            'people.journey': people,
            'map.journey': map(3),
            'data/funnel.csv': funnel(10)
        });
        write({ 'data/funnel.csv': funnel(20) });
        const result = runCli(['diff', '--git', 'HEAD', '--format', 'json'], dir);
        assert.equal(result.status, 0, result.stderr);
        const changes = JSON.parse(result.stdout).changes;
        assert.deepEqual(changes, [], 'only a data file changed: git lists no .journey file, so nothing is compared');
        write({ 'map.journey': map(4) });
        const edited = JSON.parse(runCli(['diff', '--git', 'HEAD', '--format', 'json'], dir).stdout).changes;
        assert.deepEqual(
            edited.map((change: { element: string; field?: string; before?: number; after?: number }) => [
                change.element,
                change.field,
                change.before,
                change.after
            ]),
            [
                ['emotion', 'score', 3, 4],
                ['metric-value', 'value', 10, 20]
            ]
        );
    });

    it('follows copies and a...b ranges, and keeps to the paths asked for', () => {
        const { dir, git, write } = repositoryWith({
            'a/map.journey': map(3),
            'a/people.journey': people,
            'a/data/funnel.csv': funnel(10),
            'b/other.journey': map(1)
        });
        git('checkout', '-qb', 'feature');
        write({ 'a/map.journey': map(4), 'b/other.journey': map(2), 'a/copy.journey': map(3) });
        git('add', '.');
        git('commit', '-qm', 'feature');
        const all = runCli(['diff', '--git', 'HEAD~1...feature'], dir);
        assert.equal(all.status, 0, all.stderr);
        const headings = all.stdout.split('\n').filter(line => line.endsWith(':'));
        assert.deepEqual(headings.sort(), [
            'a/copy.journey (copied from a/map.journey):',
            'a/map.journey:',
            'b/other.journey:'
        ]);
        const onlyB = runCli(['diff', '--git', 'HEAD~1..HEAD', 'b'], dir);
        assert.deepEqual(onlyB.stdout.split('\n').filter(line => line.endsWith(':')), ['b/other.journey:']);
    });

    it('sees a file whose name has a newline in it', () => {
        const { dir, git, write } = repositoryWith({ 'line\nbreak.journey': map(3) });
        write({ 'line\nbreak.journey': map(1) });
        git('commit', '-qam', 'v2');
        const result = runCli(['diff', '--git', 'HEAD~1..HEAD', '--exit-code'], dir);
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stdout, /^line\nbreak\.journey:\n~ Emotion of 'Sees an ad' fell from 3 to 1/);
    });
});

describe('journeymap diff --git with bad input', () => {
    it('lists the syntax errors of a side that does not parse, with lines, and prints no diff (exit 2)', () => {
        const { dir, git, write } = repositoryWith({ 'ok.journey': map(3), 'broken.journey': map(3) });
        write({ 'ok.journey': map(4), 'broken.journey': map(3).replace('stage S {', 'stage S') });
        git('commit', '-qam', 'v2');
        const result = runCli(['diff', '--git', 'HEAD~1..HEAD', '--format', 'json'], dir);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '', 'no partial diff');
        assert.match(
            result.stderr,
            /broken\.journey \(HEAD\): has syntax errors; run journeymap check on it\n {2}9:\d+ /
        );
        assert.match(result.stderr, /1 of 2 changed files could not be compared/);
    });

    it('refuses a binary file and names a revision that does not exist as git does (exit 2)', () => {
        const { dir, git, write } = repositoryWith({ 'map.journey': map(3) });
        write({ 'map.journey': Buffer.from([0x6a, 0x00, 0x01, 0x02]) });
        git('commit', '-qam', 'binary');
        const binary = runCli(['diff', '--git', 'HEAD~1..HEAD'], dir);
        assert.equal(binary.status, 2);
        assert.match(binary.stderr, /map\.journey \(HEAD\): this is a binary file, not a \.journey text file/);
        const missing = runCli(['diff', '--git', 'no-such-branch'], dir);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /bad revision 'no-such-branch'/);
    });

    it('writes nothing in the working tree', () => {
        const { dir, git, write } = repositoryWith({
            'people.journey': people,
            'map.journey': map(3),
            'data/funnel.csv': funnel(10)
        });
        write({ 'map.journey': map(2) });
        git('commit', '-qam', 'v2');
        write({ 'map.journey': map(5) });
        const before = snapshot(dir);
        const status = git('status', '--porcelain');
        for (const args of [['HEAD~1..HEAD'], ['HEAD'], ['HEAD~1', '--format', 'md'], ['HEAD', '--format', 'json']]) {
            assert.equal(runCli(['diff', '--git', ...args], dir).status, 0);
        }
        assert.deepEqual(snapshot(dir), before);
        assert.equal(git('status', '--porcelain'), status);
    });
});

describe('journeymap textconv, the git diff driver', () => {
    it('shows an old revision with the imports and data of that revision, with no --allow-errors', () => {
        const { git, write } = repositoryWith({
            'people.journey': people,
            'maps/map.journey': map(3)
                .replace(/"\.\/people/, '"../people')
                .replace('"data/', '"../data/'),
            'data/funnel.csv': funnel(10),
            '.gitattributes': '*.journey diff=journey\n'
        });
        git(
            'config',
            'diff.journey.textconv',
            `"${process.execPath}" "${join(repoRoot, 'bin', 'journeymap.cjs')}" textconv`
        );
        write({ 'maps/map.journey': map(2).replace(/"\.\/people/, '"../people').replace('"data/', '"../data/') });
        git('commit', '-qam', 'v2: lower emotion');
        // The working tree moves on: the shared personas are renamed away and the data changes.
        git('mv', 'people.journey', 'personas.journey');
        write({ 'data/funnel.csv': funnel(50) });
        const patch = git('diff', 'HEAD~1', 'HEAD', '--', 'maps/map.journey');
        const changed = patch.split('\n').filter(line => /^[-+][^-+]/.test(line));
        // Only the emotion changed; the linked value reads 10% on both sides, from each revision's data.
        assert.deepEqual(changed, [
            '-| S | Sees an ad | 3 curious |  |  | Conversion 10% (✗ missed) |',
            '+| S | Sees an ad | 2 curious |  |  | Conversion 10% (✗ missed) |',
            '-      Sees an ad: 3: Ana',
            '+      Sees an ad: 2: Ana'
        ]);
        assert.match(git('show', 'HEAD~1:maps/map.journey'), /emotion 3/);
        const log = git('log', '-p', '--format=%s', '--', 'maps/map.journey');
        assert.match(log, /10%/, 'the first version, shown whole, reads its data at its revision');
    });

    it('shows a version that does not parse as its text, so git still has something to diff', () => {
        const { dir, git, write } = repositoryWith({
            'map.journey': map(3),
            '.gitattributes': '*.journey diff=journey\n'
        });
        git(
            'config',
            'diff.journey.textconv',
            `"${process.execPath}" "${join(repoRoot, 'bin', 'journeymap.cjs')}" textconv`
        );
        write({ 'map.journey': 'journey J { stage' });
        const patch = git('diff', '--', 'map.journey');
        assert.match(patch, /\+\(journeymap: this version does not parse; its text follows\)\n\+journey J \{ stage/);
        assert.ok(dir);
    });
});

describe('journeymap diff with files that cannot be compared', () => {
    it('reports the syntax errors of both files, with lines, and no diff (exit 2)', () => {
        const dir = workspaceWith({
            'a.journey': 'journey J {\n  stage S {\n    step A { emotion }\n  }\n}\n',
            'b.journey': 'journey J {\n  stage S\n}\n'
        });
        const result = runCli(['diff', 'a.journey', 'b.journey'], dir);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^a\.journey: has syntax errors; run journeymap check on it\n {2}3:\d+ /m);
        assert.match(result.stderr, /^b\.journey: has syntax errors; run journeymap check on it\n {2}3:1 /m);
    });

    it('refuses a binary file and a 50 MB file with a clear message (exit 2)', () => {
        const dir = workspaceWith({
            'ok.journey': map(3),
            'binary.journey': Buffer.from([0x00, 0xff, 0x10, 0x00]),
            'huge.journey': ''
        });
        truncateSync(join(dir, 'huge.journey'), 50 * 1024 * 1024);
        const binary = runCli(['diff', 'ok.journey', 'binary.journey'], dir);
        assert.equal(binary.status, 2);
        assert.match(binary.stderr, /binary\.journey: this is a binary file, not a \.journey text file/);
        const huge = runCli(['diff', 'huge.journey', 'ok.journey'], dir);
        assert.equal(huge.status, 2);
        assert.match(huge.stderr, /huge\.journey: the file is 50\.0 MB, more than the 5\.0 MB limit/);
        assert.equal(huge.stdout, '');
    });
});
