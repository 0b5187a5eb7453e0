import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { isJourney, isOpportunity } from '../../../language/generated/ast.js';
import { buildText, codesOf, createTestServices } from '../../journey-test-kit.js';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { type DiagnosticCase, fixtureDir, itMarksEach, withOpportunity } from './diagnostic-cases.js';

const cases: DiagnosticCase[] = [
    {
        code: IssueCodes.OpportunityScoreOutOfRange,
        severity: DiagnosticSeverity.Error,
        text: withOpportunity('  addresses J.A\n  value 7'),
        covers: '7'
    },
    {
        code: IssueCodes.OpportunityScoreOutOfRange,
        severity: DiagnosticSeverity.Error,
        text: withOpportunity('  addresses J.A\n  effort 2.5'),
        covers: '2.5'
    },
    {
        code: IssueCodes.OpportunityStatusUnknown,
        severity: DiagnosticSeverity.Error,
        text: withOpportunity('  addresses J.A\n  status shiped'),
        covers: 'shiped'
    },
    {
        code: IssueCodes.OpportunityAddressesNothing,
        severity: DiagnosticSeverity.Warning,
        text: withOpportunity('  owner "Web team"'),
        covers: 'O'
    },
    {
        code: IssueCodes.OpportunityStepUnreachable,
        severity: DiagnosticSeverity.Warning,
        text: withOpportunity('  addresses J.A, J.C'),
        covers: 'J.C'
    },
    {
        code: IssueCodes.OpportunityMetricNotCarried,
        severity: DiagnosticSeverity.Warning,
        text: withOpportunity('  addresses J.A\n  expects n >= 3'),
        covers: 'n'
    },
    {
        code: IssueCodes.OpportunityMeasuredWithoutValue,
        severity: DiagnosticSeverity.Warning,
        text: withOpportunity('  addresses J.B\n  status measured\n  expects m >= 3'),
        covers: 'm'
    }
];

describe('opportunities: scores, status, what they address and the metric they expect to move (language/validation/opportunity-checks.ts)', () => {
    itMarksEach(cases);

    it('checks every one of a backlog of 5,000 in one file, and reports only the ones that miss their metric', async function () {
        this.timeout(120_000);
        const lines = ['metric m count', 'journey J {', '  stage S {'];
        for (let index = 0; index < 1000; index++) {
            lines.push(
                index < 999
                    ? `    step T${index} { emotion 3 metric m = ${index} next T${index + 1} }`
                    : `    step T${index} { emotion 3 }`
            );
        }
        lines.push('  }', '}');
        for (let index = 0; index < 5000; index++) {
            lines.push(
                `opportunity O${index} "Idea ${index}" { owner "Team ${index % 7}" status planned value ${1 + (index % 5)} ` +
                    `effort ${1 + (index % 3)} addresses J.T${index % 1000} expects m >= 3 }`
            );
        }
        const document = await buildText(createTestServices(), lines.join('\n'), join(fixtureDir, 'backlog.journey'));
        // T999, the last step, carries no value of m: the five opportunities that address it say so.
        assert.deepEqual(codesOf(document.diagnostics), Array(5).fill(IssueCodes.OpportunityMetricNotCarried));
    });

    it('keeps an opportunity named like a step apart from the step: a step names the opportunity, `addresses` the step', async () => {
        const document = await buildText(
            createTestServices(),
            'journey J { stage S { step Compare { emotion 3 opportunity Compare } } }\n' +
                'opportunity Compare "Compare with shipping" { addresses J.Compare }\n',
            join(fixtureDir, 'clash.journey')
        );
        assert.deepEqual(codesOf(document.diagnostics), []);
        const file = document.parseResult.value;
        const journey = file.elements.find(isJourney)!;
        assert.equal(journey.stages[0].steps[0].opportunityRefs[0].ref?.$type, 'Opportunity');
        assert.equal(file.elements.find(isOpportunity)!.addresses[0].ref?.$type, 'Step');
    });
});
