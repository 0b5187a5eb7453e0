/**
 * Other Node releases, from npm's `node` package (nothing downloads from anywhere else),
 * installed once into .cache/node-<version>/: CI runs the unit suite on them as well as on
 * the machine's Node. Run as a script, it installs them and prints `version binary` lines.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './journey-test-kit.js';

/** The releases CI tests besides the machine's Node 20; package.json's `engines` names the same lines. */
export const otherNodeReleases = ['22.23.3', '24.9.0'];

/** npm's own script, to run it on a chosen Node. */
export function npmCli(): string {
    return process.env.npm_execpath ?? realpathSync(execFileSync('which', ['npm'], { encoding: 'utf8' }).trim());
}

/** The Node binary of `version`, installed first when it is not there yet. */
export function nodeFromNpm(version: string, log: (line: string) => void = () => undefined): string {
    const prefix = join(repoRoot, '.cache', `node-${version}`);
    const binary = join(
        prefix,
        'node_modules',
        'node',
        'node_modules',
        `node-${process.platform}-${process.arch}`,
        'bin',
        'node'
    );
    if (existsSync(binary)) return binary;
    log(`installing Node ${version} from npm into ${prefix}…`);
    mkdirSync(prefix, { recursive: true });
    const npm = npmCli();
    const install = spawnSync(
        process.execPath,
        [npm, 'install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `node@${version}`],
        {
            encoding: 'utf8',
            timeout: 10 * 60_000
        }
    );
    if (install.status !== 0 || !existsSync(binary))
        throw new Error(`npm install node@${version} failed:\n${install.stderr.slice(-4000)}`);
    return binary;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(new URL(import.meta.url).pathname)) {
    for (const version of otherNodeReleases)
        console.log(`${version} ${nodeFromNpm(version, line => console.error(`setup: ${line}`))}`);
}
