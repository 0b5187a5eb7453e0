import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { createTestServices } from '../journey-test-kit.js';
import { errorsOf, mistakesDir } from './mistake-corpus.js';

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
    const lineKeywords = /^[ \t]*(persona|role|goal|frustration|quote|channel|metric|journey|emotion|stage|step|touchpoint|pain|opportunity|moment|next|exit)\b/gm;
    const places = bases.flatMap((text, base) => [...text.matchAll(lineKeywords)].map(match => ({ base, at: match.index! + match[0].length - match[1].length, word: match[1] })));

    it(`holds for any one of the ${places.length} line keywords, misspelt any way`, async () => {
        await fc.assert(fc.asyncProperty(fc.constantFrom(...places), fc.nat(), fc.constantFrom('drop', 'double', 'swap'), async ({ base, at, word }, position, how) => {
            const i = position % word.length;
            const typo = how === 'drop' ? word.slice(0, i) + word.slice(i + 1)
                : how === 'double' ? word.slice(0, i + 1) + word.slice(i)
                    : i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, -1);
            fc.pre(typo !== word && typo.length > 0 && !/^(persona|role|goal|frustration|quote|channel|metric|journey|emotion|stage|step|touchpoint|pain|opportunity|moment|next|exit|of|truth|scale|data|as)$/.test(typo));
            const text = bases[base].slice(0, at) + typo + bases[base].slice(at + word.length);
            const errors = await errorsOf(text, `property-${++run}`, services);
            const line = bases[base].slice(0, at).split('\n').length - 1;
            assert.ok(errors.length >= 1 && errors.length <= 2, `${word} → ${typo}: ${errors.length} errors: ${errors.map(error => `${error.range.start.line + 1}: ${error.message}`).join(' | ')}`);
            assert.equal(errors[0].range.start.line, line, `${word} → ${typo}: the first error is on its line`);
        }), { numRuns: 300 });
    });
});
