import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(repoRoot, ...path), 'utf8'));
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

/** Every English message of the extension has its Chinese one, and no translation is left over. */
describe('localisation (English and zh-cn)', () => {
    it('translates every contribution title of package.json, and nothing more', () => {
        const english: Record<string, string> = readJson('package.nls.json');
        const chinese: Record<string, string> = readJson('package.nls.zh-cn.json');
        assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
        const used = [...readFileSync(join(repoRoot, 'package.json'), 'utf8').matchAll(/"%([\w.]+)%"/g)].map(match => match[1]);
        assert.deepEqual([...new Set(used)].sort(), Object.keys(english).sort(), 'each %key% of package.json is defined, and each definition used');
        assert.equal(chinese['journey.compareWithHead.title'], '与 HEAD 比较');
    });

    it('translates every vscode.l10n.t message of the extension, with the same placeholders', () => {
        const sources = readdirSync(join(repoRoot, 'client')).filter(file => file.endsWith('.ts')).map(file => readFileSync(join(repoRoot, 'client', file), 'utf8'));
        const messages = new Set(sources.flatMap(source => [...source.matchAll(/l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g)].map(match => match[1].replace(/\\'/g, "'"))));
        const bundle: Record<string, string> = readJson('l10n', 'bundle.l10n.zh-cn.json');
        assert.deepEqual([...messages].filter(message => !(message in bundle)), [], 'messages without a translation');
        assert.deepEqual(Object.keys(bundle).filter(message => !messages.has(message)), [], 'translations of messages no longer used');
        for (const [english, chinese] of Object.entries(bundle)) assert.deepEqual(placeholders(chinese), placeholders(english), english);
        assert.equal(bundle['Journey Preview'], '客户旅程预览');
    });
});
