import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

const fence = '```journey\njourney J "购买旅程" { stage S { step A "看到广告" { emotion 3 } } }\n```\n';

/** A docs site's config using the plugin, as docs/markdown.md shows it: an ES module, or CommonJS. */
const consumers = {
    'site.mjs': `import MarkdownIt from 'markdown-it';
import journeyMaps from 'journey-maps-as-code/markdown-it';
process.stdout.write(new MarkdownIt().use(journeyMaps, { root: process.cwd() }).render(${JSON.stringify(fence)}, {}));
`,
    'site.cjs': `const MarkdownIt = require('markdown-it');
const journeyMaps = require('journey-maps-as-code/markdown-it');
process.stdout.write(new MarkdownIt().use(journeyMaps, { root: process.cwd() }).render(${JSON.stringify(fence)}, {}));
`
};

/**
 * The markdown-it plugin as users install it: `npm pack` of this repository unpacked into a
 * project's node_modules (as npm installs it), imported by a real ES module and by a CommonJS file.
 */
describe('the markdown-it plugin from the packed package', function () {
    this.timeout(120_000);
    let project: string;

    before(() => {
        project = mkdtempSync(join(tmpdir(), 'journey-docs-site-'));
        execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: repoRoot });
        const tarball = readdirSync(project).find(name => name.endsWith('.tgz'))!;
        const installed = join(project, 'node_modules', 'journey-maps-as-code');
        mkdirSync(installed, { recursive: true });
        execFileSync('tar', ['-xzf', join(project, tarball), '-C', installed, '--strip-components=1']);
        symlinkSync(join(repoRoot, 'node_modules', 'markdown-it'), join(project, 'node_modules', 'markdown-it'), 'dir');
        for (const [name, text] of Object.entries(consumers)) writeFileSync(join(project, name), text);
    });
    after(() => rmSync(project, { recursive: true, force: true }));

    for (const consumer of Object.keys(consumers)) {
        it(`draws a fence when ${consumer.endsWith('.mjs') ? 'imported by an ES module' : 'required by CommonJS'}`, () => {
            const result = spawnSync(process.execPath, [consumer], { cwd: project, encoding: 'utf8', timeout: 60_000 });
            assert.equal(result.stderr, '');
            assert.equal(result.status, 0);
            assert.match(
                result.stdout,
                /^<div class="journey-map-fence"><img alt="购买旅程" src="data:image\/svg\+xml/
            );
        });
    }
});
