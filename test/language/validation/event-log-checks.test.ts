import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { buildText, coveredText, createTestServices } from '../../journey-test-kit.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

const log = 'user_id,event,ts,variant\nu1,a,2026-01-01 10:00:00,A\n';

const map = (
    journey: string,
    data = 'data clicks "events.csv" events case user_id activity event time ts variant variant'
) => `${data}
data funnel "funnel.csv"
journey J {
${journey}
}
`;

describe('event logs in the map: `data … events`, `events` and `paths from`', () => {
    let folder: string;
    const services = createTestServices();
    let maps = 0;
    const build = (text: string) => buildText(services, text, join(folder, `map-${++maps}.journey`));
    const found = async (text: string) => {
        const document = await build(text);
        assert.equal(
            document.parseResult.parserErrors.length,
            0,
            document.parseResult.parserErrors.map(error => error.message).join('\n')
        );
        return (document.diagnostics ?? [])
            .filter(
                diagnostic =>
                    !String(diagnostic.code).startsWith('unused-') && diagnostic.code !== 'paths-snapshot-missing'
            )
            .map(diagnostic => `${diagnostic.code} ${coveredText(document, diagnostic)}: ${diagnostic.message}`);
    };

    before(() => {
        folder = mkdtempSync(join(tmpdir(), 'journey-event-log-'));
        writeFileSync(join(folder, 'events.csv'), log);
        writeFileSync(join(folder, 'funnel.csv'), 'step,conversion\na,1\n');
        services.Journey.journey.Workspace.setRoots([URI.file(folder)]);
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it("reads the contract's syntax with no problem", async () => {
        assert.deepEqual(
            await found(
                map(
                    '  paths from clicks\n  stage S {\n    step A { events "a", "b" next B }\n    step B { events "c" exit }\n  }'
                )
            ),
            []
        );
    });

    it('names a column the log does not have, with the one it probably is', async () => {
        const problems = await found(
            map(
                '  paths from clicks\n  stage S { step A { events "a" exit } }',
                'data clicks "events.csv" events case user_id activity evnt time stamp'
            )
        );
        assert.deepEqual(problems, [
            "data-column-unknown evnt: The data source has no column 'evnt'. Did you mean 'event'?",
            "data-column-unknown stamp: The data source has no column 'stamp'. Columns: user_id, event, ts, variant."
        ]);
    });

    it('refuses a table where a log is needed, an unknown log, an event bound twice, and a second `paths from`', async () => {
        const problems = await found(
            map(
                '  paths from funnel\n  paths from clicks\n  stage S {\n    step A { events "a" next B }\n    step B { events "a" exit }\n  }'
            )
        );
        assert.deepEqual(problems, [
            'repeated-property clicks: This has more than one `paths from`; keep one.',
            "event-log-expected funnel: 'funnel' is a data table, not an event log: declare it with `events case … activity … time …`.",
            'event-bound-twice "a": The event \'a\' is already bound to step A: an event means one step.'
        ]);
        const unknown = await build(map('  paths from clickz\n  stage S { step A { events "a" exit } }'));
        assert.match(
            unknown.diagnostics!.map(diagnostic => diagnostic.message).join('\n'),
            /Unknown data source 'clickz'\. Did you mean .*clicks/
        );
    });

    it('warns of a journey that reads a log but binds no events', async () => {
        assert.deepEqual(await found(map('  paths from clicks\n  stage S { step A { exit } }')), [
            'paths-without-events clicks: This journey reads its paths from clicks but binds no events to its steps: add `events "…"` to the steps.'
        ]);
    });

    it("keeps the log's names usable as column names, and formats `events` and `paths` as lines of their own", async () => {
        const text =
            'data clicks "events.csv"   events case user_id activity event time ts variant variant\n' +
            'journey J {\npaths   from clicks stage S {\n step A {\nevents "a" ,"b" exit\n }\n }\n}\n';
        const document = await build(text);
        assert.equal(document.parseResult.parserErrors.length, 0);
        const options = { insertSpaces: true, tabSize: 2 };
        const edits = await services.Journey.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options
        });
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        assert.match(formatted, /\n {2}paths from clicks\n/);
        assert.match(formatted, /\n {6}events "a", "b"\n {6}exit\n/);
        assert.match(
            formatted,
            /^data clicks "events\.csv" events case user_id activity event time ts variant variant\n/
        );
    });
});
