import * as assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, workspaceWith } from './cli-runner.js';

/** Imports and data sources never read outside the workspace folder, however the path is written. */
describe('path safety: nothing outside the workspace is read', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.csv'), 'step,conversion\nsee-ad,73.125\n');
    writeFileSync(join(outside, 'people.journey'), 'persona Secret\n');

    function check(map: string, prepare?: (dir: string) => void): string {
        const dir = workspaceWith({ 'maps/map.journey': map });
        prepare?.(dir);
        const result = runCli(['check', '--format', 'json', '--root', dir, join(dir, 'maps')], dir);
        return result.stdout;
    }

    it('refuses a data file reached through a symbolic link that leaves the workspace', () => {
        const out = check(
            'metric c percent\ndata d "data/secret.csv"\njourney J { stage S { step A { metric c = d.conversion where step = "see-ad" } } }',
            dir => {
                symlinkSync(outside, join(dir, 'maps', 'data'));
            }
        );
        const report = JSON.parse(out);
        const diagnostic = report.diagnostics.find((d: { code: string }) => d.code === 'path-outside-workspace');
        assert.ok(diagnostic, out);
        assert.match(diagnostic.message, /is a link to .*outside the workspace folder/);
        assert.ok(!out.includes('73.125'), 'the value behind the link is never read');
    });

    it('refuses an import reached through a symbolic link, so nothing it declares resolves', () => {
        const out = check(
            'import "./shared/people.journey"\njourney J { persona Secret stage S { step A { emotion 3 } } }',
            dir => symlinkSync(outside, join(dir, 'maps', 'shared'))
        );
        const codes = JSON.parse(out).diagnostics.map((d: { code: string }) => d.code);
        assert.ok(codes.includes('unresolved-reference'), out);
    });

    it('refuses a data file that claims 2 GB before reading it, and says why a truncated one cannot be read', () => {
        const huge = check('data d "huge.csv"', dir => {
            const fd = openSync(join(dir, 'maps', 'huge.csv'), 'w');
            ftruncateSync(fd, 2 * 1024 * 1024 * 1024); // sparse: claims 2 GB, holds nothing
            closeSync(fd);
        });
        const [diagnostic] = JSON.parse(huge).diagnostics;
        assert.equal(diagnostic.code, 'data-file-unreadable');
        assert.match(diagnostic.message, /it is 2048\.0 MB; data files up to 256\.0 MB are read/);
        const cut = check('data d "cut.csv"', dir =>
            writeFileSync(join(dir, 'maps', 'cut.csv'), 'step,conversion\nsee-ad,14.5\n"compare,9')
        );
        assert.match(JSON.parse(cut).diagnostics[0].message, /Cannot read data file "cut.csv": Quote Not Closed/);
    });

    it('refuses `..`, absolute paths, other schemes and URL-encoded dots, each with a diagnostic', () => {
        for (const path of [
            '../../../../etc/passwd',
            '/etc/passwd',
            'file:///etc/passwd',
            'C:\\\\Windows\\\\win.ini',
            '%2e%2e/%2e%2e/etc/passwd'
        ]) {
            const report = JSON.parse(check(`data d ${JSON.stringify(path)}`));
            const codes = report.diagnostics.map((d: { code: string }) => d.code);
            assert.ok(
                codes.includes('path-outside-workspace') || codes.includes('data-file-not-found'),
                `${path}: ${codes.join(', ')}`
            );
            assert.equal(report.diagnostics.length, 1, path);
        }
    });
});
