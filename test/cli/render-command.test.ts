import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedJourney } from '../../bench/generated-journey.js';
import { repoRoot } from '../journey-test-kit.js';
import { runCli } from './cli-runner.js';

describe('journeymap render', () => {
    it('prints the map as SVG by default', () => {
        const result = runCli(['render', 'examples/shop/checkout.journey']);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        assert.match(result.stdout, /<\/svg>\n$/);
    });

    it('writes HTML, Markdown, Mermaid, flowchart and JSON files with -o', () => {
        const dir = mkdtempSync(join(tmpdir(), 'render-'));
        const expectations: Array<[string, RegExp]> = [
            ['html', /^<!DOCTYPE html>[\s\S]*Content-Security-Policy[\s\S]*<svg /],
            ['md', /^# 售后维修旅程/],
            ['mermaid', /^journey\n {4}title 售后维修旅程/],
            ['flowchart', /^flowchart LR/],
            ['json', /"journeys": \[/]
        ];
        for (const [format, content] of expectations) {
            const out = join(dir, 'nested', `map.${format}`);
            const result = runCli(['render', 'examples/service/售后服务.journey', '-f', format, '-o', out]);
            assert.equal(result.status, 0, result.stderr);
            assert.match(result.stderr, /^Wrote .+ \(\d+ KB\)/);
            assert.match(readFileSync(out, 'utf8'), content, format);
        }
    });

    it('draws a view the file names with --view, and lists the views when the name is wrong', () => {
        const view = runCli(['render', 'test/fixtures/views/contract.journey', '--view', 'Exec']);
        assert.equal(view.status, 0, view.stderr);
        // Its stages are Repair's: Buy, named by the view too, has none of them.
        assert.match(view.stdout, /<title id="view-title">报修与维修<\/title>/);
        assert.doesNotMatch(view.stdout, /购买空调|客户生命周期/, 'no journey the view leaves out');
        assert.match(view.stdout, /PAIN POINTS/);
        assert.doesNotMatch(view.stdout, />STEPS</, 'only the lanes of the view');
        const outside = runCli([
            'render',
            'test/fixtures/views/contract.journey',
            '--view',
            'Exec',
            '--journey',
            'Buy'
        ]);
        assert.equal(outside.status, 2);
        assert.match(outside.stderr, /^View Exec does not show journey 'Buy'\. It shows: Repair\./);
        const wrong = runCli(['render', 'test/fixtures/views/contract.journey', '--view', 'Board']);
        assert.equal(wrong.status, 2);
        assert.match(
            wrong.stderr,
            /No view "Board" in test\/fixtures\/views\/contract.journey\. Views: map, blueprint, portfolio, Exec\./
        );
    });

    it('picks a journey with --journey and lists the journeys when the name is wrong', () => {
        const dir = mkdtempSync(join(tmpdir(), 'render-'));
        writeFileSync(
            join(dir, 'two.journey'),
            'journey A "First" { stage S { step X { emotion 3 } } }\njourney B "Second" { stage S { step Y { emotion 3 } } }'
        );
        const second = runCli(['render', 'two.journey', '-f', 'mermaid', '--journey', 'B'], dir);
        assert.match(second.stdout, /title Second/);
        const wrong = runCli(['render', 'two.journey', '--journey', 'C'], dir);
        assert.equal(wrong.status, 2);
        assert.match(wrong.stderr, /No journey 'C' in two\.journey\. Journeys: A, B\./);
    });

    it('refuses to render a map with errors, and says why', () => {
        const dir = mkdtempSync(join(tmpdir(), 'render-'));
        writeFileSync(join(dir, 'bad.journey'), 'journey A { stage S { step X { emotion 9 } } }');
        const result = runCli(['render', 'bad.journey', '-o', 'out.svg'], dir);
        assert.equal(result.status, 1);
        assert.match(result.stderr, /emotion-out-of-scale[\s\S]*Not rendered: fix the errors first/);
        assert.equal(existsSync(join(dir, 'out.svg')), false);
        const forced = runCli(['render', 'bad.journey', '-f', 'mermaid', '--allow-errors'], dir);
        assert.equal(forced.status, 0);
        assert.match(forced.stdout, /^journey\n/);
    });

    it('exits 2 for a missing file', () => {
        const result = runCli(['render', 'nope.journey']);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /nope\.journey: no such file/);
    });

    it('refuses an option the format cannot use, naming the option and the formats it changes', () => {
        const cases: Array<[string[], RegExp]> = [
            [
                ['--view', 'portfolio', '-f', 'md'],
                /^--view portfolio does not apply to -f md: it changes -f svg, -f png, -f html only\.$/
            ],
            [['--theme', 'dark', '-f', 'json'], /^--theme dark does not apply to -f json/],
            [['--scale', '2', '-f', 'svg'], /^--scale does not apply to -f svg: it changes -f png only\.$/],
            [['--width', '900', '-f', 'mermaid'], /^--width does not apply to -f mermaid/]
        ];
        for (const [options, message] of cases) {
            const result = runCli(['render', 'examples/shop/checkout.journey', ...options]);
            assert.equal(result.status, 2, options.join(' '));
            assert.match(result.stderr.trim(), message);
            assert.equal(result.stdout, '');
        }
        assert.equal(runCli(['render', 'examples/shop/checkout.journey', '--theme', 'dark', '-f', 'html']).status, 0);
    });

    it('ends quietly with status 0 when the reader of its output goes away (render … | head -1)', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'render-pipe-'));
        writeFileSync(join(dir, 'big.journey'), generatedJourney(3000).text);
        const child = spawn(
            process.execPath,
            [join(repoRoot, 'bin', 'journeymap.cjs'), 'render', 'big.journey', '-f', 'json'],
            { cwd: dir }
        );
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += chunk; });
        child.stdout.once('data', () => child.stdout.destroy());
        const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
        assert.equal(stderr, '');
        assert.equal(status, 0);
    });
});

describe('journeymap render --format png', function () {
    this.timeout(120_000);

    it('writes a valid PNG the size of the map times --scale', () => {
        const dir = mkdtempSync(join(tmpdir(), 'png-'));
        const out = join(dir, 'map.png');
        const result = runCli(['render', 'examples/shop/checkout.journey', '-f', 'png', '--scale', '2', '-o', out]);
        assert.equal(result.status, 0, result.stderr);
        const png = readFileSync(out);
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        const svg = runCli(['render', 'examples/shop/checkout.journey']).stdout;
        const [, width, height] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
        assert.equal(png.readUInt32BE(16), Math.ceil(Number(width)) * 2);
        assert.equal(png.readUInt32BE(20), Math.ceil(Number(height)) * 2);
    });

    it('writes the PNG to standard output when that is a pipe, as prettier and eslint do', () => {
        const result = spawnSync(
            process.execPath,
            [join(repoRoot, 'bin', 'journeymap.cjs'), 'render', 'examples/shop/checkout.journey', '-f', 'png'],
            { cwd: repoRoot, timeout: 120_000 }
        );
        assert.equal(result.status, 0, result.stderr.toString());
        assert.deepEqual([...result.stdout.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });

    it('will not print binary PNG to a terminal', () => {
        // `script` runs the command with a pseudo-terminal as its standard output.
        const command = `"${process.execPath}" "${join(repoRoot, 'bin', 'journeymap.cjs')}" render examples/shop/checkout.journey -f png; echo "exit=$?"`;
        const result = spawnSync('script', ['-qec', command, '/dev/null'], {
            cwd: repoRoot,
            encoding: 'utf8',
            timeout: 120_000
        });
        assert.match(result.stdout, /write it to a file with -o map\.png, or pipe it/);
        assert.match(result.stdout, /exit=2/);
        assert.doesNotMatch(result.stdout, /PNG\r?\n\x1a/);
    });
});
