import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli-runner.js';

const messy = 'persona   P {\nrole "r" // keep me\n}\njourney J { persona P stage S { step A { emotion 3 } } }\n';
const tidy = 'persona P {\n  role "r" // keep me\n}\njourney J { persona P stage S { step A { emotion 3 } } }\n';

function folderWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
}

describe('journeymap fmt', () => {
    it('--check lists unformatted files, writes nothing and exits 1', () => {
        const dir = folderWith({ 'messy.journey': messy, 'tidy.journey': tidy });
        const result = runCli(['fmt', '--check', '.'], dir);
        assert.equal(result.status, 1);
        assert.deepEqual(result.stdout.trim().split('\n'), [
            'messy.journey: not formatted',
            '2 files checked: 1 not formatted'
        ]);
        assert.equal(readFileSync(join(dir, 'messy.journey'), 'utf8'), messy);
    });

    it('formats in place, keeping comments, leaving no temporary files, and then --check passes', () => {
        const dir = folderWith({ 'messy.journey': messy });
        const result = runCli(['fmt', 'messy.journey'], dir);
        assert.equal(result.status, 0, result.stdout);
        assert.equal(readFileSync(join(dir, 'messy.journey'), 'utf8'), tidy);
        assert.deepEqual(readdirSync(dir), ['messy.journey']);
        assert.equal(runCli(['fmt', '--check', '.'], dir).status, 0);
    });

    it('never touches a file with syntax errors, and says so', () => {
        const broken = 'journey J {\n      stage S {\n step A { emotion }';
        const dir = folderWith({ 'broken.journey': broken });
        const result = runCli(['fmt', '.'], dir);
        assert.equal(result.status, 1);
        assert.match(result.stdout, /broken\.journey: does not parse, so it is not formatted/);
        assert.equal(readFileSync(join(dir, 'broken.journey'), 'utf8'), broken);
    });

    it('--check names and counts each file that does not parse', () => {
        const dir = folderWith({ 'broken.journey': 'journey J { stage', 'messy.journey': messy, 'tidy.journey': tidy });
        const result = runCli(['fmt', '--check', '.'], dir);
        assert.equal(result.status, 1);
        assert.deepEqual(result.stdout.trim().split('\n'), [
            'broken.journey: does not parse, so it is not formatted (see journeymap check)',
            'messy.journey: not formatted',
            '3 files checked: 1 not formatted, 1 does not parse'
        ]);
    });

    it('finds the examples already formatted', () => {
        const result = runCli(['fmt', '--check', 'examples']);
        assert.equal(result.status, 0, result.stdout);
    });
});
