import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { DiagnosticSeverity } from 'vscode-languageserver';
import type { IssueCode } from '../../../language/journey-issue-codes.js';
import { diagnosticText } from '../../../protocol/diagnostic-text.js';
import { buildText, coveredText, createTestServices, describeDiagnostics, repoRoot } from '../../journey-test-kit.js';

/** Holds data/funnel.csv: `;`-separated, a quoted key, a non-numeric cell and a duplicated key. */
export const fixtureDir = join(repoRoot, 'test', 'fixtures', 'validation');

/** A journey wrapper so each case states only what it is about. */
export function inJourney(steps: string, head = ''): string {
    return `${head}
journey J {
  stage S {
${steps}
  }
}`;
}

/** An opportunity block after a journey whose steps it can address; B is reached from A, C from nothing. */
export function withOpportunity(
    lines: string,
    steps = '    step A { metric m = 3 next B }\n    step B { emotion 3 exit }\n    step C { emotion 2 }'
): string {
    return inJourney(steps, 'metric m count\nmetric n count') + `\nopportunity O "An idea" {\n${lines}\n}`;
}

/** One map with one mistake: the code it must get, how severe, and the exact text the diagnostic covers. */
export interface DiagnosticCase {
    code: IssueCode;
    severity: DiagnosticSeverity;
    text: string;
    covers: string;
}

/** A test per case: exactly one diagnostic of the code, at the range, with a message that says what to do. */
export function itMarksEach(cases: DiagnosticCase[]): void {
    for (const testCase of cases) {
        it(`${testCase.code}: marks '${testCase.covers}'`, async () => {
            const document = await buildText(createTestServices(), testCase.text, join(fixtureDir, 'case.journey'));
            const matching = (document.diagnostics ?? []).filter(d => d.code === testCase.code);
            assert.equal(
                matching.length,
                1,
                `expected one ${testCase.code}, got:\n${describeDiagnostics(document.diagnostics)}`
            );
            assert.equal(matching[0].severity, testCase.severity);
            assert.equal(coveredText(document, matching[0]), testCase.covers);
            assert.ok(diagnosticText(matching[0]).length > 20, 'the message says what to do');
        });
    }
}
