import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseHelper } from 'langium/test';
import type { DataLink, JourneyFile } from '../../language/generated/ast.js';
import {
    buildDocuments,
    createTestServices,
    describeDiagnostics,
    designDir,
    examplesDir,
    journeyFilesIn
} from '../journey-test-kit.js';

describe('parsing the Journey language', () => {
    const services = createTestServices();
    const parse = parseHelper<JourneyFile>(services.Journey);

    async function parseClean(text: string): Promise<JourneyFile> {
        const document = await parse(text);
        const errors = [
            ...document.parseResult.lexerErrors.map(e => e.message),
            ...document.parseResult.parserErrors.map(e => e.message)
        ];
        assert.deepEqual(errors, [], `syntax errors in:\n${text}`);
        return document.parseResult.value;
    }

    it('parses both design examples (test/fixtures/design/) exactly as written, with no diagnostics at all', async () => {
        const fresh = createTestServices();
        const documents = await buildDocuments(fresh, {
            [join(designDir, 'checkout.journey')]: undefined,
            [join(designDir, 'people.journey')]: undefined
        });
        for (const document of documents) {
            assert.equal(document.diagnostics?.length, 0, describeDiagnostics(document.diagnostics));
        }
        const journey = documents[0].parseResult.value.elements.find(e => e.$type === 'Journey');
        assert.ok(journey && journey.$type === 'Journey');
        assert.deepEqual(
            journey.stages.map(stage => stage.name),
            ['Awareness', 'Consideration', 'Purchase']
        );
    });

    it('parses every example in examples/ with no errors or warnings', async () => {
        const fresh = createTestServices();
        const files = journeyFilesIn(examplesDir);
        assert.ok(files.length >= 4, 'at least four example maps');
        const documents = await buildDocuments(fresh, Object.fromEntries(files.map(file => [file, undefined])));
        for (const document of documents) {
            const serious = (document.diagnostics ?? []).filter(d => d.severity === 1 || d.severity === 2);
            assert.deepEqual(serious, [], `${document.uri.path}:\n${describeDiagnostics(serious)}`);
        }
    });

    it('reads a persona with display name, role, repeated goals and frustrations, and a quote', async () => {
        const file = await parseClean(`persona Ana "Ana, owner" {
  role "Buys supplies"
  goal "Fast supplier"
  goal "Know the total"
  frustration "Hidden costs"
  quote "我只想知道总价。"
}`);
        const persona = file.elements[0];
        assert.ok(persona.$type === 'Persona');
        assert.equal(persona.title, 'Ana, owner');
        assert.deepEqual(persona.roles, ['Buys supplies']);
        assert.deepEqual(persona.goals, ['Fast supplier', 'Know the total']);
        assert.deepEqual(persona.frustrations, ['Hidden costs']);
        assert.deepEqual(persona.quotes, ['我只想知道总价。']);
    });

    it('reads channels, metrics with every unit, scales and targets, and data sources', async () => {
        const file = await parseClean(`channel Web "Website" online
channel Store offline
metric a percent target >= 12
metric b "B" scale 1..5 target >= 4.2
metric c score scale -100..100
metric d count
metric e currency
metric f duration target <= 48
metric g ratio
data funnel "analytics/funnel.csv"`);
        const [web, store, a, b, c, ...rest] = file.elements;
        assert.ok(web.$type === 'Channel' && store.$type === 'Channel');
        assert.equal(web.kind, 'online');
        assert.equal(store.kind, 'offline');
        assert.ok(a.$type === 'MetricDefinition' && b.$type === 'MetricDefinition' && c.$type === 'MetricDefinition');
        assert.equal(a.unit, 'percent');
        assert.deepEqual([a.target?.comparison, a.target?.value], ['>=', 12]);
        assert.deepEqual([b.scale?.min, b.scale?.max, b.target?.value], [1, 5, 4.2]);
        assert.deepEqual([c.scale?.min, c.scale?.max], [-100, 100]);
        assert.deepEqual(
            rest.map(e => (e.$type === 'MetricDefinition' ? e.unit : e.$type)),
            ['count', 'currency', 'duration', 'ratio', 'DataSource']
        );
    });

    it('reads steps with channel, touchpoints, emotion, pains, opportunities, moments of truth, metrics, next and exit', async () => {
        const file = await parseClean(`journey J "Title" {
  persona A, B
  emotion scale 0..10
  stage S "意识" {
    step One "First" {
      channel Web
      touchpoint "Ad"
      touchpoint "Landing page"
      emotion 7 curious "note"
      pain "p1"
      pain "p2"
      opportunity "o1"
      moment of truth "mot"
      metric conversion = funnel.conversion where step = "see-ad" and region = 3
      metric csat = 4.4
      next Two, Three
    }
    step Two { emotion 1 exit }
  }
}`);
        const journey = file.elements[0];
        assert.ok(journey.$type === 'Journey');
        assert.deepEqual(
            journey.personas.map(p => p.$refText),
            ['A', 'B']
        );
        assert.deepEqual([journey.emotionScales[0].min, journey.emotionScales[0].max], [0, 10]);
        const [one, two] = journey.stages[0].steps;
        assert.equal(one.title, 'First');
        assert.deepEqual(
            one.channels.map(c => c.$refText),
            ['Web']
        );
        assert.deepEqual(one.touchpoints, ['Ad', 'Landing page']);
        assert.deepEqual(
            [one.emotions[0].score, one.emotions[0].feeling, one.emotions[0].note],
            [7, 'curious', 'note']
        );
        assert.deepEqual(
            one.pains.map(pain => pain.text),
            ['p1', 'p2']
        );
        assert.deepEqual(one.opportunities, ['o1']);
        assert.deepEqual(
            one.momentsOfTruth.map(moment => moment.text),
            ['mot']
        );
        const link = one.metrics[0].value as DataLink;
        assert.equal(link.$type, 'DataLink');
        assert.equal(link.source.$refText, 'funnel');
        assert.equal(link.column, 'conversion');
        assert.deepEqual(
            link.conditions.map(c => [c.key, c.text ?? c.number]),
            [
                ['step', 'see-ad'],
                ['region', 3]
            ]
        );
        assert.equal(one.metrics[1].number, 4.4);
        assert.deepEqual(
            one.next.map(n => n.$refText),
            ['Two', 'Three']
        );
        assert.equal(two.exit, true);
    });

    it('accepts Unicode names (中文 identifiers), keywords and quoted names as data columns', async () => {
        const file = await parseClean(`data 调查 "survey.csv"
journey 售后 {
  stage 使用 {
    step 看到广告 {
      metric 满意度 = 调查."order id" where journey = "x" and 环节 = "回访"
    }
  }
}`);
        const journey = file.elements[1];
        assert.ok(journey.$type === 'Journey');
        const step = journey.stages[0].steps[0];
        assert.equal(step.name, '看到广告');
        const link = step.metrics[0].value as DataLink;
        assert.equal(link.column, 'order id');
        assert.deepEqual(link.conditions.map(c => c.key), ['journey', '环节']);
    });

    it('resolves backslash escapes in strings, including \\u escapes', async () => {
        const file = await parseClean(String.raw`persona P "say \"hi\" \\ \u4E2D\n" { quote "a\tb" }`);
        const persona = file.elements[0];
        assert.ok(persona.$type === 'Persona');
        assert.equal(persona.title, 'say "hi" \\ 中\n');
        assert.equal(persona.quotes[0], 'a\tb');
    });

    it('reads numbers as decimals, and -0 as zero (the model must survive JSON)', async () => {
        const file = await parseClean(
            'metric m count scale -0..2.5\njourney J { stage S { step A { emotion -0 metric m = -1.25 } } }'
        );
        const metric = file.elements[0];
        assert.ok(metric.$type === 'MetricDefinition');
        assert.ok(Object.is(metric.scale?.min, 0), 'scale starts at +0');
        assert.equal(metric.scale?.max, 2.5);
        const journey = file.elements[1];
        assert.ok(journey.$type === 'Journey');
        const step = journey.stages[0].steps[0];
        assert.ok(Object.is(step.emotions[0].score, 0), 'emotion -0 is +0');
        assert.equal(step.metrics[0].number, -1.25);
    });

    it('keeps // and /* */ comments out of the way and reads /** */ as documentation', async () => {
        const document = await parse(`/** The main persona. */
persona P // trailing
/* block
   comment */
channel C online`);
        assert.equal(document.parseResult.parserErrors.length, 0);
        const persona = document.parseResult.value.elements[0];
        assert.equal(
            services.Journey.documentation.DocumentationProvider.getDocumentation(persona),
            'The main persona.'
        );
    });

    it('reports a syntax error with its position instead of throwing', async () => {
        const document = await parse('journey J {\n  stage S {\n    step A { emotion }\n');
        assert.ok(document.parseResult.parserErrors.length > 0);
    });
});

// The README's and the docs' snippets are parsed by test/docs/snippets.test.ts.

describe('lexing', () => {
    it('keeps Chevrotain\'s first-character optimization and still reads names in any script', () => {
        const services = createTestServices();
        const lexer = services.Journey.parser.Lexer;
        const internals = lexer as unknown as { chevrotainLexer: { canModeBeOptimized: Record<string, boolean> } };
        assert.deepEqual(internals.chevrotainLexer.canModeBeOptimized, { defaultMode: true });
        const result = lexer.tokenize('persona 小王 "x"\njourney Été_1 { stage Ünïcode { step 𝒜b { emotion 3 } } }');
        assert.deepEqual(result.errors, []);
        assert.deepEqual(
            result.tokens.filter(token => token.tokenType.name === 'ID').map(token => token.image),
            ['小王', 'Été_1', 'Ünïcode', '𝒜b']
        );
    });
});
