import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { type DiagnosticCase, inJourney, itMarksEach } from './diagnostic-cases.js';

const cases: DiagnosticCase[] = [
    {
        code: IssueCodes.ConfidenceUnknown,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { pain "Slow" { evidence "Survey" confidence hihg } }'),
        covers: 'hihg'
    },
    {
        code: IssueCodes.EmptyText,
        severity: DiagnosticSeverity.Warning,
        text: inJourney('    step A { frontstage "" owner "Support" }'),
        covers: '""'
    }
];

describe('evidence: confidence words and empty texts (language/validation/evidence-checks.ts)', () => {
    itMarksEach(cases);
});
