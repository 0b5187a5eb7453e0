import * as assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageBundle } from '../../model/localisation.js';
import { runCli, workspaceWith } from '../cli/cli-runner.js';
import { repoRoot } from '../journey-test-kit.js';

const chinese: MessageBundle = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
const english = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/**
 * The English words of the catalogue as they would show in an output: each message's longest
 * stretch between placeholders, where it has three words or more and its translation differs.
 */
function catalogueFragments(): string[] {
    return Object.entries(chinese).flatMap(([message, translation]) => {
        if (message === translation) return [];
        const longest =
            message
                .split(/\{[^}]+\}/)
                .map(part => part.trim())
                .sort((a, b) => b.length - a.length)[0] ?? '';
        return longest.split(/\s+/).filter(word => /[a-z]/i.test(word)).length >= 3 ? [longest] : [];
    });
}

/**
 * A map that says `language zh-cn`, on a machine that speaks English: every output for
 * readers (the picture, HTML, Markdown, git's textconv, check, metrics, Mermaid, the site) is in Chinese.
 * The fixture uses every field of a step, so every lane, label and detail is drawn.
 */
describe('a map in Chinese (language zh-cn) in every output, on an English machine', function () {
    this.timeout(120_000);
    const folder = workspaceWith({});
    const fixtures = join(repoRoot, 'test', 'fixtures', 'outputs');
    copyFileSync(join(fixtures, 'survey.csv'), join(folder, 'survey.csv'));
    copyFileSync(join(fixtures, 'clicks.csv'), join(folder, 'clicks.csv'));
    // The snapshot of its observed paths, under the map's name, so they are drawn in Chinese too.
    copyFileSync(join(fixtures, 'every-field.paths.json'), join(folder, 'map.paths.json'));
    const text = `language zh-cn\n${readFileSync(join(fixtures, 'every-field.journey'), 'utf8')}`;
    writeFileSync(join(folder, 'map.journey'), text);
    after(() => rmSync(folder, { recursive: true, force: true }));

    function outputs(): Record<string, string> {
        const cli = (...args: string[]) => runCli(args, folder, english);
        const site = cli('site', '.', '-o', 'site', '--allow-errors');
        assert.equal(site.status, 0, site.stderr);
        const pages = readdirSync(join(folder, 'site', 'j'))
            .filter(name => name.endsWith('.html'))
            // The map's own text, shown on its page, is in the language's keywords (`moment of truth`), not the
            // catalogue's.
            .map(name =>
                readFileSync(join(folder, 'site', 'j', name), 'utf8').replace(/<pre[^>]*>[\s\S]*?<\/pre>/g, '')
            )
            .join('\n');
        return {
            svg: cli('render', 'map.journey', '--allow-errors').stdout,
            html: cli('render', 'map.journey', '-f', 'html', '--allow-errors').stdout,
            md: cli('render', 'map.journey', '-f', 'md', '--allow-errors').stdout,
            textconv: cli('textconv', 'map.journey').stdout,
            check: cli('check', 'map.journey', '--hints').stdout.split('\n').slice(0, -2).join('\n'),
            metrics: cli('metrics', 'map.journey').stdout,
            mermaid: cli('render', 'map.journey', '-f', 'mermaid', '--allow-errors').stdout,
            site: readFileSync(join(folder, 'site', 'index.html'), 'utf8') + pages
        };
    }

    it('finds no English sentence of the message catalogue in any of them', () => {
        const fragments = catalogueFragments();
        assert.ok(fragments.length > 100, `${fragments.length} fragments`);
        const found = Object.entries(outputs()).flatMap(([output, content]) =>
            fragments.filter(fragment => content.includes(fragment)).map(fragment => `${output}: ${fragment}`));
        assert.deepEqual(found, []);
    });
});
