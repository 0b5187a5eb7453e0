import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { diagnosticText } from '../../../protocol/diagnostic-text.js';
import {
    buildDocuments,
    codesOf,
    coveredText,
    createTestServices,
    describeDiagnostics
} from '../../journey-test-kit.js';
import { fixtureDir } from './diagnostic-cases.js';

const people = 'persona Ana "From people"\nchannel Web online\nmetric nps score';
const partners = 'persona Ana "From partners"\nchannel Web online\nmetric nps score';

/** main.journey importing both files, with a journey of the given text. */
async function mainWith(journey: string) {
    const [main] = await buildDocuments(createTestServices(), {
        [join(fixtureDir, 'main.journey')]: `import "./people.journey"\nimport "./partners.journey" as p\n${journey}`,
        [join(fixtureDir, 'people.journey')]: people,
        [join(fixtureDir, 'partners.journey')]: partners
    });
    return main;
}

describe('ambiguity: a name two imported files declare (language/validation/ambiguity-checks.ts)', () => {
    it('warns at each unqualified persona, channel and metric, naming both files', async () => {
        const main = await mainWith(
            'journey J { persona Ana stage S { step A { persona Ana channel Web metric nps = 3 } } }'
        );
        const ambiguous = (main.diagnostics ?? []).filter(d => d.code === IssueCodes.AmbiguousReference);
        assert.deepEqual(
            ambiguous.map(d => coveredText(main, d)),
            ['Ana', 'Ana', 'Web', 'nps'],
            describeDiagnostics(main.diagnostics)
        );
        for (const diagnostic of ambiguous)
            assert.match(diagnosticText(diagnostic), /declared in people\.journey and partners\.journey; qualify it/);
    });

    it('is silent on qualified names', async () => {
        const main = await mainWith(
            'journey J { persona people.Ana, p.Ana stage S { step A { channel p.Web metric people.nps = 3 } } }'
        );
        assert.deepEqual(codesOf(main.diagnostics), [], describeDiagnostics(main.diagnostics));
    });
});
