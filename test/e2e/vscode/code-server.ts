/**
 * Real VS Code for end-to-end tests: code-server from npm (it needs Node 24, taken from
 * npm's `node` package for code-server alone), installed once into a cache folder keyed by
 * versions, started in its own process group on a free port and always stopped by it.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { repoRoot } from '../../journey-test-kit.js';
import { nodeFromNpm, npmCli } from '../../node-from-npm.js';

const codeServerVersion = '4.139.1';
const nodeVersion = '24.9.0';
const cacheDir =
    process.env.CODE_SERVER_CACHE ?? join(repoRoot, '.cache', `code-server-${codeServerVersion}-node-${nodeVersion}`);
const codeServerBin = join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server');

/**
 * Environment in which code-server (and its native modules' builds) run on Node 24. The
 * settings of an enclosing `npm test` (npm_*, NODE) are dropped: they point at Node 20.
 */
function node24Env(): NodeJS.ProcessEnv {
    // The Node 24 the unit suite also runs on (.cache/node-24.9.0/): installed once, for both.
    const node24Dir = dirname(dirname(nodeFromNpm(nodeVersion)));
    const inherited = Object.entries(process.env).filter(
        ([name]) => !name.toLowerCase().startsWith('npm_') && name !== 'NODE'
    );
    return {
        ...Object.fromEntries(inherited),
        PATH: `${join(node24Dir, 'bin')}:${process.env.PATH}`,
        npm_config_nodedir: node24Dir
    };
}

/** What a test says when the machine was not set up. */
export const setupHint =
    'run `bash .ci/setup` first (as root: it installs the Debian packages and code-server the tests use)';

/** The code-server the setup script installed; a one-line instruction when it has not run. */
export function codeServerBinary(): string {
    if (!existsSync(join(cacheDir, 'ready')))
        throw new Error(`code-server is not installed in ${cacheDir}: ${setupHint}.`);
    return codeServerBin;
}

/** Installs code-server into the cache (a few minutes, once); later runs find it ready. */
export function installCodeServer(log: (line: string) => void): string {
    if (existsSync(join(cacheDir, 'ready'))) return codeServerBin;
    const missing =
        [
            ['g++', '--version'],
            ['make', '--version'],
            ['python3', '--version']
        ].some(([tool, flag]) => spawnSync(tool, [flag]).status !== 0) || !existsSync('/usr/include/krb5.h');
    if (missing)
        throw new Error('code-server needs build-essential, python3 and libkrb5-dev (installed by .ci/setup as root).');
    log(
        `installing code-server ${codeServerVersion} on Node ${nodeVersion} in ${cacheDir} (first run: about 3 minutes, ~800 MB)…`
    );
    const node = nodeFromNpm(nodeVersion, log);
    const spec = `code-server@${codeServerVersion}`;
    mkdirSync(join(cacheDir, 'code-server'), { recursive: true });
    const install = spawnSync(
        node,
        [
            npmCli(),
            'install',
            '--prefix',
            join(cacheDir, 'code-server'),
            '--no-audit',
            '--no-fund',
            '--loglevel=error',
            spec
        ],
        {
            encoding: 'utf8',
            env: node24Env(),
            timeout: 15 * 60_000
        }
    );
    if (install.status !== 0) throw new Error(`npm install ${spec} failed:\n${install.stderr.slice(-4000)}`);
    writeFileSync(join(cacheDir, 'ready'), `${codeServerVersion} ${nodeVersion}\n`);
    log('code-server is ready.');
    return codeServerBin;
}

/**
 * Packages the extension as users get it (the `.vsix`), into a temporary folder; or another extension folder (a test
 * fixture).
 */
export function packageVsix(folder = repoRoot): string {
    const out = join(mkdtempSync(join(tmpdir(), 'vsix-')), `${basename(folder)}.vsix`);
    const vsce = spawnSync(
        process.execPath,
        [
            join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'),
            'package',
            '--no-dependencies',
            '--no-rewrite-relative-links',
            '--allow-missing-repository',
            '--skip-license',
            '--out',
            out
        ],
        { cwd: folder, encoding: 'utf8', timeout: 180_000 }
    );
    assert.equal(vsce.status, 0, vsce.stdout + vsce.stderr);
    return out;
}

export interface CodeServerOptions {
    /** VS Code's display language (`--locale`); a language pack for it must be among the extensions. */
    locale?: string;
    /** User settings besides the quiet ones. */
    settings?: Record<string, unknown>;
}

export interface CodeServer {
    url: string;
    stop(): Promise<void>;
}

/**
 * Settings that keep the workbench quiet: no trust prompt, no welcome page, no AI features, no overlays on the text.
 */
const quietSettings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'git.openRepositoryInParentFolders': 'always',
    'editor.quickSuggestionsDelay': 0,
    // Sticky scroll lays headings over the first editor lines, where they take a test's clicks.
    'editor.stickyScroll.enabled': false
};

/** Installs the `.vsix` into fresh user and extension folders and starts code-server on a free port. */
export async function startCodeServer(
    bin: string,
    vsixes: string[],
    options: CodeServerOptions = {}
): Promise<CodeServer> {
    const home = mkdtempSync(join(tmpdir(), 'code-server-'));
    const userDataDir = join(home, 'user-data');
    const extensionsDir = join(home, 'extensions');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(
        join(userDataDir, 'User', 'settings.json'),
        JSON.stringify({ ...quietSettings, ...options.settings }, null, 2)
    );
    const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
    for (const vsix of vsixes) {
        const install = spawnSync(bin, [...dirs, '--install-extension', vsix], {
            encoding: 'utf8',
            env: node24Env(),
            timeout: 120_000
        });
        assert.equal(install.status, 0, `installing ${basename(vsix)} failed:\n${install.stdout}\n${install.stderr}`);
    }
    if (options.locale) registerLanguagePacks(userDataDir, extensionsDir);
    const port = await freePort();
    const locale = options.locale ? ['--locale', options.locale] : [];
    const server: ChildProcess = spawn(
        bin,
        [
            ...dirs,
            ...locale,
            '--auth',
            'none',
            '--bind-addr',
            `127.0.0.1:${port}`,
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust'
        ],
        {
            env: { ...node24Env(), HOME: home },
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    let output = '';
    server.stdout!.on('data', chunk => {
        output += chunk;
    });
    server.stderr!.on('data', chunk => {
        output += chunk;
    });
    const url = `http://127.0.0.1:${port}`;
    const stop = () => stopGroup(server);
    try {
        await waitFor(
            async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true,
            60_000,
            () => `code-server did not start:\n${output}`
        );
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, stop };
}

/**
 * Writes VS Code's record of installed language packs (`languagepacks.json`), which its
 * server reads to accept a `--locale`. The desktop app writes it when a pack is installed;
 * code-server's `--install-extension` does not, so the harness writes it from the packs'
 * manifests, the way VS Code builds it.
 */
function registerLanguagePacks(userDataDir: string, extensionsDir: string): void {
    const packs: Record<
        string,
        {
            hash: string;
            extensions: Array<{ extensionIdentifier: { id: string }; version: string }>;
            translations: Record<string, string>;
            label?: string;
        }
    > = {};
    for (const folder of readdirSync(extensionsDir)) {
        const manifestPath = join(extensionsDir, folder, 'package.json');
        if (!existsSync(manifestPath)) continue;
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
        for (const localization of manifest.contributes?.localizations ?? []) {
            const id = `${manifest.publisher}.${manifest.name}`;
            packs[localization.languageId] = {
                hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
                extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
                translations: Object.fromEntries(
                    localization.translations.map((entry: { id: string; path: string }) => [
                        entry.id,
                        join(extensionsDir, folder, entry.path)
                    ])
                ),
                label: localization.localizedLanguageName ?? localization.languageName
            };
        }
    }
    writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/** Stops code-server and every process it started (its process group), even when a test failed. */
async function stopGroup(server: ChildProcess): Promise<void> {
    if (server.exitCode !== null || server.pid === undefined) return;
    const exited = new Promise(resolve => server.once('exit', resolve));
    try { process.kill(-server.pid, 'SIGTERM'); } catch { return; }
    const timer = setTimeout(() => {
        try {
            process.kill(-server.pid!, 'SIGKILL');
        } catch {
            /* already gone */
        }
    }, 5_000);
    await exited;
    clearTimeout(timer);
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as { port: number };
            probe.close(() => resolve(port));
        });
    });
}

/** Polls until `check` passes, or fails with `describe()` after `ms`. */
export async function waitFor(
    check: () => Promise<boolean> | boolean,
    ms: number,
    describe: () => string
): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
        if (await check()) return;
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(describe());
}
