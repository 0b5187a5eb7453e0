import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { createTestServices } from '../journey-test-kit.js';
import { errorsOf, mistakesDir } from './mistake-corpus.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

/**
 * No cascade, as a property: any one keyword that starts a line of the two base maps, misspelt
 * (a letter dropped, doubled or swapped with the next), gives at most two errors, the first
 * of them about that word's line.
 */
describe('a misspelt keyword never cascades (property)', function () {
    this.timeout(300_000);
    const services = createTestServices();
    let run = 0;
    const bases = ['en', 'zh'].map(base => readFileSync(join(mistakesDir, `base.${base}.journey`), 'utf8'));
    const lineKeywords =
        /^[ \t]*(persona|role|goal|frustration|quote|channel|metric|journey|emotion|stage|step|touchpoint|pain|opportunity|moment|next|exit)\b/gm;
    const places = bases.flatMap((text, base) =>
        [...text.matchAll(lineKeywords)].map(match => ({
            base,
            at: match.index! + match[0].length - match[1].length,
            word: match[1]
        }))
    );

    it(`holds for any one of the ${places.length} line keywords, misspelt any way`, async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.constantFrom(...places),
                fc.nat(),
                fc.constantFrom('drop', 'double', 'swap'),
                async ({ base, at, word }, position, how) => {
                    const i = position % word.length;
                    const typo =
                        how === 'drop'
                            ? word.slice(0, i) + word.slice(i + 1)
                            : how === 'double'
                              ? word.slice(0, i + 1) + word.slice(i)
                              : i + 1 < word.length
                                ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
                                : word.slice(0, -1);
                    fc.pre(
                        typo !== word &&
                            typo.length > 0 &&
                            !/^(persona|role|goal|frustration|quote|channel|metric|journey|emotion|stage|step|touchpoint|pain|opportunity|moment|next|exit|of|truth|scale|data|as)$/.test(
                                typo
                            )
                    );
                    const text = bases[base].slice(0, at) + typo + bases[base].slice(at + word.length);
                    const errors = await errorsOf(text, `property-${++run}`, services);
                    const line = bases[base].slice(0, at).split('\n').length - 1;
                    assert.ok(
                        errors.length >= 1 && errors.length <= 2,
                        `${word} → ${typo}: ${errors.length} errors: ${errors.map(error => `${error.range.start.line + 1}: ${error.message}`).join(' | ')}`
                    );
                    assert.equal(errors[0].range.start.line, line, `${word} → ${typo}: the first error is on its line`);
                }
            ),
            { numRuns: 300 }
        );
    });
});

/**
 * Messages name what was written, as a property: a keyword line of the base maps mistyped in
 * one of the ways writers do (a colon after the keyword, a `%` or a unit after a number, a
 * second name where one goes) gets a first message that quotes the writer's own keyword and value.
 */
describe('a message quotes the keyword and value the writer typed (property)', function () {
    this.timeout(300_000);
    const services = createTestServices();
    let run = 0;
    const bases = ['en', 'zh'].map(base => readFileSync(join(mistakesDir, `base.${base}.journey`), 'utf8'));
    const statements = /^[ \t]+(touchpoint|pain|opportunity|emotion|channel|metric [\p{L}_]+ =) ([^\n]+)$/gmu;
    const places = bases.flatMap((text, base) =>
        [...text.matchAll(statements)].map(match => ({
            base,
            at: match.index! + match[0].length - match[1].length - match[2].length - 1,
            keyword: match[1],
            value: match[2]
        }))
    );
    const mistypes = ['colon', 'full-width colon', 'percent', 'unit', 'second name'] as const;

    it(`holds for the ${places.length} statements of the base maps, mistyped in ${mistypes.length} ways`, async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.constantFrom(...places),
                fc.constantFrom(...mistypes),
                fc.constantFrom('days', 'pct', '天'),
                fc.constantFrom('App', 'Store', '官网'),
                async ({ base, at, keyword, value }, how, unit, other) => {
                    const number = /^-?\d+(\.\d+)?$/.test(value);
                    fc.pre(how !== 'percent' && how !== 'unit' ? true : number);
                    fc.pre(how !== 'second name' || keyword === 'channel');
                    const keywordOnly = keyword.split(' ')[0];
                    const written =
                        how === 'colon'
                            ? `${keywordOnly}: ${keyword.slice(keywordOnly.length + 1)} ${value}`
                                  .replace(/ +/g, ' ')
                                  .replace(/ $/, '')
                            : how === 'full-width colon'
                              ? `${keyword.replace(/^(\S+)/, '$1：')} ${value}`
                              : how === 'percent'
                                ? `${keyword} ${value}%`
                                : how === 'unit'
                                  ? `${keyword} ${value} ${unit}`
                                  : `${keyword} ${value}, ${other}`;
                    const line = `${keyword} ${value}`;
                    const text = bases[base].slice(0, at) + written + bases[base].slice(at + line.length);
                    const [first] = await errorsOf(text, `named-${++run}`, services);
                    assert.ok(first, `${written}: no error`);
                    const shownValue = how === 'second name' ? other : value.split(' ')[0];
                    assert.ok(
                        diagnosticText(first).includes(keywordOnly) || how === 'percent',
                        `${written} → ${first.message}: the keyword is not named`
                    );
                    assert.ok(
                        diagnosticText(first).includes(shownValue),
                        `${written} → ${diagnosticText(first)}: the value ${shownValue} is not named`
                    );
                }
            ),
            { numRuns: 200 }
        );
    });
});
