import { strict as assert } from 'node:assert';
import { textWidth, wrapText } from '../../render/text-wrap.js';

/** Widths by grapheme and East Asian Width: what a reader sees as one character measures as one. */
describe('text width', () => {
    const em = 10;

    it('counts CJK, fullwidth forms and wide symbols as one em', () => {
        assert.equal(textWidth('旅程', em), 20);
        assert.equal(textWidth('ＡＢ', em), 20);
        assert.equal(textWidth('☕', em), 10);
    });

    it('counts an emoji with a skin tone, a ZWJ family and a flag as one grapheme each', () => {
        assert.equal(textWidth('👍🏽', em), 10);
        assert.equal(textWidth('👨‍👩‍👧', em), 10);
        assert.equal(textWidth('🇨🇳', em), 10);
        assert.equal(textWidth('❤️', em), 10);
    });

    it('counts a letter with a combining accent as the letter', () => {
        assert.equal(textWidth('e\u0301', em), textWidth('e', em));
    });

    it('never breaks a line inside a grapheme', () => {
        const lines = wrapText('👍🏽👍🏽👍🏽👨‍👩‍👧👨‍👩‍👧', 15, em);
        assert.deepEqual(lines, ['👍🏽', '👍🏽', '👍🏽', '👨‍👩‍👧', '👨‍👩‍👧']);
    });

    it('breaks CJK anywhere and spaced words between words', () => {
        assert.deepEqual(wrapText('打开 App 下单', 30, em), ['打开', 'App', '下单']);
    });
});
