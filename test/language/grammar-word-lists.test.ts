import { strict as assert } from 'node:assert';
import { AstUtils, GrammarAST } from 'langium';
import { JourneyMapGrammar } from '../../language/generated/grammar.js';

/**
 * A rule's alternatives of single words, each as the words it allows: keywords by their text, terminals by their name.
 */
function wordListsOf(ruleName: string): string[][] {
    const rule = JourneyMapGrammar().rules.find(candidate => candidate.name === ruleName);
    assert.ok(rule && GrammarAST.isParserRule(rule), `rule ${ruleName}`);
    const lists = [rule.definition, ...AstUtils.streamAllContents(rule.definition)].filter(GrammarAST.isAlternatives);
    return lists.map(list =>
        list.elements.map(word =>
            GrammarAST.isKeyword(word) ? word.value : GrammarAST.isRuleCall(word) ? word.rule.$refText : word.$type
        )
    );
}

/**
 * Some of the grammar's word lists are written out again where a rule call would cost every
 * use a CST node of its own; these tests keep the copies the same as the rule they copy.
 */
describe('the grammar\'s copied word lists', () => {
    it('lets a metric reference use every word a metric name may be, on both sides of its dot, and no other', () => {
        const [metricName] = wordListsOf('MetricName');
        assert.ok(metricName.includes('ID') && metricName.includes('owner'), metricName.join(' '));
        const references = wordListsOf('MetricReference');
        assert.equal(references.length, 2, 'one list before the dot, one after');
        for (const words of references) assert.deepEqual(words, metricName);
    });
});
