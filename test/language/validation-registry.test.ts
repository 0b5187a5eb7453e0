import { strict as assert } from 'node:assert';
import type { ValidationChecks } from 'langium';
import type { JourneyAstType } from '../../language/generated/ast.js';
import { buildText, createTestServices, describeDiagnostics } from '../journey-test-kit.js';

/** Checks run synchronously where they can; one that throws or rejects still becomes a diagnostic, and the others still run. */
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
        const document = await buildText(services, 'journey J {\n  emotion scale 1..5\n  stage S1 { step A { emotion 9 } }\n  stage S2 { step B { emotion 3 } }\n}')
            .finally(() => { console.error = consoleError; });
        assert.ok(logged.some(part => String(part).includes('boom')));
        const diagnostics = describeDiagnostics(document.diagnostics);
        assert.match(diagnostics, /3:14 .*An error occurred during validation: boom <script>/);
        assert.match(diagnostics, /4:3 .*An error occurred during validation: later/);
        assert.match(diagnostics, /emotion-out-of-scale/, diagnostics);
    });
});
