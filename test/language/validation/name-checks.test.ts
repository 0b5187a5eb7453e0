import * as assert from 'node:assert/strict';
import { diagnosticText } from '../../../protocol/diagnostic-text.js';
import { buildText, createTestServices } from '../../journey-test-kit.js';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { type DiagnosticCase, inJourney, itMarksEach, withOpportunity } from './diagnostic-cases.js';

const cases: DiagnosticCase[] = [
    {
        code: IssueCodes.RepeatedProperty,
        severity: DiagnosticSeverity.Error,
        text: withOpportunity('  addresses J.A\n  owner "A"\n  owner "B"'),
        covers: '"B"'
    },
    {
        code: IssueCodes.UnresolvedReference,
        severity: DiagnosticSeverity.Error,
        text: withOpportunity('  addresses J.Nope'),
        covers: 'J.Nope'
    },
    {
        code: IssueCodes.DuplicateName,
        severity: DiagnosticSeverity.Error,
        text: withOpportunity('  addresses J.A') + '\nopportunity O "again" { addresses J.B }',
        covers: 'O'
    },
    {
        code: IssueCodes.UnresolvedReference,
        severity: DiagnosticSeverity.Error,
        text: 'persona Ana\njourney J { persona Anna stage S { step A { emotion 3 } } }',
        covers: 'Anna'
    },
    {
        code: IssueCodes.DuplicateName,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { emotion 3 }\n    step A { emotion 4 }'),
        covers: 'A'
    },
    {
        code: IssueCodes.DuplicateName,
        severity: DiagnosticSeverity.Error,
        text: 'channel Web online\nchannel Web offline',
        covers: 'Web'
    },
    {
        code: IssueCodes.RepeatedProperty,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { emotion 3 emotion 4 }'),
        covers: '4'
    },
    { code: IssueCodes.UnusedPersona, severity: DiagnosticSeverity.Hint, text: 'persona Lonely', covers: 'Lonely' },
    { code: IssueCodes.UnusedChannel, severity: DiagnosticSeverity.Hint, text: 'channel Fax offline', covers: 'Fax' },
    { code: IssueCodes.UnusedMetric, severity: DiagnosticSeverity.Hint, text: 'metric nps score', covers: 'nps' }
];

describe('names: unused declarations, a name declared twice, a property written twice, a name not found (language/validation/name-checks.ts)', () => {
    itMarksEach(cases);

    it('says "did you mean" for a misspelt name and offers it to the quick fix', async () => {
        const document = await buildText(
            createTestServices(),
            'persona Ana\njourney J { persona Anna stage S { step A { emotion 3 } } }'
        );
        const [diagnostic] = document.diagnostics ?? [];
        assert.match(diagnosticText(diagnostic), /Did you mean 'Ana'\?/);
        assert.deepEqual((diagnostic.data as { suggestions: string[] }).suggestions, ['Ana']);
    });
});
