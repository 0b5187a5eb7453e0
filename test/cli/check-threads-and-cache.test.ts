import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { examplesDir } from '../journey-test-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

const english = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** The shared file: two personas and a channel, of which the maps use some. */
const shared = `persona Ana "Ana, first-time buyer"
persona Bo "Bo, returning customer"
channel web "Web shop" online
`;

const survey = 'step,score,comment\ncompare,7,fine\ncompare,8,good\ncheckout,3,slow\ncheckout,4,"too many fields"\n';

/** A map that imports the shared file, uses `persona`, and reads the survey. */
function mapUsing(name: string, persona: string): string {
    return `import "shared.journey"
data survey "survey.csv"

journey ${name} "${name}" {
  persona shared.${persona}
  emotion scale 1..5
  stage Buy {
    step Compare "Compares offers" {
      emotion from survey.score scale 0..10 where step = "compare"
      next Pay
    }
    step Pay "Pays" {
      emotion 2 tense
      channel shared.web
      pain "Too many fields"
    }
  }
}
`;
}

/** A workspace where only a map in another thread uses Bo: one thread alone would call Bo unused. */
function teamWorkspace(): string {
    return workspaceWith({
        'shared.journey': shared,
        'survey.csv': survey,
        'a.journey': mapUsing('A', 'Ana'),
        'b.journey': mapUsing('B', 'Ana'),
        'c.journey': mapUsing('C', 'Ana'),
        'z.journey': mapUsing('Z', 'Bo')
    });
}

/** `journeymap check --hints -f json` in `folder`, with more arguments; the report, without timing. */
function check(folder: string, ...args: string[]): { status: number | null; report: unknown; stderr: string } {
    const result = runCli(['check', '.', '--hints', '-f', 'json', ...args], folder, english);
    assert.notEqual(result.stdout, '', result.stderr);
    return { status: result.status, report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('journeymap check on every processor, and --cache', function () {
    this.timeout(300_000);

    it('gives on several threads exactly what one thread gives, unused hints across threads included', () => {
        const folder = teamWorkspace();
        const one = check(folder, '--jobs', '1');
        const codes = (one.report as { diagnostics: Array<{ code: string; message: string }> }).diagnostics.map(
            each => each.code
        );
        assert.ok(!codes.includes('unused-persona'), 'Bo is used by z.journey');
        for (const jobs of ['2', '3', '5']) assert.deepEqual(check(folder, '--jobs', jobs), one, `--jobs ${jobs}`);
        assert.deepEqual(check(examplesDir, '--jobs', '3'), check(examplesDir, '--jobs', '1'));
    });

    it('gives on 2 to 4 threads what one thread gives, for random workspaces of maps that share files', () => {
        const persona = fc.constantFrom('Ana', 'Bo', 'Cy');
        const oneMap = fc.record({
            persona,
            broken: fc.constantFrom('', '    step Lost { emotion 9 }\n', '    step Pay { emotion 3 }\n', '  }\n')
        });
        fc.assert(
            fc.property(
                fc.array(oneMap, { minLength: 1, maxLength: 6 }),
                fc.integer({ min: 2, max: 4 }),
                (maps, jobs) => {
                    const files: Record<string, string> = { 'shared.journey': shared, 'survey.csv': survey };
                    maps.forEach(({ persona: who, broken }, index) => {
                        files[`m${index}.journey`] = mapUsing(`M${index}`, who).replace(
                            '  stage Buy {\n',
                            `  stage Buy {\n${broken}`
                        );
                    });
                    const folder = workspaceWith(files);
                    assert.deepEqual(
                        check(folder, '--jobs', String(jobs)),
                        check(folder, '--jobs', '1'),
                        `--jobs ${jobs}`
                    );
                }
            ),
            { numRuns: 8, seed: 33 }
        );
    });

    it('reports an unused persona when no map of any thread uses it', () => {
        const folder = teamWorkspace();
        writeFileSync(join(folder, 'z.journey'), mapUsing('Z', 'Ana'));
        for (const jobs of ['1', '2']) {
            const { diagnostics } = check(folder, '--jobs', jobs).report as {
                diagnostics: Array<{ path: string; code: string }>;
            };
            assert.deepEqual(
                diagnostics.filter(each => each.code === 'unused-persona').map(each => each.path),
                ['shared.journey'],
                `--jobs ${jobs}`
            );
        }
    });

    it('refuses --jobs that is not a whole number above 0', () => {
        const result = runCli(['check', '.', '--jobs', '0'], teamWorkspace(), english);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /--jobs.*whole number above 0/);
    });

    it('gives with the cache what it gives without, after any edits of a map, an imported file and a data file', () => {
        const edits = {
            map: fc.constantFrom(
                mapUsing('A', 'Bo'),
                mapUsing('A', 'Nobody'),
                mapUsing('A', 'Ana').replace('emotion 2', 'emotion 9'),
                'journey A "A" {',
                mapUsing('A', 'Ana')
            ),
            shared: fc.constantFrom(
                shared,
                shared.replace('persona Bo', 'persona Bob'),
                shared.replace('channel web', 'channel app'),
                'persona "broken'
            ),
            survey: fc.constantFrom(survey, survey.replace('7,fine', 'seven,fine'), 'step,grade\ncompare,3\n', '')
        };
        const edit = fc.oneof(
            edits.map.map(text => ['a.journey', text] as const),
            edits.shared.map(text => ['shared.journey', text] as const),
            edits.survey.map(text => ['survey.csv', text] as const),
            fc.constant(['survey.csv', undefined] as const)
        );
        fc.assert(
            fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), sequence => {
                const folder = teamWorkspace();
                check(folder, '--cache', '--jobs', '1');
                for (const [file, text] of sequence) {
                    if (text === undefined) writeFileSync(join(folder, file), 'step,score\n');
                    else writeFileSync(join(folder, file), text);
                    assert.deepEqual(
                        check(folder, '--cache', '--jobs', '1'),
                        check(folder, '--jobs', '1'),
                        `after writing ${file}`
                    );
                }
            }),
            { numRuns: 6 }
        );
    });

    it('checks again only what changed, keeps the cache in .journeymap-cache/, and survives a corrupt cache', () => {
        const folder = teamWorkspace();
        const first = runCli(['check', '.', '--cache'], folder, english);
        assert.equal(first.status, 0, first.stdout + first.stderr);
        const cacheFile = join(folder, '.journeymap-cache', 'check.json');
        const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
            documents: Record<string, { reads: Record<string, string | null>; diagnostics: unknown[] }>;
        };
        const own = cached.documents[join(folder, 'a.journey')];
        assert.deepEqual(
            Object.keys(own.reads)
                .map(path => path.slice(folder.length + 1))
                .sort(),
            ['a.journey', 'a.paths.json', 'shared.journey', 'shared.paths.json', 'survey.csv']
        );
        // A mark in a.journey's cached diagnostics shows whether it was taken from the cache.
        own.diagnostics = [
            {
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
                severity: 2,
                code: 'mark',
                message: 'from the cache'
            }
        ];
        writeFileSync(cacheFile, JSON.stringify(cached));
        writeFileSync(join(folder, 'b.journey'), mapUsing('B', 'Nobody'));
        const afterMap = runCli(['check', '.', '--cache'], folder, english);
        assert.match(afterMap.stdout, /a\.journey:1:1 warning mark from the cache/);
        assert.match(afterMap.stdout, /b\.journey:5:11 error unresolved-reference .*Nobody/);
        writeFileSync(join(folder, 'shared.journey'), shared + '\n');
        assert.doesNotMatch(
            runCli(['check', '.', '--cache'], folder, english).stdout,
            /from the cache/,
            'an imported file changed'
        );
        for (const corrupt of ['{"key": 1', JSON.stringify({ key: 'other', documents: {} }), 'null']) {
            writeFileSync(cacheFile, corrupt);
            assert.deepEqual(check(folder, '--cache'), check(folder));
        }
        const keyed = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
            key: string;
            documents: Record<string, unknown>;
        };
        keyed.documents[join(folder, 'a.journey')] = { hash: 'x', reads: null };
        writeFileSync(
            cacheFile,
            JSON.stringify({ ...keyed, documents: { ...keyed.documents, [join(folder, 'c.journey')]: 42 } })
        );
        assert.deepEqual(check(folder, '--cache'), check(folder));
    });

    it('still checks, and says why, when the cache cannot be written', () => {
        const folder = teamWorkspace();
        writeFileSync(join(folder, 'not-a-folder'), 'a file where the cache folder would be');
        const result = runCli(['check', '.', '--cache', '--cache-location', 'not-a-folder'], folder, english);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /5 files checked/);
        assert.match(result.stderr, /The check cache in .*not-a-folder could not be written/);
    });
});
