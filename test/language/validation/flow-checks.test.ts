import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { type DiagnosticCase, inJourney, itMarksEach } from './diagnostic-cases.js';

const cases: DiagnosticCase[] = [
    {
        code: IssueCodes.EmotionOutOfScale,
        severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { emotion 9 }'),
        covers: '9'
    },
    {
        code: IssueCodes.NextToOtherJourney,
        severity: DiagnosticSeverity.Error,
        text: 'journey J { stage S { step A { next B } } }\njourney K { stage T { step B { emotion 2 } } }',
        covers: 'B'
    },
    {
        code: IssueCodes.UnreachableStep,
        severity: DiagnosticSeverity.Warning,
        text: inJourney('    step A { next C }\n    step B { emotion 3 }\n    step C { exit }'),
        covers: 'B'
    },
    {
        code: IssueCodes.DeadEnd,
        severity: DiagnosticSeverity.Warning,
        text: inJourney('    step A { next B, D }\n    step B { next C }\n    step C { next B }\n    step D { exit }'),
        covers: 'B'
    },
    {
        code: IssueCodes.ExitWithNext,
        severity: DiagnosticSeverity.Warning,
        text: inJourney('    step A { next B exit }\n    step B { exit }'),
        covers: 'exit'
    }
];

describe('the flow: where `next` leads, steps nothing reaches, dead ends, emotions on the scale (language/validation/flow-checks.ts)', () => {
    itMarksEach(cases);
});
