import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes, type IssueCode } from '../../language/journey-issue-codes.js';
import { buildDocuments, buildText, codesOf, coveredText, createTestServices, describeDiagnostics, repoRoot } from '../journey-test-kit.js';
import { diagnosticText } from '../../language/diagnostic-text.js';

/** Holds data/funnel.csv: `;`-separated, a quoted key, a non-numeric cell and a duplicated key. */
const fixtureDir = join(repoRoot, 'test', 'fixtures', 'validation');

/** A journey wrapper so each case states only what it is about. */
function inJourney(steps: string, head = ''): string {
    return `${head}
journey J {
  stage S {
${steps}
  }
}`;
}

interface Case {
    code: IssueCode;
    severity: DiagnosticSeverity;
    text: string;
    /** The exact text the diagnostic's range must cover. */
    covers: string;
}

/** An opportunity block after a journey whose steps it can address; B is reached from A, C from nothing. */
function withOpportunity(lines: string, steps = '    step A { metric m = 3 next B }\n    step B { emotion 3 exit }\n    step C { emotion 2 }'): string {
    return inJourney(steps, 'metric m count\nmetric n count') + `\nopportunity O "An idea" {\n${lines}\n}`;
}

const cases: Case[] = [
    { code: IssueCodes.OpportunityScoreOutOfRange, severity: DiagnosticSeverity.Error, text: withOpportunity('  addresses J.A\n  value 7'), covers: '7' },
    { code: IssueCodes.OpportunityScoreOutOfRange, severity: DiagnosticSeverity.Error, text: withOpportunity('  addresses J.A\n  effort 2.5'), covers: '2.5' },
    { code: IssueCodes.OpportunityStatusUnknown, severity: DiagnosticSeverity.Error, text: withOpportunity('  addresses J.A\n  status shiped'), covers: 'shiped' },
    { code: IssueCodes.OpportunityAddressesNothing, severity: DiagnosticSeverity.Warning, text: withOpportunity('  owner "Web team"'), covers: 'O' },
    { code: IssueCodes.OpportunityStepUnreachable, severity: DiagnosticSeverity.Warning, text: withOpportunity('  addresses J.A, J.C'), covers: 'J.C' },
    { code: IssueCodes.OpportunityMetricNotCarried, severity: DiagnosticSeverity.Warning, text: withOpportunity('  addresses J.A\n  expects n >= 3'), covers: 'n' },
    { code: IssueCodes.OpportunityMeasuredWithoutValue, severity: DiagnosticSeverity.Warning, text: withOpportunity('  addresses J.B\n  status measured\n  expects m >= 3'), covers: 'm' },
    { code: IssueCodes.RepeatedProperty, severity: DiagnosticSeverity.Error, text: withOpportunity('  addresses J.A\n  owner "A"\n  owner "B"'), covers: '"B"' },
    { code: IssueCodes.UnresolvedReference, severity: DiagnosticSeverity.Error, text: withOpportunity('  addresses J.Nope'), covers: 'J.Nope' },
    { code: IssueCodes.DuplicateName, severity: DiagnosticSeverity.Error, text: withOpportunity('  addresses J.A') + '\nopportunity O "again" { addresses J.B }', covers: 'O' },
    { code: IssueCodes.ConfidenceUnknown, severity: DiagnosticSeverity.Error, text: inJourney('    step A { pain "Slow" { evidence "Survey" confidence hihg } }'), covers: 'hihg' },
    { code: IssueCodes.EmptyText, severity: DiagnosticSeverity.Warning, text: inJourney('    step A { frontstage "" owner "Support" }'), covers: '""' },
    { code: IssueCodes.UnresolvedReference, severity: DiagnosticSeverity.Error, text: 'persona Ana\njourney J { persona Anna stage S { step A { emotion 3 } } }', covers: 'Anna' },
    { code: IssueCodes.DuplicateName, severity: DiagnosticSeverity.Error, text: inJourney('    step A { emotion 3 }\n    step A { emotion 4 }'), covers: 'A' },
    { code: IssueCodes.DuplicateName, severity: DiagnosticSeverity.Error, text: 'channel Web online\nchannel Web offline', covers: 'Web' },
    { code: IssueCodes.RepeatedProperty, severity: DiagnosticSeverity.Error, text: inJourney('    step A { emotion 3 emotion 4 }'), covers: '4' },
    { code: IssueCodes.EmotionOutOfScale, severity: DiagnosticSeverity.Error, text: inJourney('    step A { emotion 9 }'), covers: '9' },
    { code: IssueCodes.InvalidScale, severity: DiagnosticSeverity.Error, text: 'metric m scale 5..1\njourney J { stage S { step A { metric m = 3 } } }', covers: '5..1' },
    { code: IssueCodes.PercentOutOfRange, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric p = 140 }', 'metric p percent'), covers: '140' },
    { code: IssueCodes.PercentOutOfRange, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric p = 1 }', 'metric p percent target >= 120'), covers: '120' },
    { code: IssueCodes.MetricValueMismatch, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric s = 7 }', 'metric s scale 1..5'), covers: '7' },
    { code: IssueCodes.MetricValueMismatch, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric n = 2.5 }', 'metric n count'), covers: '2.5' },
    { code: IssueCodes.CurrencyCode, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric r = 3 }', 'metric r "Revenue" currency'), covers: 'currency' },
    { code: IssueCodes.CurrencyCode, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric r = 3 }', 'metric r percent EUR'), covers: 'EUR' },
    { code: IssueCodes.CurrencyCode, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric r = 3 }', 'metric r currency yuan'), covers: 'yuan' },
    { code: IssueCodes.InvalidWarn, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric r = 3 }', 'metric r score warn 2'), covers: '2' },
    { code: IssueCodes.InvalidWarn, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric r = 3 }', 'metric r score target >= 4 warn 0'), covers: '0' },
    { code: IssueCodes.TargetOutsideScale, severity: DiagnosticSeverity.Error, text: inJourney('    step A { metric s = 3 }', 'metric s scale 1..5 target >= 6'), covers: '6' },
    {
        code: IssueCodes.NextToOtherJourney, severity: DiagnosticSeverity.Error,
        text: 'journey J { stage S { step A { next B } } }\njourney K { stage T { step B { emotion 2 } } }', covers: 'B'
    },
    { code: IssueCodes.UnreachableStep, severity: DiagnosticSeverity.Warning, text: inJourney('    step A { next C }\n    step B { emotion 3 }\n    step C { exit }'), covers: 'B' },
    { code: IssueCodes.DeadEnd, severity: DiagnosticSeverity.Warning, text: inJourney('    step A { next B, D }\n    step B { next C }\n    step C { next B }\n    step D { exit }'), covers: 'B' },
    { code: IssueCodes.ExitWithNext, severity: DiagnosticSeverity.Warning, text: inJourney('    step A { next B exit }\n    step B { exit }'), covers: 'exit' },
    { code: IssueCodes.UnusedPersona, severity: DiagnosticSeverity.Hint, text: 'persona Lonely', covers: 'Lonely' },
    { code: IssueCodes.UnusedChannel, severity: DiagnosticSeverity.Hint, text: 'channel Fax offline', covers: 'Fax' },
    { code: IssueCodes.UnusedMetric, severity: DiagnosticSeverity.Hint, text: 'metric nps score', covers: 'nps' },
    { code: IssueCodes.ImportNotFound, severity: DiagnosticSeverity.Error, text: 'import "./missing.journey"', covers: '"./missing.journey"' },
    { code: IssueCodes.PathOutsideWorkspace, severity: DiagnosticSeverity.Error, text: 'import "../../../../../etc/passwd.journey"', covers: '"../../../../../etc/passwd.journey"' },
    { code: IssueCodes.PathOutsideWorkspace, severity: DiagnosticSeverity.Error, text: 'data d "/etc/passwd"', covers: '"/etc/passwd"' },
    { code: IssueCodes.DataFileNotFound, severity: DiagnosticSeverity.Error, text: 'data d "data/nope.csv"', covers: '"data/nope.csv"' },
    {
        code: IssueCodes.DataColumnUnknown, severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric m = f.conversoin where step = "see-ad" }', 'metric m percent\ndata f "data/funnel.csv"'), covers: 'conversoin'
    },
    {
        code: IssueCodes.DataColumnUnknown, severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric m = f.conversion where stap = "see-ad" }', 'metric m percent\ndata f "data/funnel.csv"'), covers: 'stap'
    },
    { code: IssueCodes.DataColumnUnknown, severity: DiagnosticSeverity.Error, text: 'data s "data/survey-months.csv" period 月' , covers: '月' },
    {
        code: IssueCodes.DataRowAmbiguous, severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric m = s.满意度 }', 'metric m score\ndata s "data/survey-months.csv" period 月份'), covers: 's.满意度'
    },
    {
        code: IssueCodes.DataRowNotFound, severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric m = f.conversion where step = "nope" }', 'metric m percent\ndata f "data/funnel.csv"'), covers: 'step = "nope"'
    },
    {
        code: IssueCodes.DataRowAmbiguous, severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric m = f.conversion where step = "dup" }', 'metric m percent\ndata f "data/funnel.csv"'), covers: 'step = "dup"'
    },
    {
        code: IssueCodes.DataValueNotNumeric, severity: DiagnosticSeverity.Error,
        text: inJourney('    step A { metric m = f.conversion where step = "compare" }', 'metric m percent\ndata f "data/funnel.csv"'), covers: 'conversion'
    }
];

describe('validation: every diagnostic code fires at its range', () => {
    for (const testCase of cases) {
        it(`${testCase.code}: marks '${testCase.covers}'`, async () => {
            const services = createTestServices();
            const document = await buildText(services, testCase.text, join(fixtureDir, 'case.journey'));
            const matching = (document.diagnostics ?? []).filter(d => d.code === testCase.code);
            assert.equal(matching.length, 1, `expected one ${testCase.code}, got:\n${describeDiagnostics(document.diagnostics)}`);
            assert.equal(matching[0].severity, testCase.severity);
            assert.equal(coveredText(document, matching[0]), testCase.covers);
            assert.ok(diagnosticText(matching[0]).length > 20, 'the message says what to do');
        });
    }
});

describe('validation: silent on valid input', () => {
    it('reports nothing on a map that uses every construct correctly, with a linked data value', async () => {
        const services = createTestServices();
        const document = await buildText(services, `persona P
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
}`, join(fixtureDir, 'valid.journey'));
        assert.deepEqual(codesOf(document.diagnostics), [], describeDiagnostics(document.diagnostics));
    });

    it('says "did you mean" for a misspelt name and offers it to the quick fix', async () => {
        const services = createTestServices();
        const document = await buildText(services, 'persona Ana\njourney J { persona Anna stage S { step A { emotion 3 } } }');
        const [diagnostic] = document.diagnostics ?? [];
        assert.match(diagnosticText(diagnostic), /Did you mean 'Ana'\?/);
        assert.deepEqual((diagnostic.data as { suggestions: string[] }).suggestions, ['Ana']);
    });

    it('reports a cycle of imports on the import that closes it', async () => {
        const services = createTestServices();
        const [a] = await buildDocuments(services, {
            [join(fixtureDir, 'cycle-a.journey')]: 'import "./cycle-b.journey"\npersona A',
            [join(fixtureDir, 'cycle-b.journey')]: 'import "./cycle-a.journey"\npersona B'
        });
        const cycle = (a.diagnostics ?? []).find(d => d.code === IssueCodes.ImportCycle);
        assert.ok(cycle, describeDiagnostics(a.diagnostics));
        assert.match(diagnosticText(cycle), /cycle-a\.journey → cycle-b\.journey → cycle-a\.journey/);
    });

    it('gives the three errors of the issue: unknown persona, emotion 9 of 1..5, duplicate step', async () => {
        const services = createTestServices();
        const document = await buildText(services, `journey Broken {
  persona Bob
  stage One {
    step A { emotion 9 }
    step A { emotion 3 }
  }
}`);
        const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error);
        assert.deepEqual(errors.map(d => [d.code, d.range.start.line + 1, d.range.start.character + 1]).sort(), [
            [IssueCodes.DuplicateName, 5, 10],
            [IssueCodes.EmotionOutOfScale, 4, 22],
            [IssueCodes.UnresolvedReference, 2, 11]
        ]);
    });
});

describe('validation of a backlog of 5,000 opportunities in one file', function () {
    this.timeout(120_000);
    it('checks every one, and reports only the ones that miss their metric', async () => {
        const lines = ['metric m count', 'journey J {', '  stage S {'];
        for (let index = 0; index < 1000; index++) lines.push(index < 999 ? `    step T${index} { emotion 3 metric m = ${index} next T${index + 1} }` : `    step T${index} { emotion 3 }`);
        lines.push('  }', '}');
        for (let index = 0; index < 5000; index++) {
            lines.push(`opportunity O${index} "Idea ${index}" { owner "Team ${index % 7}" status planned value ${1 + index % 5} effort ${1 + index % 3} addresses J.T${index % 1000} expects m >= 3 }`);
        }
        const document = await buildText(createTestServices(), lines.join('\n'), join(fixtureDir, 'backlog.journey'));
        // T999, the last step, carries no value of m: the five opportunities that address it say so.
        assert.deepEqual(codesOf(document.diagnostics), Array(5).fill(IssueCodes.OpportunityMetricNotCarried));
    });
});

describe('opportunities in odd places', () => {
    it('reports an import cycle between two files that address each other\'s steps, and ends', async () => {
        const services = createTestServices();
        const [a, b] = await buildDocuments(services, {
            [join(fixtureDir, 'cycle-a.journey')]: 'import "./cycle-b.journey" as b\njourney A { stage S { step One { emotion 3 } } }\nopportunity X { addresses b.B.Two }\n',
            [join(fixtureDir, 'cycle-b.journey')]: 'import "./cycle-a.journey" as a\njourney B { stage S { step Two { emotion 3 } } }\nopportunity Y { addresses a.A.One }\n'
        });
        assert.deepEqual(codesOf(a.diagnostics).filter(code => code !== 'unused-persona'), [IssueCodes.ImportCycle]);
        assert.deepEqual(codesOf(b.diagnostics), [IssueCodes.ImportCycle]);
    });

    it('keeps an opportunity named like a step apart from the step: a step names the opportunity, `addresses` the step', async () => {
        const document = await buildText(createTestServices(), 'journey J { stage S { step Compare { emotion 3 opportunity Compare } } }\nopportunity Compare "Compare with shipping" { addresses J.Compare }\n', join(fixtureDir, 'clash.journey'));
        assert.deepEqual(codesOf(document.diagnostics), []);
        const file = document.parseResult.value;
        const step = (file.elements.find(element => element.$type === 'Journey') as unknown as { stages: Array<{ steps: Array<{ opportunityRefs: Array<{ ref?: { $type: string } }> }> }> }).stages[0].steps[0];
        assert.equal(step.opportunityRefs[0].ref?.$type, 'Opportunity');
        const opportunity = file.elements.find(element => element.$type === 'Opportunity') as unknown as { addresses: Array<{ ref?: { $type: string } }> };
        assert.equal(opportunity.addresses[0].ref?.$type, 'Step');
    });
});
