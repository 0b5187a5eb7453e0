import * as assert from 'node:assert/strict';
import { AstUtils, GrammarAST } from 'langium';
import { JourneyMapGrammar } from '../../language/generated/grammar.js';
import { lineKeywords } from '../../language/journey-line-keywords.js';

/** The keyword a grammar element starts with, following rule calls (`stages+=Stage` starts with `stage`). */
function firstKeyword(element: GrammarAST.AbstractElement): string | undefined {
    if (GrammarAST.isKeyword(element)) return element.value;
    if (GrammarAST.isGroup(element)) return firstKeyword(element.elements[0]);
    if (GrammarAST.isAssignment(element)) return firstKeyword(element.terminal);
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) return firstKeyword(element.rule.ref.definition);
    return undefined;
}

/** The keywords the lines of a rule start with: each alternative of its line rule. */
function linesOf(ruleName: string): string[] {
    const rule = AstUtils.streamAllContents(JourneyMapGrammar()).filter(GrammarAST.isParserRule).find(candidate => candidate.name === ruleName)!;
    const alternatives = GrammarAST.isAlternatives(rule.definition) ? rule.definition.elements : [rule.definition];
    return alternatives.flatMap(element => firstKeyword(element) ?? []).sort();
}

describe('the keywords a misspelt word is compared with are the grammar\'s', () => {
    it('lists, for each block, exactly the keywords its lines start with', () => {
        assert.deepEqual([...lineKeywords.Step].sort(), linesOf('StepLine'));
        assert.deepEqual([...lineKeywords.Persona].sort(), linesOf('PersonaLine'));
        assert.deepEqual([...lineKeywords.Journey].sort(), linesOf('JourneyLine'));
        assert.deepEqual([...lineKeywords.Opportunity].sort(), linesOf('OpportunityLine'));
        assert.deepEqual([...lineKeywords.JourneyFile].sort(), ['language', 'import', ...linesOf('Element')].sort());
        assert.deepEqual(lineKeywords.Stage, ['step']);
    });
});
