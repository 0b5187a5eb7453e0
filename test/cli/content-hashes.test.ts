import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { ContentHashes, type KnownContent } from '../../cli/content-hashes.js';
import { workspaceWith } from './cli-runner.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A clock a minute ahead: every file on disk has been unchanged long enough to be vouched for by its stat. */
const aMinuteLater = () => Date.now() + 60_000;

describe('check --cache: the content hashes of files, read again only when their stat may hide a change', () => {
    it('hashes a file by its content; a missing file, a folder and an unreadable path are null', () => {
        const folder = workspaceWith({ 'a.journey': 'journey A {}\n' });
        mkdirSync(join(folder, 'sub'));
        const hashes = new ContentHashes({});
        assert.equal(hashes.hashOf(join(folder, 'a.journey')), sha256('journey A {}\n'));
        assert.equal(hashes.hashOf(join(folder, 'missing.journey')), null);
        assert.equal(hashes.hashOf(join(folder, 'sub')), null);
        assert.equal(hashes.hashOf(join(folder, 'a.journey', 'below-a-file')), null);
    });

    it('takes the hash of a file long unchanged from what it knows, without reading it', () => {
        const folder = workspaceWith({ 'a.journey': 'journey A {}\n' });
        const file = join(folder, 'a.journey');
        const known: Record<string, KnownContent> = {};
        new ContentHashes(known, aMinuteLater).hashOf(file);
        assert.ok(known[file].stat, 'a settled file is known with its stat');
        // What an earlier run recorded is believed while the stat is the same: the file is not read.
        known[file] = { ...known[file], hash: 'recorded earlier' };
        assert.equal(new ContentHashes(known, aMinuteLater).hashOf(file), 'recorded earlier');
    });

    it('reads a file again when it changed, even to the same size with its modification time put back', () => {
        const folder = workspaceWith({ 'a.journey': 'journey A {}\n' });
        const file = join(folder, 'a.journey');
        const lastNewYear = new Date('2026-01-01T00:00:00Z');
        utimesSync(file, lastNewYear, lastNewYear);
        const known: Record<string, KnownContent> = {};
        new ContentHashes(known, aMinuteLater).hashOf(file);
        writeFileSync(file, 'journey B {}\n');
        utimesSync(file, lastNewYear, lastNewYear);
        assert.equal(statSync(file).mtimeMs, lastNewYear.getTime());
        // Size, modification time and inode are as they were; the kernel set the change time on the write.
        assert.equal(new ContentHashes(known, aMinuteLater).hashOf(file), sha256('journey B {}\n'));
    });

    it('does not let the stat of a file changed in the last two seconds vouch for it (a write in the same tick)', () => {
        const folder = workspaceWith({ 'a.journey': 'journey A {}\n' });
        const file = join(folder, 'a.journey');
        const known: Record<string, KnownContent> = {};
        new ContentHashes(known).hashOf(file);
        assert.deepEqual(known[file], { hash: sha256('journey A {}\n') }, 'known by content only');
        known[file] = { hash: 'recorded earlier' };
        assert.equal(new ContentHashes(known).hashOf(file), sha256('journey A {}\n'), 'read again');
    });

    it('forgets a file that is gone, and hashes each path once per run', () => {
        const folder = workspaceWith({ 'a.journey': 'journey A {}\n' });
        const file = join(folder, 'a.journey');
        const known: Record<string, KnownContent> = {};
        const hashes = new ContentHashes(known, aMinuteLater);
        hashes.hashOf(file);
        rmSync(file);
        assert.equal(hashes.hashOf(file), sha256('journey A {}\n'), 'the same answer within one run');
        assert.equal(new ContentHashes(known, aMinuteLater).hashOf(file), null);
        assert.equal(known[file], undefined);
    });

    describe("for any edits of files unchanged for 2 s (the ones whose stat is believed), the hash is the content's", () => {
        const runs = 25;
        const filesPerRun = 6;
        const lastNewYear = new Date('2026-01-01T00:00:00Z');
        let folder = '';
        const map = 'journey J { stage S { step A { emotion 3 } } }\n';
        const fileOf = (run: number, index: number) => join(folder, `r${run}-f${index}.journey`);

        // The files are written once and left for 2 s, so that every run starts from files whose stat vouches.
        before(async function () {
            this.timeout(10_000);
            folder = workspaceWith({});
            for (let run = 0; run < runs; run++) {
                for (let index = 0; index < filesPerRun; index++) {
                    writeFileSync(fileOf(run, index), map);
                    utimesSync(fileOf(run, index), lastNewYear, lastNewYear);
                }
            }
            await new Promise(resolve => setTimeout(resolve, 2100));
        });

        /** What may happen to a file between two checks: the writer's real edits, and the ones a stat could hide. */
        const edit = fc.oneof(
            fc.constant({ kind: 'none' as const }),
            fc.record({
                kind: fc.constant('same size, time put back' as const),
                shift: fc.integer({ min: 1, max: 40 })
            }),
            fc.record({ kind: fc.constant('rewritten' as const), text: fc.string() }),
            fc.constant({ kind: 'deleted' as const })
        );
        type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

        function apply(file: string, change: Edit): void {
            if (change.kind === 'deleted') rmSync(file, { force: true });
            else if (change.kind === 'rewritten') writeFileSync(file, change.text);
            else if (change.kind === 'same size, time put back') {
                // The same characters turned round: the same size, other content (the maps are ASCII); a deleted
                // file comes back so, as a checkout restores it.
                const old = existsSync(file) ? readFileSync(file, 'utf8') : map;
                writeFileSync(file, old.slice(change.shift) + old.slice(0, change.shift));
                utimesSync(file, lastNewYear, lastNewYear);
            }
        }

        const contentHash = (file: string) => {
            try {
                return createHash('sha256').update(readFileSync(file)).digest('hex');
            } catch {
                return null;
            }
        };

        it('hashes as the content, run after run, with the stat believed for the untouched files', () => {
            let run = 0;
            fc.assert(
                fc.property(
                    fc.array(fc.array(edit, { minLength: filesPerRun, maxLength: filesPerRun }), {
                        minLength: 1,
                        maxLength: 3
                    }),
                    rounds => {
                        const files = Array.from({ length: filesPerRun }, (_, index) => fileOf(run, index));
                        run++;
                        const known: Record<string, KnownContent> = {};
                        files.forEach(file => new ContentHashes(known).hashOf(file));
                        assert.ok(
                            files.every(file => known[file]?.stat),
                            'settled files are known by their stat'
                        );
                        for (const changes of rounds) {
                            files.forEach((file, index) => apply(file, changes[index]));
                            const hashes = new ContentHashes(known);
                            for (const file of files) assert.equal(hashes.hashOf(file), contentHash(file), file);
                        }
                    }
                ),
                // Each run takes files of its own that had settled: shrinking would run again on edited ones.
                { numRuns: runs, seed: 2026, endOnFailure: true }
            );
        });
    });
});
