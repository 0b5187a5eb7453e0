import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { type DiagnosticCase, inJourney, itMarksEach } from './diagnostic-cases.js';

const cases: DiagnosticCase[] = [
    {
        code: IssueCodes.InvalidScale,
        severity: DiagnosticSeverity.Error,
        text: 'metric m scale 5..1\njourney J { stage S { step A { metric m = 3 } } }',
        covers: '5..1'
    },
    {
        code: IssueCodes.PercentOutOfRange,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric p = 140 }', 'metric p percent'),
        covers: '140'
    },
    {
        code: IssueCodes.PercentOutOfRange,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric p = 1 }', 'metric p percent target >= 120'),
        covers: '120'
    },
    {
        code: IssueCodes.MetricValueMismatch,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric s = 7 }', 'metric s scale 1..5'),
        covers: '7'
    },
    {
        code: IssueCodes.MetricValueMismatch,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric n = 2.5 }', 'metric n count'),
        covers: '2.5'
    },
    {
        code: IssueCodes.CurrencyCode,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric r = 3 }', 'metric r "Revenue" currency'),
        covers: 'currency'
    },
    {
        code: IssueCodes.CurrencyCode,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric r = 3 }', 'metric r percent EUR'),
        covers: 'EUR'
    },
    {
        code: IssueCodes.CurrencyCode,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric r = 3 }', 'metric r currency yuan'),
        covers: 'yuan'
    },
    {
        code: IssueCodes.InvalidWarn,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric r = 3 }', 'metric r score warn 2'),
        covers: '2'
    },
    {
        code: IssueCodes.InvalidWarn,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric r = 3 }', 'metric r score target >= 4 warn 0'),
        covers: '0'
    },
    {
        code: IssueCodes.TargetOutsideScale,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric s = 3 }', 'metric s scale 1..5 target >= 6'),
        covers: '6'
    }
];

describe('metrics: scales, percentages, currencies, targets and warnings (language/validation/metric-checks.ts)', () => {
    itMarksEach(cases);
});
