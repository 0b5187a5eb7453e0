import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

/**
 * The preview's script is what the webview loads on every open: it draws from the model and
 * needs none of the language. An import of the grammar (through `journey-names.ts`) once took
 * it from 39 KB to 506 KB; this catches that before the `.vsix` size does.
 */
describe('the preview bundle', () => {
    it('holds no parser: no Langium, no Chevrotain, and stays small', () => {
        const path = join(repoRoot, 'dist', 'preview.js');
        const code = readFileSync(path, 'utf8');
        assert.doesNotMatch(code, /chevrotain|LangiumParser|JourneyMapGrammar/i);
        assert.ok(statSync(path).size < 150_000, `${statSync(path).size} bytes`);
    });
});
