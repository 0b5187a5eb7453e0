/**
 * bench/extension-load: how long loading `dist/extension.js` takes (what VS Code does first on
 * activation), with a stand-in `vscode` module. Prints the milliseconds; bench/pipeline runs it
 * in fresh processes. Plain JavaScript, run by plain Node: under tsx every required file would
 * pass through its transform, which is not what VS Code does.
 */
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const resolve = Module._resolveFilename;
Module._resolveFilename = (request, ...rest) => (request === 'vscode' ? 'vscode' : resolve(request, ...rest));
// Every name of the stand-in is a function, so `class X extends vscode.Y` and calls at load time work.
const standIn = new Proxy(function standIn() { return undefined; }, { get: () => standIn });
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: standIn };
const start = performance.now();
require(join(import.meta.dirname, '..', 'dist', 'extension.js'));
console.log((performance.now() - start).toFixed(1));
process.exit(0);
