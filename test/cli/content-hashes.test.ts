import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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
});
