import { strict as assert } from 'node:assert';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, workspaceWith } from './cli-runner.js';
import { startPostgres, type TestPostgres } from '../postgres-server.js';
import { repoRoot } from '../journey-test-kit.js';

const funnelQuery = `-- conversion per step, from the raw visits
select step, round(100.0 * buyers / visitors, 1) as conversion
from read_csv('analytics/raw.csv')
order by step
`;

const funnelMap = `metric conversion "Conversion" percent target >= 12
data funnel "analytics/funnel.csv" from "queries/funnel.sql"
journey J { stage S { step A { metric conversion = funnel.conversion where step = "see-ad" } } }
`;

/**
 * `journeymap data pull`: queries run by DuckDB embedded and by a real PostgreSQL server, written as reviewable
 * snapshots.
 */
describe('journeymap data pull', function () {
    this.timeout(120_000);

    describe('with DuckDB, over the repository\'s files', () => {
        it('writes the snapshot the map reads, with a comment naming the query, and the map then checks clean', () => {
            const dir = workspaceWith({
                'analytics/raw.csv': 'step,visitors,buyers\nsee-ad,1000,125\ncompare,800,90\n',
                'queries/funnel.sql': funnelQuery,
                'shop.journey': funnelMap
            });
            const before = runCli(['check', 'shop.journey'], dir);
            assert.equal(before.status, 1);
            assert.match(before.stdout, /does not exist yet: run `journeymap data pull`/);
            const pull = runCli(['data', 'pull'], dir);
            assert.equal(pull.status, 0, pull.stderr);
            assert.match(pull.stderr, /\[1\/1\] funnel: running queries\/funnel\.sql \(DuckDB\)/);
            assert.match(pull.stdout, /Wrote analytics\/funnel\.csv: 2 rows, 2 columns\./);
            const snapshot = readFileSync(join(dir, 'analytics/funnel.csv'), 'utf8');
            assert.match(snapshot, /^# journeymap data pull: queries\/funnel\.sql \(DuckDB\) at \d{4}-\d\d-\d\dT/);
            assert.equal(snapshot.split('\n').slice(1).join('\n'), 'step,conversion\ncompare,11.3\nsee-ad,12.5\n');
            assert.equal(runCli(['check', 'shop.journey'], dir).status, 0);
            const metrics = JSON.parse(runCli(['metrics', 'shop.journey', '-f', 'json'], dir).stdout);
            assert.equal(metrics.metrics[0].value, 12.5);
        });

        it('--check says whether each snapshot is up to date, and writes nothing', () => {
            const dir = workspaceWith({
                'analytics/raw.csv': 'step,visitors,buyers\nsee-ad,1000,125\n',
                'queries/funnel.sql': funnelQuery,
                'shop.journey': funnelMap
            });
            assert.equal(runCli(['data', 'pull', '--check'], dir).status, 1, 'no snapshot yet');
            assert.equal(runCli(['data', 'pull'], dir).status, 0);
            const fresh = runCli(['data', 'pull', '--check'], dir);
            assert.equal(fresh.status, 0, fresh.stdout + fresh.stderr);
            assert.match(fresh.stdout, /analytics\/funnel\.csv is up to date \(1 rows\)/);
            writeFileSync(join(dir, 'analytics/raw.csv'), 'step,visitors,buyers\nsee-ad,1000,150\n');
            const snapshot = join(dir, 'analytics/funnel.csv');
            const { mtimeMs } = statSync(snapshot);
            const stale = runCli(['data', 'pull', '--check'], dir);
            assert.equal(stale.status, 1);
            assert.match(
                stale.stdout,
                /analytics\/funnel\.csv is out of date: queries\/funnel\.sql now returns other rows/
            );
            assert.equal(statSync(snapshot).mtimeMs, mtimeMs, '--check writes nothing');
        });

        it('reports a query error with the engine\'s message at the query\'s line, and keeps the old snapshot', () => {
            const dir = workspaceWith({
                'analytics/raw.csv': 'step,visitors,buyers\nsee-ad,1000,125\n',
                'queries/funnel.sql': funnelQuery,
                'shop.journey': funnelMap
            });
            assert.equal(runCli(['data', 'pull'], dir).status, 0);
            const kept = readFileSync(join(dir, 'analytics/funnel.csv'), 'utf8');
            for (const [sql, line, message] of [
                ['select step,\n  conversion\nfrom missing_table\n', 3, /Table with name missing_table does not exist/],
                [
                    "select stepp, 1 as conversion\nfrom read_csv('analytics/raw.csv')\n",
                    1,
                    /Referenced column "stepp" not found/
                ],
                ['select\nselect', 2, /syntax error at or near "select"/]
            ] as const) {
                writeFileSync(join(dir, 'queries/funnel.sql'), sql);
                const result = runCli(['data', 'pull'], dir);
                assert.equal(result.status, 1, result.stderr);
                const errors = result.stderr.split('\n').filter(text => text.includes('query-failed'));
                assert.equal(errors.length, 1, result.stderr);
                assert.match(errors[0], new RegExp(`^queries/funnel\\.sql:${line}: error query-failed `));
                assert.match(errors[0], message);
                assert.equal(readFileSync(join(dir, 'analytics/funnel.csv'), 'utf8'), kept);
            }
        });

        it('refuses a missing query file, a snapshot path outside the workspace, an engine it does not know, and a non-CSV snapshot', () => {
            const missing = runCli(['data', 'pull'], workspaceWith({ 'shop.journey': funnelMap }));
            assert.equal(missing.status, 2);
            assert.match(missing.stderr, /queries\/funnel\.sql: the query file does not exist\./);
            const outside = runCli(
                ['data', 'pull'],
                workspaceWith({ 'q.sql': 'select 1', 'shop.journey': 'data d "../escaped.csv" from "q.sql"\n' })
            );
            assert.equal(outside.status, 2);
            assert.match(outside.stderr, /Data path "\.\.\/escaped\.csv" leaves the workspace folder/);
            const engine = runCli(
                ['data', 'pull'],
                workspaceWith({ 'q.sql': 'select 1', 'shop.journey': 'data d "d.csv" from "q.sql" on oracle\n' })
            );
            assert.equal(engine.status, 2);
            assert.match(engine.stderr, /'oracle' is neither/);
            const json = runCli(
                ['data', 'pull'],
                workspaceWith({ 'q.sql': 'select 1', 'shop.journey': 'data d "d.json" from "q.sql"\n' })
            );
            assert.equal(json.status, 2);
            assert.match(json.stderr, /name the data file "….csv"/);
            const none = runCli(
                ['data', 'pull'],
                workspaceWith({ 'shop.journey': 'journey J { stage S { step A { emotion 3 } } }\n' })
            );
            assert.equal(none.status, 0);
            assert.match(none.stdout, /No data source in these maps has a query/);
        });
    });

    describe('on a PostgreSQL server', () => {
        let server: TestPostgres;
        before(async () => {
            server = await startPostgres(async client => {
                await client.query(
                    'create table orders (id serial primary key, month text not null, region text not null, amount numeric(10, 2) not null)'
                );
                // A few thousand rows: 3,000 orders over 3 months and 2 regions.
                await client.query(`insert into orders (month, region, amount)
                    select '2026-0' || (1 + i % 3), case when i % 2 = 0 then '华北' else 'south' end, (i % 100) + 0.5 from generate_series(0, 2999) as i`);
            });
        });
        after(() => server?.stop());

        const ordersMap = `metric revenue "Revenue" currency CNY target >= 20000
data orders "warehouse/orders.csv" period month from "queries/orders.sql" on postgres
journey J { stage S { step Buy { metric revenue = orders.revenue where region = "华北" } } }
`;
        const ordersQuery =
            'select month, region, sum(amount) as revenue, count(*) as orders\nfrom orders\ngroup by month, region\norder by month, region\n';

        it('runs the query on the server from JOURNEYMAP_POSTGRES_URL and writes the snapshot; the map reads its series', () => {
            const dir = workspaceWith({ 'queries/orders.sql': ordersQuery, 'shop.journey': ordersMap });
            const env = { ...process.env, JOURNEYMAP_POSTGRES_URL: server.url };
            const pull = runCli(['data', 'pull'], dir, env);
            assert.equal(pull.status, 0, pull.stderr);
            assert.match(pull.stdout, /Wrote warehouse\/orders\.csv: 6 rows, 4 columns\./);
            const snapshot = readFileSync(join(dir, 'warehouse/orders.csv'), 'utf8');
            assert.match(snapshot, /^# journeymap data pull: queries\/orders\.sql \(PostgreSQL\) at /);
            // 500 orders per month and region; amounts (i % 100) + 0.5 over even i of one month.
            assert.match(snapshot, /\n2026-01,华北,\d+\.\d\d,500\n/);
            assert.equal(snapshot.trimEnd().split('\n').length, 1 + 1 + 6);
            const metrics = JSON.parse(runCli(['metrics', 'shop.journey', '-f', 'json'], dir).stdout);
            assert.equal(metrics.metrics[0].period, '2026-03');
            assert.equal(runCli(['data', 'pull', '--check'], dir, env).status, 0);
            assert.ok(!(pull.stdout + pull.stderr).includes(server.password));
        });

        it('reports a query the server refuses at its line, without the password', () => {
            const dir = workspaceWith({
                'queries/orders.sql': 'select month,\n  regionn\nfrom orders\n',
                'shop.journey': ordersMap
            });
            const result = runCli(['data', 'pull'], dir, { ...process.env, JOURNEYMAP_POSTGRES_URL: server.url });
            assert.equal(result.status, 1, result.stderr);
            assert.match(result.stderr, /^queries\/orders\.sql:2: error query-failed column "regionn" does not exist/m);
            assert.ok(!result.stderr.includes(server.password));
        });

        it('says which host cannot be reached, never the password, exits 2 and keeps the old snapshot', () => {
            const dir = workspaceWith({
                'queries/orders.sql': ordersQuery,
                'shop.journey': ordersMap,
                'warehouse/orders.csv': '# old\nmonth,region,revenue,orders\n2026-01,华北,1,1\n'
            });
            const refused = server.url.replace(`:${server.port}/`, ':1/');
            const result = runCli(['data', 'pull'], dir, { ...process.env, JOURNEYMAP_POSTGRES_URL: refused });
            assert.equal(result.status, 2);
            assert.match(result.stderr, /cannot reach PostgreSQL at 127\.0\.0\.1:1\/postgres: connect ECONNREFUSED/);
            assert.match(result.stderr, /the old snapshot is kept/);
            assert.ok(!result.stderr.includes(server.password) && !result.stdout.includes(server.password));
            assert.equal(
                readFileSync(join(dir, 'warehouse/orders.csv'), 'utf8'),
                '# old\nmonth,region,revenue,orders\n2026-01,华北,1,1\n'
            );
            const unset = runCli(['data', 'pull'], dir, { ...process.env, JOURNEYMAP_POSTGRES_URL: '' });
            assert.equal(unset.status, 2);
            assert.match(unset.stderr, /needs the server's URL in the environment variable JOURNEYMAP_POSTGRES_URL/);
        });
    });

    it('keeps DuckDB and pg out of the language server, the extension and the web bundles: only the CLI loads them, for `pull`', () => {
        for (const bundle of ['dist/server.js', 'dist/extension.js', 'dist/web/extension.cjs', 'dist/web/server.js']) {
            const text = readFileSync(join(repoRoot, bundle), 'utf8');
            assert.ok(!text.includes('@duckdb/node-api') && !text.includes('DuckDBInstance'), `${bundle} loads DuckDB`);
            assert.ok(!text.includes('pg-protocol'), `${bundle} holds the PostgreSQL driver`);
        }
        const cli = readFileSync(join(repoRoot, 'dist/cli.js'), 'utf8');
        assert.match(
            cli,
            /import\("@duckdb\/node-api"\)|require\("@duckdb\/node-api"\)/,
            'the CLI loads DuckDB from node_modules when a query runs'
        );
        assert.ok(!cli.includes('DuckDBInstance.create = '), 'DuckDB is not bundled into the CLI');
    });
});
