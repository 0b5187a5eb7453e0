/** Installs code-server for the VS Code end-to-end suites (called by .ci/setup). */
import { installCodeServer } from './code-server.js';

installCodeServer(line => console.log(`setup: ${line}`));
