import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestServices, repoRoot } from '../journey-test-kit.js';

/** Every ```journey snippet of the README and docs/ is valid syntax: a reader who copies one gets a map that parses. */
describe('the snippets of the documentation', () => {
    const pages = [
        'README.md',
        ...readdirSync(join(repoRoot, 'docs'))
            .filter(name => name.endsWith('.md'))
            .map(name => join('docs', name))
    ];
    const snippets = pages.flatMap(page =>
        [...readFileSync(join(repoRoot, page), 'utf8').matchAll(/^```journey\n([\s\S]*?)^```/gm)].map(
            (match, index) => ({ page, index, text: match[1] })
        )
    );
    const parser = createTestServices().Journey.parser.LangiumParser;

    it('has snippets to check in the README and the language reference', () => {
        assert.ok(snippets.some(snippet => snippet.page === 'README.md'));
        assert.ok(snippets.filter(snippet => snippet.page === join('docs', 'language.md')).length >= 3);
    });

    for (const snippet of snippets) {
        it(`parses snippet ${snippet.index + 1} of ${snippet.page}`, () => {
            const result = parser.parse(snippet.text);
            const errors = [
                ...result.lexerErrors.map(error => error.message),
                ...result.parserErrors.map(error => error.message)
            ];
            assert.deepEqual(errors, [], snippet.text);
        });
    }
});
