import { t } from '../model/localisation.js';
import { takeDuckDb } from './duckdb-runner.js';
import { ConnectionError, describeServer, withoutSecrets } from './query-engines.js';

/** A log that cannot be read as asked: the message says what is wrong and where. */
export class EventLogError extends Error {}

/** Runs SQL and gives rows back; one per engine. An engine's refusal is an EventLogError with its message. */
export interface SqlSession {
    engine: 'duckdb' | 'postgres';
    columns(relation: string): Promise<Array<{ name: string; type: string }>>;
    rows(sql: string): Promise<unknown[][]>;
    run(sql: string): Promise<void>;
    close(): Promise<void>;
}

/** DuckDB in memory; relative paths in a query are looked up in `searchFolders`. */
export async function duckDbSession(searchFolders: string[] = []): Promise<SqlSession> {
    const sql = await takeDuckDb();
    const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            // DuckDB's first line says what is wrong; the rest is its context.
            throw new EventLogError((error instanceof Error ? error.message : String(error)).split('\n')[0]);
        }
    };
    if (searchFolders.length > 0) await sql.run(`SET file_search_path = ${sqlString(searchFolders.join(','))}`);
    return {
        engine: 'duckdb',
        columns: source => guarded(async () => {
            const described = await sql.rows(`DESCRIBE SELECT * FROM ${source}`);
            return described.map(row => ({ name: String(row[0]), type: String(row[1]) }));
        }),
        rows: query => guarded(() => sql.rows(query)),
        run: query => guarded(() => sql.run(query)),
        close: () => sql.close()
    };
}

/** PostgreSQL at `url` (JOURNEYMAP_POSTGRES_URL); a server out of reach is a ConnectionError naming the host only. */
export async function postgresSession(url: string | undefined): Promise<SqlSession> {
    if (!url) {
        throw new EventLogError(
            t(
                "`on postgres` needs the server's URL in the environment variable JOURNEYMAP_POSTGRES_URL (postgres://user:password@host:5432/database)."
            )
        );
    }
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    try {
        await client.connect();
    } catch (error) {
        throw new ConnectionError(`cannot reach PostgreSQL at ${describeServer(url)}: ${withoutSecrets(error, url)}`);
    }
    const query = async (sql: string) => {
        try {
            return await client.query({ text: sql, rowMode: 'array' });
        } catch (error) {
            throw new EventLogError(withoutSecrets(error, url));
        }
    };
    return {
        engine: 'postgres',
        columns: async source => (await query(`SELECT * FROM ${source} LIMIT 0`)).fields.map(field => ({
            name: field.name, type: textTypes.includes(field.dataTypeID) ? 'TEXT' : String(field.dataTypeID)
        })),
        rows: async sql => (await query(sql)).rows as unknown[][],
        run: async sql => { await query(sql); },
        close: async () => { await client.end().catch(() => undefined); }
    };
}

/** PostgreSQL's text, char and varchar. */
const textTypes = [25, 1042, 1043];

/** A name as an SQL identifier, whatever it holds. */
export function identifier(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
}

/** Text as an SQL string literal. */
export function sqlString(text: string): string {
    return `'${text.replace(/'/g, "''")}'`;
}
