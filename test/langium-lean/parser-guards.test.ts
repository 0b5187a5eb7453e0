import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem, type LangiumParser } from 'langium';
import { generatedJourney } from '../../bench/generated-journey.js';
import { createJourneyServices } from '../../language/journey-module.js';
import { buildText, createTestServices, examplesDir } from '../journey-test-kit.js';

/** Parsers made with the guards of language/parser-guards/ on or off (they read the switch when made). */
function parserWithGuards(on: boolean): LangiumParser {
    const before = process.env.LANGIUM_LEAN_PARSER_GUARDS;
    process.env.LANGIUM_LEAN_PARSER_GUARDS = on ? 'on' : 'off';
    try {
        return createJourneyServices(EmptyFileSystem).Journey.parser.LangiumParser;
    } finally {
        if (before === undefined) delete process.env.LANGIUM_LEAN_PARSER_GUARDS;
        else process.env.LANGIUM_LEAN_PARSER_GUARDS = before;
    }
}

/** What a parse decided, to compare two parsers: errors with positions, and every CST node. */
function parsed(parser: LangiumParser, text: string) {
    const result = parser.parse(text);
    const cst: string[] = [];
    const walk = (node: { offset: number; length: number; content?: unknown[] }) => {
        cst.push(`${node.offset}+${node.length}`);
        for (const child of node.content ?? []) walk(child as typeof node);
    };
    if (result.value.$cstNode) walk(result.value.$cstNode as never);
    return {
        lexer: result.lexerErrors.map(error => `${error.offset} ${error.message}`),
        parser: result.parserErrors.map(error => `${error.token.startOffset} ${error.message}`),
        cst
    };
}

describe('parser guards: error recovery in bounded stack and time', function () {
    this.timeout(120_000);
    const guarded = parserWithGuards(true);

    for (const steps of [10_000, 50_000]) {
        const lines = generatedJourney(steps).text.split('\n');
        const stepLines = lines.flatMap((line, index) => line.trimStart().startsWith('step ') ? [index] : []);
        const places = {
            top: stepLines[0],
            middle: stepLines[Math.floor(stepLines.length / 2)],
            end: stepLines.at(-1)!
        };
        for (const [where, line] of Object.entries(places)) {
            it(`parses a ${steps}-step map with a typo in a step keyword at the ${where}, reporting it first`, () => {
                // `stp` is no keyword: the stage's block ends there, and every line after it goes to the file's top
                // level.
                const typed = lines
                    .map((text, index) => (index === line ? text.replace('step ', 'stp ') : text))
                    .join('\n');
                const result = guarded.parse(typed);
                assert.ok(result.parserErrors.length >= 1);
                assert.equal(result.parserErrors[0].token.startLine, line + 1);
                assert.equal(result.parserErrors[0].token.image, 'stp');
            });
        }
        it(`parses a ${steps}-step map whose first line is mistyped (journy), everything after it at the top level`, () => {
            const result = guarded.parse(lines.join('\n').replace('journey Bench', 'journy Bench'));
            assert.equal(result.parserErrors[0].token.startLine, lines.indexOf('journey Bench "Bench" {') + 1);
            assert.ok(result.parserErrors.length > steps, 'every step is an error at the top level');
        });
    }

    it('keeps a typo in a line of a block to that line: the rest of the journey parses', () => {
        const result = guarded.parse(generatedJourney(1000).text.replace('emotion scale', 'emotion scle'));
        assert.deepEqual(result.parserErrors.map(error => error.token.image), ['scle']);
    });

    it('completes in a 2,000-step map whose first stage lost its keyword (the completion parser recovers too)', async () => {
        // Found by the fuzz suite: Langium's completion parser is a parser of its own, which had no guards.
        const services = createTestServices();
        const text = generatedJourney(2000).text.replace('  stage S0', '   S0');
        const document = await buildText(services, text);
        const position = document.textDocument.positionAt(text.lastIndexOf('metric m'));
        const completion = await services.Journey.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() },
            position
        });
        assert.ok(Array.isArray(completion?.items), 'an answer, not a stack overflow');
    });

    it('gives exactly the errors and tree of stock Chevrotain on broken maps of every example', () => {
        const stock = parserWithGuards(false);
        const texts = ['shop/checkout.journey', 'service/售后服务.journey', 'saas/onboarding.journey'].map(file =>
            readFileSync(join(examplesDir, file), 'utf8')
        );
        const broken = fc
            .record({
                text: fc.constantFrom(...texts),
                cuts: fc.array(
                    fc.tuple(
                        fc.nat(),
                        fc.nat({ max: 12 }),
                        fc.constantFrom('', 'stp', '}', '{', '"', 'channel', '=', 'journy', 'metric m =')
                    ),
                    { maxLength: 6 }
                )
            })
            .map(({ text, cuts }) =>
                cuts.reduce((result, [at, length, inserted]) => {
                    const offset = at % (result.length + 1);
                    return result.slice(0, offset) + inserted + result.slice(offset + length);
                }, text)
            );
        fc.assert(fc.property(broken, text => {
            assert.deepEqual(parsed(guarded, text), parsed(stock, text));
        }), { numRuns: 200 });
    });
});
