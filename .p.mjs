import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(':memory:'); const c = await i.connect();
async function time(name, sql) { const ts=[]; for (let k=0;k<4;k++){ await c.run('DROP TABLE IF EXISTS x'); const t = performance.now(); await c.run(sql); ts.push(performance.now() - t);} ts.sort((a,b)=>a-b); console.log(name, ts.map(x=>x.toFixed(0)).join(' ')); }
const src = `read_csv('/tmp/bp/events.csv', all_varchar = true)`;
const acts = `['return_form','review_pending','manual_review','review_ok','refund_paid']`;
await time('read only', `CREATE TEMP TABLE x AS SELECT user_id, event, ts, variant FROM ${src}`);
await time('A tz', `CREATE TEMP TABLE x AS SELECT CAST(user_id AS VARCHAR) case_id, list_position(${acts}, CAST(event AS VARCHAR)) code, epoch_us(COALESCE(TRY_CAST(ts AS TIMESTAMPTZ), to_timestamp(TRY_CAST(ts AS DOUBLE)))) micros, CAST(variant AS VARCHAR) grp, (user_id IS NULL OR event IS NULL OR micros IS NULL) incomplete FROM ${src}`);
await time('B ts first', `CREATE TEMP TABLE x AS SELECT user_id case_id, list_position(${acts}, event) code, COALESCE(epoch_us(TRY_CAST(ts AS TIMESTAMP)), epoch_us(TRY_CAST(ts AS TIMESTAMPTZ)), epoch_us(to_timestamp(TRY_CAST(ts AS DOUBLE)))) micros, variant grp, (user_id IS NULL OR event IS NULL OR micros IS NULL) incomplete FROM ${src}`);
await time('C no code', `CREATE TEMP TABLE x AS SELECT user_id case_id, event, COALESCE(epoch_us(TRY_CAST(ts AS TIMESTAMP)), epoch_us(TRY_CAST(ts AS TIMESTAMPTZ))) micros, variant grp FROM ${src}`);
await c.run('SET preserve_insertion_order = false');
await time('A no order', `CREATE TEMP TABLE x AS SELECT CAST(user_id AS VARCHAR) case_id, list_position(${acts}, CAST(event AS VARCHAR)) code, epoch_us(COALESCE(TRY_CAST(ts AS TIMESTAMPTZ), to_timestamp(TRY_CAST(ts AS DOUBLE)))) micros, CAST(variant AS VARCHAR) grp FROM ${src}`);
