import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';

const language = join(repoRoot, 'language');

/** The hand-written TypeScript of a folder: not `generated/`, not `*.generated.ts`. */
function handWritten(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return name === 'generated' ? [] : handWritten(path);
        return name.endsWith('.ts') && !name.endsWith('.generated.ts') ? [path] : [];
    });
}

/** language/ reads like a Langium example: small, and each check family tested beside it (docs/architecture.md). */
describe('the shape of language/', () => {
    it('holds at most 4,000 hand-written lines: what needs no parser lives in model/, metrics/ or langium-lean/', () => {
        const lines = handWritten(language).map(
            file => [relative(repoRoot, file), readFileSync(file, 'utf8').split('\n').length - 1] as const
        );
        const total = lines.reduce((sum, [, count]) => sum + count, 0);
        const largest = [...lines]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5)
            .map(([file, count]) => `${file} ${count}`);
        assert.ok(total <= 4000, `${total} lines; the largest files: ${largest.join(', ')}`);
    });

    it('has a test file for each check family, in test/language/validation/', () => {
        const families = readdirSync(join(language, 'validation')).filter(name => name.endsWith('-checks.ts'));
        assert.ok(families.length >= 10, families.join(', '));
        const untested = families.filter(
            name => !existsSync(join(repoRoot, 'test', 'language', 'validation', name.replace(/\.ts$/, '.test.ts')))
        );
        assert.deepEqual(untested, []);
    });
});
