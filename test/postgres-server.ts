import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server for the tests that need one: Debian's `postgresql` package
 * (installed by `.ci/setup`), a fresh cluster in a temporary folder, on a free local port,
 * trust authentication for a user of its own. `stop()` shuts it down and removes the folder.
 */
export interface TestPostgres {
    /** `postgres://journeymap:…@127.0.0.1:port/postgres`: the password is there to prove it is never printed. */
    url: string;
    password: string;
    port: number;
    stop(): void;
}

const password = 'pw-never-printed-7f3a';

function postgresBin(): string {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root)
        ? readdirSync(root)
              .filter(version => existsSync(join(root, version, 'bin', 'initdb')))
              .sort((a, b) => Number(b) - Number(a))
        : [];
    if (versions.length === 0)
        throw new Error("PostgreSQL is not installed: run `bash .ci/setup` (it installs Debian's postgresql package).");
    return join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function runAsServerUser(command: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const result = asRoot
        ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
        : spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0)
        throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
        });
    });
}

/** A fresh server; `setup`, when given, runs on a client of it first (tables and rows for the tests). */
export async function startPostgres(setup?: (client: pg.Client) => Promise<void>): Promise<TestPostgres> {
    const server = await startServer();
    if (!setup) return server;
    const client = new pg.Client({ connectionString: server.url });
    try {
        await client.connect();
        await setup(client);
    } catch (error) {
        server.stop();
        throw error;
    } finally {
        await client.end().catch(() => undefined);
    }
    return server;
}

async function startServer(): Promise<TestPostgres> {
    const bin = postgresBin();
    const folder = mkdtempSync(join(tmpdir(), 'journeymap-pg-'));
    if (process.getuid?.() === 0) {
        const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
        chownSync(folder, uid, gid);
    }
    const data = join(folder, 'data');
    const port = await freePort();
    runAsServerUser(join(bin, 'initdb'), [
        '-D',
        data,
        '-A',
        'trust',
        '-U',
        'journeymap',
        '-E',
        'UTF8',
        '--no-locale',
        '--no-sync'
    ]);
    const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
    try {
        runAsServerUser(join(bin, 'pg_ctl'), [
            '-D',
            data,
            '-o',
            options,
            '-l',
            join(folder, 'server.log'),
            '-w',
            '-t',
            '60',
            'start'
        ]);
    } catch (error) {
        const log = existsSync(join(folder, 'server.log')) ? readFileSync(join(folder, 'server.log'), 'utf8') : '';
        rmSync(folder, { recursive: true, force: true });
        throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
    }
    return {
        url: `postgres://journeymap:${password}@127.0.0.1:${port}/postgres`, password, port,
        stop: () => {
            try {
                runAsServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
            } finally {
                rmSync(folder, { recursive: true, force: true });
            }
        }
    };
}
