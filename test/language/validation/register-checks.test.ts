import { strict as assert } from 'node:assert';
import type { ValidationChecks } from 'langium';
import type { JourneyAstType } from '../../../language/generated/ast.js';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { buildText, codesOf, createTestServices, describeDiagnostics } from '../../journey-test-kit.js';
import { fixtureDir } from './diagnostic-cases.js';

/**
 * Checks run synchronously where they can; one that throws or rejects still becomes a diagnostic, and the others still
 * run.
 */
describe('the validation registry', () => {
    it('turns a check that throws, or a promise that rejects, into an error on its node and goes on', async () => {
        const services = createTestServices();
        const checks: ValidationChecks<JourneyAstType> = {
            Step: step => {
                if (step.name === 'A') throw new Error('boom <script>');
            },
            Stage: async stage => {
                if (stage.name === 'S2') throw new Error('later');
            }
        };
        services.Journey.validation.ValidationRegistry.register(checks);
        const logged: unknown[] = [];
        const consoleError = console.error;
        console.error = (...parts: unknown[]) => logged.push(...parts); // Langium logs the failure too; keep the test output clean
        const document = await buildText(
            services,
            'journey J {\n  emotion scale 1..5\n  stage S1 { step A { emotion 9 } }\n  stage S2 { step B { emotion 3 } }\n}'
        ).finally(() => {
            console.error = consoleError;
        });
        assert.ok(logged.some(part => String(part).includes('boom')));
        const diagnostics = describeDiagnostics(document.diagnostics);
        assert.match(diagnostics, /3:14 .*An error occurred during validation: boom <script>/);
        assert.match(diagnostics, /4:3 .*An error occurred during validation: later/);
        assert.match(diagnostics, /emotion-out-of-scale/, diagnostics);
    });
});

/** Every family together, registered by language/validation/register-checks.ts. */
describe('the checks together', () => {
    it('report nothing on a map that uses every construct correctly, with a linked data value', async () => {
        const document = await buildText(
            createTestServices(),
            `persona P
channel Web online
metric conv percent target >= 12
metric csat scale 1..5 target >= 4
data f "data/funnel.csv"
journey J {
  persona P
  emotion scale 1..7
  stage S {
    step A { channel Web emotion 7 metric conv = f.conversion where step = "see-ad" next B, C }
    step B { emotion 1 metric csat = 4.5 next A, C }
  }
  stage T { step C { emotion 4 exit } }
}`,
            join(fixtureDir, 'valid.journey')
        );
        assert.deepEqual(codesOf(document.diagnostics), [], describeDiagnostics(document.diagnostics));
    });

    it("give the three errors of a newcomer's map: unknown persona, emotion 9 of 1..5, duplicate step", async () => {
        const document = await buildText(
            createTestServices(),
            `journey Broken {
  persona Bob
  stage One {
    step A { emotion 9 }
    step A { emotion 3 }
  }
}`
        );
        const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error);
        assert.deepEqual(errors.map(d => [d.code, d.range.start.line + 1, d.range.start.character + 1]).sort(), [
            [IssueCodes.DuplicateName, 5, 10],
            [IssueCodes.EmotionOutOfScale, 4, 22],
            [IssueCodes.UnresolvedReference, 2, 11]
        ]);
    });
});
