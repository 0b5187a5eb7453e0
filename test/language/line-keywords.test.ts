import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JourneyMapGrammar } from '../../language/generated/grammar.js';
import { lineKeywords } from '../../language/journey-line-keywords.generated.js';
import { valueAfterKeyword } from '../../language/journey-syntax-explainer.js';
import { keywordTables, valuesAfterKeywords } from '../../tools/keyword-tables.js';
import { repoRoot } from '../journey-test-kit.js';

describe('the keywords a misspelt word is compared with are the grammar\'s', () => {
    const tables = keywordTables(JourneyMapGrammar());

    it('lists, for each block, exactly the keywords its lines start with (generated: npm run langium:generate)', () => {
        assert.deepEqual(lineKeywords, tables.lineKeywords);
        assert.deepEqual(lineKeywords.Stage, ['step']);
        assert.deepEqual([...lineKeywords.JourneyFile].slice(0, 2), ['language', 'import']);
        assert.ok(lineKeywords.Step.includes('detail') && lineKeywords.Step.includes('exit'));
    });

    it('colours every line keyword in the TextMate grammar', () => {
        const textMate = JSON.parse(readFileSync(join(repoRoot, 'syntaxes', 'journey.tmLanguage.json'), 'utf8')) as {
            repository: { keywords: { patterns: Array<{ match: string }> } };
        };
        const patterns = textMate.repository.keywords.patterns.map(pattern => new RegExp(`^(?:${pattern.match})$`));
        const uncoloured = [...new Set(Object.values(lineKeywords).flat())].filter(
            keyword => !patterns.some(pattern => pattern.test(keyword))
        );
        assert.deepEqual(uncoloured, []);
    });

    it('says after each keyword what the grammar takes there: a score or a number, a quoted text, a name', () => {
        const taken = valuesAfterKeywords(JourneyMapGrammar());
        assert.deepEqual(taken.owner, ['text']);
        assert.deepEqual(taken.goal, ['name', 'text'], '`goal "…"` in a persona, `goal Step` in `paths from`');
        const wrong = Object.entries(valueAfterKeyword).filter(([keyword, kind]) => {
            const wanted = kind === 'score' ? 'number' : kind;
            return !(taken[keyword] ?? []).includes(wanted);
        });
        assert.deepEqual(wrong, [], 'the explainer says a keyword needs what the grammar never takes after it');
    });
});
