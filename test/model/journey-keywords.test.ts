import { strict as assert } from 'node:assert';
import { JourneyMapGrammar } from '../../language/generated/grammar.js';
import { aggregations, channelKinds, journeyKeywords } from '../../model/journey-keywords.generated.js';
import { keywordTables } from '../../tools/keyword-tables.js';

/** The model layer has no parser: its keyword tables are generated from the grammar (npm run langium:generate). */
describe('the keyword tables of the model layer', () => {
    const tables = keywordTables(JourneyMapGrammar());

    it('are every keyword of the grammar, and no more', () => {
        assert.deepEqual([...journeyKeywords], tables.keywords);
        assert.ok(journeyKeywords.has('stage') && journeyKeywords.has('detail') && journeyKeywords.has('..'));
    });

    it('have the grammar\'s channel kinds and aggregations', () => {
        assert.deepEqual([...channelKinds], ['online', 'offline']);
        assert.deepEqual([...aggregations], tables.enumerations.Aggregation);
    });
});
