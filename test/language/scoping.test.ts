import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Journey } from '../../language/generated/ast.js';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { buildDocuments, codesOf, createTestServices, describeDiagnostics, repoRoot } from '../journey-test-kit.js';

const dir = join(repoRoot, 'test', 'fixtures', 'scoping');
const people = 'persona Ana "From people"\nchannel Web online\nmetric csat scale 1..5\ndata funnel "f.csv"';
const partners = 'persona Ana "From partners"';

function journeyOf(document: Awaited<ReturnType<typeof buildDocuments>>[number]): Journey {
    return document.parseResult.value.elements.find((e): e is Journey => e.$type === 'Journey')!;
}

describe('scoping: imports, qualified names and next', () => {
    it('sees personas, channels and metrics of an imported file', async () => {
        const services = createTestServices();
        const [main] = await buildDocuments(services, {
            [join(dir, 'main.journey')]:
                'import "./people.journey"\njourney J { persona Ana stage S { step A { channel Web metric csat = 4 } } }',
            [join(dir, 'people.journey')]: people
        });
        assert.deepEqual(codesOf(main.diagnostics), [], describeDiagnostics(main.diagnostics));
        assert.equal(journeyOf(main).personas[0].ref?.title, 'From people');
    });

    it('does not see a file of the workspace that is not imported', async () => {
        const services = createTestServices();
        const [main] = await buildDocuments(services, {
            [join(dir, 'main.journey')]: 'journey J { persona Ana stage S { step A { emotion 3 } } }',
            [join(dir, 'people.journey')]: people
        });
        assert.deepEqual(codesOf(main.diagnostics), [IssueCodes.UnresolvedReference]);
    });

    it('follows imports of imports', async () => {
        const services = createTestServices();
        const [main] = await buildDocuments(services, {
            [join(dir, 'main.journey')]:
                'import "./all.journey"\njourney J { persona Ana stage S { step A { emotion 3 } } }',
            [join(dir, 'all.journey')]: 'import "./people.journey"',
            [join(dir, 'people.journey')]: people
        });
        assert.deepEqual(codesOf(main.diagnostics), []);
    });

    it('qualifies names by file name or alias when two files declare the same name, and warns on the ambiguous one', async () => {
        const services = createTestServices();
        const [main] = await buildDocuments(services, {
            [join(dir, 'main.journey')]: `import "./people.journey"
import "./partners.journey" as p
journey J { persona Ana, people.Ana, p.Ana stage S { step A { emotion 3 } } }`,
            [join(dir, 'people.journey')]: people,
            [join(dir, 'partners.journey')]: partners
        });
        const personas = journeyOf(main).personas.map(reference => reference.ref?.title);
        assert.deepEqual(personas, ['From people', 'From people', 'From partners']);
        assert.deepEqual(
            codesOf(main.diagnostics),
            [IssueCodes.AmbiguousReference],
            describeDiagnostics(main.diagnostics)
        );
        assert.equal(main.diagnostics![0].range.start.character, 20);
    });

    it('prefers the file\'s own declaration over an imported one', async () => {
        const services = createTestServices();
        const [main] = await buildDocuments(services, {
            [join(dir, 'main.journey')]:
                'import "./people.journey"\npersona Ana "Local"\njourney J { persona Ana stage S { step A { emotion 3 } } }',
            [join(dir, 'people.journey')]: people
        });
        assert.equal(journeyOf(main).personas[0].ref?.title, 'Local');
        assert.deepEqual(codesOf(main.diagnostics), []);
    });

    it('resolves next to steps of the same journey across its stages', async () => {
        const services = createTestServices();
        const [main] = await buildDocuments(services, {
            [join(dir, 'main.journey')]:
                'journey J { stage S { step A { next C } } stage T { step B { exit } step C { next B } } }'
        });
        const [a] = journeyOf(main).stages[0].steps;
        assert.equal(a.next[0].ref?.$container.name, 'T');
        assert.deepEqual(codesOf(main.diagnostics), [], describeDiagnostics(main.diagnostics));
    });
});
