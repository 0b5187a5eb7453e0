import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { repoRoot } from '../journey-test-kit.js';

const require = createRequire(import.meta.url);

/** Tokenizes with the same engine VS Code uses (vscode-textmate on Oniguruma). */
async function loadJourneyGrammar(): Promise<textmate.IGrammar> {
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: sources => new oniguruma.OnigScanner(sources),
            createOnigString: text => new oniguruma.OnigString(text)
        }),
        loadGrammar: async () =>
            textmate.parseRawGrammar(
                readFileSync(join(repoRoot, 'syntaxes', 'journey.tmLanguage.json'), 'utf8'),
                'journey.tmLanguage.json'
            )
    });
    const grammar = await registry.loadGrammar('source.journey');
    assert.ok(grammar);
    return grammar;
}

function scopesOf(grammar: textmate.IGrammar, line: string): Map<string, string> {
    const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
    return new Map(tokens.map(token => [line.slice(token.startIndex, token.endIndex), token.scopes.at(-1)!]));
}

describe('TextMate grammar (highlighting)', () => {
    let grammar: textmate.IGrammar;
    before(async () => { grammar = await loadJourneyGrammar(); });

    it('colours declarations with their names, also Chinese names', () => {
        const scopes = scopesOf(grammar, 'step 看到广告 "Sees an ad" {');
        assert.equal(scopes.get('step'), 'keyword.declaration.journey');
        assert.equal(scopes.get('看到广告'), 'entity.name.type.journey');
        assert.equal(scopes.get('Sees an ad'), 'string.quoted.double.journey');
    });

    it('colours keywords, numbers, operators, escapes and comments', () => {
        const scopes = scopesOf(grammar, '  metric csat = funnel.rate where step = "a\\"b" // note');
        assert.equal(scopes.get('where'), 'keyword.other.journey');
        assert.equal(scopes.get('='), 'keyword.operator.assignment.journey');
        assert.equal(scopes.get('\\"'), 'constant.character.escape.journey');
        assert.equal(scopes.get('// note'), 'comment.line.double-slash.journey');
        const more = scopesOf(grammar, 'metric m percent scale 1..5 target >= 4.2');
        assert.equal(more.get('percent'), 'support.type.unit.journey');
        assert.equal(more.get('4.2'), 'constant.numeric.journey');
        assert.equal(more.get('>='), 'keyword.operator.comparison.journey');
        assert.equal(
            scopesOf(grammar, '  moment of truth "x"').get('moment of truth'),
            'keyword.other.moment-of-truth.journey'
        );
        assert.equal(scopesOf(grammar, '/** doc */').get(' doc '), 'comment.block.documentation.journey');
    });
});
