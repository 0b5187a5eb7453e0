import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { graphemesOf, textWidth, wrapText } from '../../render/text-wrap.js';

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

    it('fills a line exactly to its width: widths add up without floating-point error (看 and 0.55-em letters)', () => {
        assert.deepEqual(wrapText('看  \t', 11, 11), ['看'], 'one em in an 11 px line at 11 px');
        assert.deepEqual(wrapText('de到   到', 21, 10), ['de到', '到'], '0.55 + 0.55 + 1 em in 21 px at 10 px');
    });

    it('wraps any text: each line fits (or is one grapheme), nothing but spaces is lost, and CJK lines are filled before the next begins', () => {
        const texts = fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 60 }),
            fc
                .array(fc.constantFrom('a', 'bb ', ' ', '看', '到', '  ', '👍🏽', 'Wide', 'i.', 'x', '\t'), {
                    maxLength: 30
                })
                .map(parts => parts.join(''))
        );
        fc.assert(
            fc.property(
                texts,
                fc.integer({ min: 5, max: 300 }),
                fc.constantFrom(10, 11, 12, 14),
                (text, width, size) => {
                    const lines = wrapText(text, width, size);
                    for (const line of lines)
                        assert.ok(
                            textWidth(line, size) <= width || graphemesOf(line).length <= 1,
                            `"${line}" is wider than ${width}`
                        );
                    assert.equal(lines.join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
                }
            ),
            { numRuns: 500 }
        );
        const cjk = fc
            .array(fc.constantFrom('看', '到', '旅', '程', '上', '门'), { minLength: 1, maxLength: 40 })
            .map(parts => parts.join(''));
        fc.assert(
            fc.property(cjk, fc.integer({ min: 5, max: 300 }), fc.constantFrom(10, 11, 12, 14), (text, width, size) => {
                const lines = wrapText(text, width, size);
                lines
                    .slice(0, -1)
                    .forEach((line, index) =>
                        assert.ok(
                            textWidth(line + lines[index + 1][0], size) > width,
                            `${lines[index + 1][0]} would have fitted after ${line}`
                        )
                    );
            }),
            { numRuns: 300 }
        );
    });
});
