import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { IssueCodeDescriptions, IssueCodes } from '../../language/journey-issue-codes.js';
import { runCli, workspaceWith } from './cli-runner.js';

/** The SARIF 2.1.0 schema as Microsoft's SARIF tooling ships it (draft-04 JSON Schema). */
function sarifSchema(): object {
    const require = createRequire(import.meta.url);
    const packageJsonPath = require.resolve('@microsoft/jest-sarif/package.json');
    return JSON.parse(
        readFileSync(packageJsonPath.replace(/package\.json$/, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
    );
}

function compileSarifSchema() {
    // The schema's language-tag pattern is not valid in Unicode mode, so patterns are compiled without `u`.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    return ajv.compile(sarifSchema());
}

function assertValidSarif(log: unknown): void {
    const validate = compileSarifSchema();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

const brokenMap = `persona Ana
journey Broken {
  persona Bob
  stage 阶段 {
    step A { emotion 9 }
    step B { next A exit }
  }
}
`;

describe('journeymap check --format sarif', () => {
    it('writes a SARIF 2.1.0 log that the schema accepts, with a rule per code and a result per diagnostic', () => {
        const dir = workspaceWith({ 'maps/售后.journey': brokenMap });
        const result = runCli(['check', '--format', 'sarif', 'maps'], dir);
        assert.equal(result.status, 1, result.stderr);
        const log = JSON.parse(result.stdout);
        assertValidSarif(log);
        const run = log.runs[0];
        assert.equal(run.tool.driver.name, 'journeymap');
        assert.deepEqual(
            run.tool.driver.rules.map((rule: { id: string }) => rule.id),
            [IssueCodes.EmotionOutOfScale, IssueCodes.ExitWithNext, IssueCodes.UnresolvedReference]
        );
        assert.equal(
            run.tool.driver.rules[0].shortDescription.text,
            IssueCodeDescriptions[IssueCodes.EmotionOutOfScale]
        );
        const outOfScale = run.results.find((r: { ruleId: string }) => r.ruleId === IssueCodes.EmotionOutOfScale);
        assert.equal(outOfScale.level, 'error');
        assert.equal(run.tool.driver.rules[outOfScale.ruleIndex].id, IssueCodes.EmotionOutOfScale);
        assert.deepEqual(outOfScale.locations[0].physicalLocation, {
            artifactLocation: { uri: 'maps/%E5%94%AE%E5%90%8E.journey', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 22, endLine: 5, endColumn: 23 }
        });
        assert.equal(
            run.results.find((r: { ruleId: string }) => r.ruleId === IssueCodes.ExitWithNext).level,
            'warning'
        );
        assert.ok(
            !run.results.some((r: { ruleId: string }) => r.ruleId === IssueCodes.UnusedPersona),
            'hints stay out without --hints'
        );
    });

    it('is valid and empty on clean maps, lists hints as notes with --hints', () => {
        const clean = runCli(['check', '--format', 'sarif', 'examples']);
        assert.equal(clean.status, 0, clean.stderr);
        const cleanLog = JSON.parse(clean.stdout);
        assertValidSarif(cleanLog);
        assert.deepEqual(cleanLog.runs[0].results, []);
        const dir = workspaceWith({ 'p.journey': 'persona Lonely' });
        const hints = JSON.parse(runCli(['check', '--format', 'sarif', '--hints', 'p.journey'], dir).stdout);
        assertValidSarif(hints);
        assert.equal(hints.runs[0].results[0].level, 'note');
    });

    it('reports a file that cannot be read as a tool notification, still valid SARIF, exit 2', () => {
        const dir = workspaceWith({ 'huge.journey': 'persona A\n'.repeat(200_000) });
        const result = runCli(
            ['check', '--format', 'sarif', '--max-file-size', '1', 'huge.journey', 'missing.journey'],
            dir
        );
        assert.equal(result.status, 2);
        const log = JSON.parse(result.stdout);
        assertValidSarif(log);
        const invocation = log.runs[0].invocations[0];
        assert.equal(invocation.executionSuccessful, false);
        assert.equal(invocation.toolExecutionNotifications.length, 2);
    });

    it('is checked by a schema that does reject a broken log', () => {
        const log = JSON.parse(runCli(['check', '--format', 'sarif', 'examples']).stdout);
        const validate = compileSarifSchema();
        assert.equal(validate({ ...log, version: '2.0.0' }), false);
        assert.equal(
            validate({ ...log, runs: [{ ...log.runs[0], results: [{ level: 'fatal', message: {} }] }] }),
            false
        );
    });

    it('keeps hostile messages as data: the JSON parses and the text is unchanged', () => {
        const dir = workspaceWith({ 'x.journey': 'journey J { persona "><img src=x onerror=alert(1)> }' });
        const result = runCli(['check', '--format', 'sarif', 'x.journey'], dir);
        const log = JSON.parse(result.stdout);
        assertValidSarif(log);
        assert.ok(log.runs[0].results.length > 0);
    });
});
