import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ObservedPaths } from '../../model/observed-paths.js';
import { startPostgres, type TestPostgres } from '../postgres-server.js';
import { expectedPaths, generateReturnsLog, logCsv, returnsMap } from '../paths/event-log-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

const events = generateReturnsLog(3, 200);

function journeyOf(result: { status: number | null; stdout: string; stderr: string }): ObservedPaths {
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { journeys: ObservedPaths[] }).journeys[0];
}

/** The same log as Parquet, written by DuckDB from the CSV (the test's own copy, not the code under test). */
async function writeParquet(csv: string, parquet: string): Promise<void> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
        `COPY (SELECT user_id, event, CAST(ts AS TIMESTAMP) AS ts, variant FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`
    );
    connection.closeSync();
    instance.closeSync();
}

describe('journeymap paths on logs of every kind', function () {
    this.timeout(120_000);
    let dir: string;
    beforeEach(() => {
        dir = workspaceWith({ 'returns.journey': returnsMap, 'events.csv': logCsv(events) });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads Parquet as it reads CSV', async () => {
        await writeParquet(join(dir, 'events.csv'), join(dir, 'events.parquet'));
        writeFileSync(join(dir, 'returns.journey'), returnsMap.replace('"events.csv"', '"events.parquet"'));
        const paths = journeyOf(runCli(['paths', 'returns.journey', '-f', 'json'], dir));
        const expected = expectedPaths(events);
        assert.equal(paths.cases, expected.cases);
        assert.deepEqual(paths.steps, expected.steps);
        assert.equal(paths.fitness, expected.fitness);
    });

    it('reads a log that a DuckDB query makes (`from "query.sql"`)', () => {
        writeFileSync(
            join(dir, 'log.sql'),
            "select user_id as who, event as what, ts as at, variant from read_csv('events.csv', all_varchar = true)\n"
        );
        writeFileSync(
            join(dir, 'returns.journey'),
            returnsMap.replace(
                'data clicks "events.csv" events case user_id activity event time ts variant variant',
                'data clicks "events.csv" from "log.sql" events case who activity what time at variant variant'
            )
        );
        const paths = journeyOf(runCli(['paths', 'returns.journey', '-f', 'json'], dir));
        assert.deepEqual(paths.steps, expectedPaths(events).steps);
    });

    it('names a missing column and the one it probably is', () => {
        writeFileSync(
            join(dir, 'events.csv'),
            logCsv(events).replace('user_id,event,ts,variant', 'user_id,evnt,ts,variant')
        );
        const check = runCli(['check', 'returns.journey'], dir);
        assert.equal(check.status, 1);
        assert.match(
            check.stdout + check.stderr,
            /returns\.journey:1:\d+ error data-column-unknown The data source has no column 'event'\. Did you mean 'evnt'\?/
        );
        // A file changed after the map was checked: the command itself names the column.
        writeFileSync(join(dir, 'returns.journey'), returnsMap.replace('activity event', 'activity evnt'));
        writeFileSync(join(dir, 'events.csv'), logCsv(events));
        const paths = runCli(['paths', 'returns.journey'], dir);
        assert.equal(paths.status, 1, 'the check finds it first');
        writeFileSync(
            join(dir, 'events.csv'),
            logCsv(events).replace('user_id,event,ts,variant', 'user_id,evnt,stamp,variant')
        );
        writeFileSync(
            join(dir, 'returns.journey'),
            returnsMap.replace('time ts', 'time stamp').replace('activity event', 'activity evnt')
        );
        assert.equal(runCli(['paths', 'returns.journey'], dir).status, 0);
        // A split column the map does not declare is looked for in the log itself.
        const split = runCli(['paths', 'returns.journey', '--split', 'varient', '--goal', 'Refunded'], dir);
        assert.equal(split.status, 2);
        assert.match(split.stderr, /events\.csv: The data source has no column 'varient'\. Did you mean 'variant'\?/);
    });

    it('names the row and line of a time that does not parse, and keeps the old snapshot', () => {
        assert.equal(runCli(['data', 'pull'], dir).status, 0);
        const snapshot = readFileSync(join(dir, 'returns.paths.json'), 'utf8');
        const lines = logCsv(events).split('\n');
        lines[5] = lines[5].replace(/,[^,]+,([AB])$/, ',next tuesday,$1');
        writeFileSync(join(dir, 'events.csv'), lines.join('\n'));
        const paths = runCli(['paths', 'returns.journey'], dir);
        assert.equal(paths.status, 2);
        assert.match(
            paths.stderr,
            /events\.csv: Row 5 \(line 6\) of the event log has the time 'next tuesday', which is neither a date and time nor a number\./
        );
        const pull = runCli(['data', 'pull'], dir);
        assert.equal(pull.status, 2);
        assert.match(pull.stderr, /returns\.paths\.json is kept as it was\./);
        assert.equal(readFileSync(join(dir, 'returns.paths.json'), 'utf8'), snapshot);
    });

    it('says so for an empty log, a row without a case, and a corrupt Parquet file', () => {
        writeFileSync(join(dir, 'events.csv'), 'user_id,event,ts,variant\n');
        assert.match(runCli(['paths', 'returns.journey'], dir).stderr, /The event log has no rows\./);
        writeFileSync(
            join(dir, 'events.csv'),
            'user_id,event,ts,variant\nc1,return_form,2026-01-01 10:00:00,A\n,review_ok,2026-01-01 10:00:00,A\n'
        );
        assert.match(
            runCli(['paths', 'returns.journey'], dir).stderr,
            /Row 2 \(line 3\) of the event log has no case\./
        );
        writeFileSync(join(dir, 'events.parquet'), Buffer.from('PAR1 this is not really parquet PAR1'));
        writeFileSync(join(dir, 'returns.journey'), returnsMap.replace('"events.csv"', '"events.parquet"'));
        const corrupt = runCli(['paths', 'returns.journey'], dir);
        assert.equal(corrupt.status, 1, 'the check reports the unreadable file first');
        assert.match(
            corrupt.stdout + corrupt.stderr,
            /error data-file-unreadable Cannot read data file "events\.parquet": not a readable Parquet file/
        );
    });

    it('holds `<script>` and quotes in event names and group values as text', () => {
        const hostile = events.map(event => ({
            ...event,
            variant: event.variant === 'A' ? '"><img src=x onerror=alert(1)>' : '<script>b</script>'
        }));
        writeFileSync(
            join(dir, 'events.csv'),
            logCsv(hostile).replace(/,("[^\n]*>)$/gm, (_all, value: string) => `,"${value.replace(/"/g, '""')}"`)
        );
        const markdown = runCli(['paths', 'returns.journey', '-f', 'md'], dir);
        assert.equal(markdown.status, 0, markdown.stderr);
        // Drawn as a Markdown viewer would, raw HTML allowed: the values are text, not elements.
        const html = new MarkdownIt({ html: true }).render(markdown.stdout);
        assert.ok(!/<script|<img/.test(html), html);
        assert.match(html, /&lt;script&gt;b&lt;\/script&gt; reaches 收到退款/);
        const json = journeyOf(runCli(['paths', 'returns.journey', '-f', 'json'], dir));
        assert.deepEqual(json.split!.groups.map(group => group.value).sort(), [
            '"><img src=x onerror=alert(1)>',
            '<script>b</script>'
        ]);
    });

    it('writes a snapshot that `data pull --check` holds the log to, and the map and check read', () => {
        const pull = runCli(['data', 'pull'], dir);
        assert.equal(pull.status, 0, pull.stderr);
        assert.match(pull.stdout, /Wrote returns\.paths\.json: the paths of Returns\./);
        const snapshot = JSON.parse(readFileSync(join(dir, 'returns.paths.json'), 'utf8'));
        assert.ok(snapshot.journeys[0].variants.length <= 20);
        assert.equal(runCli(['data', 'pull', '--check'], dir).status, 0);
        const hints = runCli(['check', '--hints', 'returns.journey'], dir);
        assert.match(hints.stdout, /hint undocumented-path \d+ % of customers go from 等待审核 straight to 收到退款/);
        assert.match(hints.stdout, /hint dead-step Nobody reaches 加急审核/);
        const svg = runCli(['render', 'returns.journey', '-f', 'svg'], dir).stdout;
        assert.match(svg, /reach 100 %/);
        assert.match(svg, /follow the map from a start to an exit/);
        writeFileSync(join(dir, 'events.csv'), logCsv(generateReturnsLog(4, 200)));
        const stale = runCli(['data', 'pull', '--check'], dir);
        assert.equal(stale.status, 1);
        assert.match(stale.stdout, /returns\.paths\.json is out of date: the event log now gives other paths/);
    });

    it('tells a reviewer which shares moved between two snapshots', () => {
        assert.equal(runCli(['data', 'pull'], dir).status, 0);
        const before = workspaceWith({
            'returns.journey': returnsMap,
            'returns.paths.json': readFileSync(join(dir, 'returns.paths.json'), 'utf8')
        });
        try {
            const skipping = generateReturnsLog(3, 200).map(event => ({ ...event }));
            writeFileSync(
                join(dir, 'events.csv'),
                logCsv(skipping.filter((event, index) => event.activity !== 'review_ok' || index % 2 === 0))
            );
            assert.equal(runCli(['data', 'pull'], dir).status, 0);
            const diff = runCli(['diff', join(before, 'returns.journey'), join(dir, 'returns.journey')], dir);
            assert.match(diff.stdout, /Undocumented path 等待审核 → 收到退款: [\d.]+ % → [\d.]+ %/);
            assert.match(diff.stdout, /Customers who follow the map: [\d.]+ % → [\d.]+ %/);
        } finally {
            rmSync(before, { recursive: true, force: true });
        }
    });

    it('lists a map whose snapshot alone changed in `diff --git`, with the shares that moved', () => {
        const git = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
            assert.equal(result.status, 0, result.stderr);
        };
        assert.equal(runCli(['data', 'pull'], dir).status, 0);
        git('init', '-q');
        git('config', 'user.email', 'test@example.invalid');
        git('config', 'user.name', 'Test');
        git('add', '.');
        git('commit', '-qm', 'paths of March');
        writeFileSync(
            join(dir, 'events.csv'),
            logCsv(events.filter((event, index) => event.activity !== 'review_ok' || index % 2 === 0))
        );
        assert.equal(runCli(['data', 'pull'], dir).status, 0);
        const diff = runCli(['diff', '--git', 'HEAD'], dir);
        assert.equal(diff.status, 0, diff.stderr);
        assert.match(diff.stdout, /^returns\.journey:$/m);
        assert.match(diff.stdout, /Undocumented path 等待审核 → 收到退款: [\d.]+ % → [\d.]+ %/);
    });

    describe('on a PostgreSQL server', () => {
        let server: TestPostgres;
        before(async () => {
            server = await startPostgres(async client => {
                await client.query('create table clicks (user_id text, event text, ts timestamp, variant text)');
                for (const event of events) {
                    await client.query("insert into clicks values ($1, $2, to_timestamp($3) at time zone 'UTC', $4)", [
                        event.case,
                        event.activity,
                        event.time,
                        event.variant
                    ]);
                }
            });
        });
        after(() => server?.stop());

        const postgresMap = returnsMap.replace(
            'data clicks "events.csv" events case user_id activity event time ts variant variant',
            'data clicks "events.csv" from "clicks.sql" on postgres events case user_id activity event time ts variant variant'
        );

        it('counts the paths on the server, the same as a walk of the log', () => {
            const folder = workspaceWith({
                'returns.journey': postgresMap,
                'clicks.sql': 'select * from clicks',
                'events.csv': 'user_id,event,ts,variant\n'
            });
            try {
                const result = runCli(['paths', 'returns.journey', '-f', 'json'], folder, {
                    ...process.env,
                    JOURNEYMAP_POSTGRES_URL: server.url
                });
                const paths = journeyOf(result);
                const expected = expectedPaths(events);
                assert.deepEqual(paths.steps, expected.steps);
                assert.equal(paths.cases, expected.cases);
                assert.equal(paths.unmappedEvents, expected.unmappedEvents);
                assert.ok(!result.stderr.includes(server.password));
            } finally {
                rmSync(folder, { recursive: true, force: true });
            }
        });

        it('says which server cannot be reached, without the password, and exits 2', () => {
            const folder = workspaceWith({
                'returns.journey': postgresMap,
                'clicks.sql': 'select * from clicks',
                'events.csv': 'user_id,event,ts,variant\n'
            });
            try {
                const refused = server.url.replace(`:${server.port}/`, ':1/');
                const result = runCli(['paths', 'returns.journey'], folder, {
                    ...process.env,
                    JOURNEYMAP_POSTGRES_URL: refused
                });
                assert.equal(result.status, 2);
                assert.match(result.stderr, /cannot reach PostgreSQL at 127\.0\.0\.1:1\/postgres/);
                assert.ok(!result.stderr.includes(server.password));
            } finally {
                rmSync(folder, { recursive: true, force: true });
            }
        });
    });
});
