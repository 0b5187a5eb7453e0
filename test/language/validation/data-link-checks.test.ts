import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { type DiagnosticCase, inJourney, itMarksEach } from './diagnostic-cases.js';

const cases: DiagnosticCase[] = [
    {
        code: IssueCodes.PathOutsideWorkspace,
        severity: DiagnosticSeverity.Error,
        text: 'data d "/etc/passwd"',
        covers: '"/etc/passwd"'
    },
    {
        code: IssueCodes.DataFileNotFound,
        severity: DiagnosticSeverity.Error,
        text: 'data d "data/nope.csv"',
        covers: '"data/nope.csv"'
    },
    {
        code: IssueCodes.DataColumnUnknown,
        severity: DiagnosticSeverity.Error,
        text: inJourney(
            '    step A { metric m = f.conversoin where step = "see-ad" }',
            'metric m percent\ndata f "data/funnel.csv"'
        ),
        covers: 'conversoin'
    },
    {
        code: IssueCodes.DataColumnUnknown,
        severity: DiagnosticSeverity.Error,
        text: inJourney(
            '    step A { metric m = f.conversion where stap = "see-ad" }',
            'metric m percent\ndata f "data/funnel.csv"'
        ),
        covers: 'stap'
    },
    {
        code: IssueCodes.DataColumnUnknown,
        severity: DiagnosticSeverity.Error,
        text: 'data s "data/survey-months.csv" period 月',
        covers: '月'
    },
    {
        code: IssueCodes.DataRowAmbiguous,
        severity: DiagnosticSeverity.Error,
        text: inJourney(
            '    step A { metric m = s.满意度 }',
            'metric m score\ndata s "data/survey-months.csv" period 月份'
        ),
        covers: 's.满意度'
    },
    {
        code: IssueCodes.DataRowNotFound,
        severity: DiagnosticSeverity.Error,
        text: inJourney(
            '    step A { metric m = f.conversion where step = "nope" }',
            'metric m percent\ndata f "data/funnel.csv"'
        ),
        covers: 'step = "nope"'
    },
    {
        code: IssueCodes.DataRowAmbiguous,
        severity: DiagnosticSeverity.Error,
        text: inJourney(
            '    step A { metric m = f.conversion where step = "dup" }',
            'metric m percent\ndata f "data/funnel.csv"'
        ),
        covers: 'step = "dup"'
    },
    {
        code: IssueCodes.DataValueNotNumeric,
        severity: DiagnosticSeverity.Error,
        text: inJourney(
            '    step A { metric m = f.conversion where step = "compare" }',
            'metric m percent\ndata f "data/funnel.csv"'
        ),
        covers: 'conversion'
    }
];

describe('data links: files inside the workspace, columns, the one row, numeric cells (language/validation/data-link-checks.ts)', () => {
    itMarksEach(cases);
});
