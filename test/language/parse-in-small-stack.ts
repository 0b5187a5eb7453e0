/**
 * Run by parser-stack-depth.test.ts in a Node process with a third of the usual stack: parses
 * generated maps of 2,000 steps broken at random places and exits 1 at the first that throws.
 * Arguments: the number of cases and the seed.
 */
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { generatedJourney } from '../../bench/generated-journey.js';
import { createJourneyServices } from '../../language/journey-module.js';

const [runs, seed] = process.argv.slice(2).map(Number);
const parser = createJourneyServices(EmptyFileSystem).Journey.parser.LangiumParser;
const map = generatedJourney(2000).text;
const breakage = fc.array(
    fc.tuple(
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom('', 'stp', 'journy', '}', '{', '"', '/*', 'channel', '= =', 'metric m =')
    ),
    { minLength: 1, maxLength: 4 }
);
fc.assert(fc.property(breakage, cuts => {
    const text = cuts.reduce((result, [at, length, inserted]) => {
        const offset = at % (result.length + 1);
        return result.slice(0, offset) + inserted + result.slice(offset + length);
    }, map);
    try {
        parser.parse(text);
    } catch (error) {
        // Said at once: after an overflow the parser's state is spoilt, and the cases fast-check shrinks to fail for
        // that instead.
        if (error instanceof RangeError) console.error(`stack overflow: ${error.message}`);
        throw error;
    }
}), { numRuns: runs, seed, endOnFailure: true });
