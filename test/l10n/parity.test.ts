import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(repoRoot, ...path), 'utf8'));
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

/**
 * The messages of every `t(…)` and `vscode.l10n.t(…)`, as the build collects them with the
 * TypeScript parser (tools/extract-messages.mjs; a message that is not a string literal fails
 * the build).
 */
function usedMessages(): Set<string> {
    return new Set(readJson('dist', 'l10n-messages.json') as string[]);
}

/** Every English message has its Chinese one, with the same placeholders, and no translation is left over. */
describe('localisation parity (English and zh-cn)', () => {
    it('translates every contribution title of package.json, and nothing more', () => {
        const english: Record<string, string> = readJson('package.nls.json');
        const chinese: Record<string, string> = readJson('package.nls.zh-cn.json');
        assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
        const used = [...readFileSync(join(repoRoot, 'package.json'), 'utf8').matchAll(/"%([\w.]+)%"/g)].map(
            match => match[1]
        );
        assert.deepEqual(
            [...new Set(used)].sort(),
            Object.keys(english).sort(),
            'each %key% of package.json is defined, and each definition used'
        );
        assert.equal(chinese['journey.compareWithHead.title'], '与 HEAD 比较');
    });

    it('translates every message of the extension, the server, the renderers and the CLI, with the same placeholders', () => {
        const messages = usedMessages();
        const bundle: Record<string, string> = readJson('l10n', 'bundle.l10n.zh-cn.json');
        assert.deepEqual(
            [...messages].filter(message => !(message in bundle)),
            [],
            'messages without a translation'
        );
        assert.deepEqual(
            Object.keys(bundle).filter(message => !messages.has(message)),
            [],
            'translations of messages no longer used'
        );
        for (const [english, chinese] of Object.entries(bundle))
            assert.deepEqual(placeholders(chinese), placeholders(english), english);
        assert.ok(messages.size > 500, `${messages.size} messages found: the build reads every folder`);
    });

    it('uses the journey-mapping terms of the seed articles', () => {
        const bundle: Record<string, string> = readJson('l10n', 'bundle.l10n.zh-cn.json');
        assert.equal(bundle['TOUCHPOINTS'], '触点');
        assert.equal(bundle['PAIN POINTS'], '痛点');
        assert.equal(bundle['Moment of truth: {moment}'], '关键时刻：{moment}');
        assert.equal(bundle['Emotion curve: {title}'], '情绪曲线：{title}');
        assert.equal(bundle['Journey preview'], '客户旅程预览');
    });
});
