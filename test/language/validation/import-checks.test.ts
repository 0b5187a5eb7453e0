import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { diagnosticText } from '../../../protocol/diagnostic-text.js';
import { buildDocuments, codesOf, createTestServices, describeDiagnostics } from '../../journey-test-kit.js';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/journey-issue-codes.js';
import { type DiagnosticCase, fixtureDir, itMarksEach } from './diagnostic-cases.js';

const cases: DiagnosticCase[] = [
    {
        code: IssueCodes.ImportNotFound,
        severity: DiagnosticSeverity.Error,
        text: 'import "./missing.journey"',
        covers: '"./missing.journey"'
    },
    {
        code: IssueCodes.PathOutsideWorkspace,
        severity: DiagnosticSeverity.Error,
        text: 'import "../../../../../etc/passwd.journey"',
        covers: '"../../../../../etc/passwd.journey"'
    }
];

describe('imports: files that exist inside the workspace, and no cycles (language/validation/import-checks.ts)', () => {
    itMarksEach(cases);

    it('reports a cycle of imports on the import that closes it', async () => {
        const [a] = await buildDocuments(createTestServices(), {
            [join(fixtureDir, 'cycle-a.journey')]: 'import "./cycle-b.journey"\npersona A',
            [join(fixtureDir, 'cycle-b.journey')]: 'import "./cycle-a.journey"\npersona B'
        });
        const cycle = (a.diagnostics ?? []).find(d => d.code === IssueCodes.ImportCycle);
        assert.ok(cycle, describeDiagnostics(a.diagnostics));
        assert.match(diagnosticText(cycle), /cycle-a\.journey → cycle-b\.journey → cycle-a\.journey/);
    });

    it("reports a cycle between two files that address each other's steps, and ends", async () => {
        const [a, b] = await buildDocuments(createTestServices(), {
            [join(fixtureDir, 'cycle-a.journey')]:
                'import "./cycle-b.journey" as b\njourney A { stage S { step One { emotion 3 } } }\nopportunity X { addresses b.B.Two }\n',
            [join(fixtureDir, 'cycle-b.journey')]:
                'import "./cycle-a.journey" as a\njourney B { stage S { step Two { emotion 3 } } }\nopportunity Y { addresses a.A.One }\n'
        });
        assert.deepEqual(
            codesOf(a.diagnostics).filter(code => code !== 'unused-persona'),
            [IssueCodes.ImportCycle]
        );
        assert.deepEqual(codesOf(b.diagnostics), [IssueCodes.ImportCycle]);
    });
});
