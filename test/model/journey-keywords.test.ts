import { strict as assert } from 'node:assert';
import { AstUtils, GrammarAST } from 'langium';
import { JourneyMapGrammar } from '../../language/generated/grammar.js';
import { journeyKeywords } from '../../model/journey-keywords.js';

describe('the keyword list of the model layer', () => {
    it('is every keyword of the grammar, and no more', () => {
        const grammar = new Set(AstUtils.streamAllContents(JourneyMapGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray());
        assert.deepEqual([...journeyKeywords].sort(), [...grammar].sort());
    });
});
