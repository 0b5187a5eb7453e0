import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compareEmotions } from '../../diff/emotion-comparison.js';
import { formatDiffMarkdown } from '../../diff/diff-report.js';
import { diffJourneyModels } from '../../diff/journey-diff.js';
import { importMermaid } from '../../import/import-mermaid.js';
import { generatedJourney } from '../../bench/generated-journey.js';
import { hasSyntaxErrors } from '../../language/syntax-errors.js';
import {
    renderFunnelSvg,
    renderJourneyHtml,
    renderJourneyMapSvg,
    renderJourneyMarkdown,
    renderJourneyOverviewSvg,
    renderMermaidFlowchart,
    renderMermaidJourney
} from '../../render/index.js';
import { modelOfWindow } from '../../render/map-window.js';
import { buildText, createTestServices, examplesDir, repoRoot } from '../journey-test-kit.js';
import { treeSnapshot } from '../language/tree-snapshot.js';
import { assertWellFormedXml } from '../render/render-kit.js';
import { exerciseServices } from './exercise-services.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

/**
 * Property tests: random and mutated documents through the whole pipeline. `npm test` runs
 * a few cases per property; `npm run fuzz` runs 10,000 (FUZZ_RUNS) and prints the seed, so
 * a failure can be replayed with FUZZ_SEED. Documents start from the examples and, in one
 * case of seven, from generated maps of 200 and 2,000 steps.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 40);
const seed =
    process.env.FUZZ_SEED === undefined
        ? Date.now() ^ globalThis.crypto.getRandomValues(new Uint32Array(1))[0]
        : Number(process.env.FUZZ_SEED);
const parameters = { numRuns: runs, seed, endOnFailure: true };

/** Pieces of every kind of line, the opportunity, claim and blueprint ones among them, for the token soup. */
const soupWords = [
    'journey J',
    'stage S',
    'step A',
    'emotion 3',
    'persona P',
    'metric m = 3',
    '\n',
    'opportunity O "o" {',
    'addresses J.A',
    'addresses ns.J.A,',
    'status planned',
    'status plannd',
    'value 9',
    'effort 0',
    'expects m >= 3',
    'evidence ""',
    'owner "Web"',
    'opportunity O',
    'pain "p" {',
    'evidence "e"',
    'confidence low',
    'confidence hihg',
    'moment of truth "m" { confidence high }',
    'frontstage "f" owner "o"',
    'backstage ""',
    'support "s"',
    'fail point "x"',
    'fail',
    'point'
];

const examples = [
    'shop/checkout.journey',
    'service/售后服务.journey',
    'saas/onboarding.journey',
    'shared/people.journey'
].map(file => readFileSync(join(examplesDir, file), 'utf8'));
/**
 * Generated maps of the size where the server used to break (a typo there overflowed the stack); fewer cases take them,
 * as each is slow.
 */
const largeMaps = [200, 2000].map(steps => generatedJourney(steps).text);
/** A map to start from: mostly an example, sometimes a large one. */
const startingMap: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...examples) },
    { weight: 1, arbitrary: fc.constantFrom(...largeMaps) }
);

/** Tokens of a text, whitespace and comments kept as tokens, so mutations work on the language's pieces. */
function tokensOf(text: string): string[] {
    return text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\n])*"|\s+|[\p{L}\p{N}_.]+|./gu) ?? [];
}

const nasties = [
    '{',
    '}',
    '}}}',
    '"',
    '/*',
    '\u0000',
    '\u202e',
    '99999999999999999999999999',
    '-0',
    '1e400',
    'step',
    'next',
    '..',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '%%{init: {}}%%',
    '\uFEFF',
    '𝕏',
    '看到广告'
];

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'insert'; at: number; other: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert'),
    at: fc.nat(),
    other: fc.nat(),
    text: fc.oneof(
        fc.constantFrom(...nasties),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 6 })
    )
});

function mutate(text: string, mutations: Mutation[]): string {
    const tokens = tokensOf(text);
    for (const { kind, at, other, text: inserted } of mutations) {
        if (tokens.length === 0) break;
        const i = at % tokens.length;
        const j = other % tokens.length;
        if (kind === 'delete') tokens.splice(i, 1);
        else if (kind === 'duplicate') tokens.splice(i, 0, tokens[i]);
        else if (kind === 'swap') [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
        else tokens.splice(i, 0, inserted);
    }
    return tokens.join('');
}

/** A document: an example with a few mutations, or text made up entirely. */
const documentText: fc.Arbitrary<string> = fc.oneof(
    {
        weight: 4,
        arbitrary: fc
            .tuple(startingMap, fc.array(mutation, { minLength: 1, maxLength: 6 }))
            .map(([text, mutations]) => mutate(text, mutations))
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    {
        weight: 1,
        arbitrary: fc.array(fc.constantFrom(...nasties, ...soupWords), { maxLength: 40 }).map(parts => parts.join(' '))
    }
);

/**
 * An edit as a writer makes one: a line deleted or doubled, a number changed, text typed into
 * a string, or a token-level mutation. Most keep the map valid, so that the incremental parse
 * (one step or stage parsed again) is what gets tested, not its fallback.
 */
type LineEdit = {
    kind: 'delete' | 'duplicate' | 'number' | 'string' | 'token';
    line: number;
    value: number;
    typed: string;
    mutation: Mutation;
};
const lineEdit: fc.Arbitrary<LineEdit> = fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'number', 'string', 'token'),
    line: fc.nat(), value: fc.nat({ max: 20 }),
    typed: fc.string({ unit: 'grapheme', maxLength: 8 }).map(typed => typed.replace(/["\\\r\n\u2028\u2029]/g, '')),
    mutation
});

function editLines(text: string, edits: LineEdit[]): string {
    const lines = text.split('\n');
    for (const { kind, line, value, typed, mutation: tokenMutation } of edits) {
        const at = line % lines.length;
        if (kind === 'delete') lines.splice(at, 1);
        else if (kind === 'duplicate') lines.splice(at, 0, lines[at]);
        else if (kind === 'number') lines[at] = lines[at].replace(/\d+/, String(value));
        else if (kind === 'string') lines[at] = lines[at].replace(/"/, `"${typed}`);
        else lines[at] = mutate(lines[at], [tokenMutation]);
        if (lines.length === 0) lines.push('');
    }
    return lines.join('\n');
}

/** Fails instead of hanging: every call of the pipeline gets a generous limit. */
async function bounded<T>(what: string, work: () => Promise<T> | T): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within 30 s`)), 30_000);
    });
    try {
        return await Promise.race([Promise.resolve().then(work), limit]);
    } finally {
        clearTimeout(timer);
    }
}

const fixtureFile = (index: number) => join(examplesDir, 'shop', `fuzz-${index}.journey`);

describe(`fuzzing with fast-check (${runs} cases per property, seed ${seed})`, function () {
    this.timeout(Math.max(120_000, runs * 2_000));
    let cases = 0;

    it('parses, links and validates anything without throwing or hanging, and never changes the text', async () => {
        await fc.assert(fc.asyncProperty(documentText, async text => {
            const document = await bounded('building', () =>
                buildText(createTestServices(), text, fixtureFile(cases++))
            );
            assert.ok(Array.isArray(document.diagnostics));
            const crashed = document.diagnostics.filter(diagnostic =>
                /An error occurred/.test(diagnosticText(diagnostic))
            );
            assert.deepEqual(
                crashed.map(diagnostic => diagnostic.message),
                [],
                'no check crashed (Langium turns a throwing check into this diagnostic)'
            );
            assert.equal(document.textDocument.getText(), text);
        }), parameters);
    });

    it('formats idempotently and keeps every token and comment', async () => {
        await fc.assert(fc.asyncProperty(documentText, async text => {
            const services = createTestServices();
            const document = await bounded('building', () => buildText(services, text, fixtureFile(cases++)));
            if (hasSyntaxErrors(document)) return; // never formatted
            const format = async (source: string) => {
                const formatted = await buildText(services, source, fixtureFile(cases++));
                const edits = await services.Journey.lsp.Formatter!.formatDocument(formatted, {
                    textDocument: { uri: formatted.uri.toString() },
                    options: { tabSize: 2, insertSpaces: true }
                });
                return TextDocument.applyEdits(formatted.textDocument, edits);
            };
            const once = await bounded('formatting', () => format(text));
            assert.equal(once.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'only whitespace changes');
            assert.equal(await bounded('formatting again', () => format(once)), once, 'formatting is idempotent');
        }), parameters);
    });

    it('answers every LSP request at random positions without throwing', async () => {
        await fc.assert(fc.asyncProperty(documentText, fc.array(fc.nat(), { maxLength: 3 }), async (text, offsets) => {
            const services = createTestServices();
            const document = await bounded('building', () => buildText(services, text, fixtureFile(cases++)));
            await bounded('the LSP requests', () => exerciseServices(services, document, offsets));
        }), { ...parameters, numRuns: Math.max(1, Math.floor(runs / 4)) });
    });

    it('builds a model that every renderer draws as well-formed output, and diffs against the original', async () => {
        const originalServices = createTestServices();
        const original = await originalServices.Journey.journey.ModelBuilder.build(
            await buildText(originalServices, examples[0], fixtureFile(cases++))
        );
        await fc.assert(fc.asyncProperty(documentText, async text => {
            const services = createTestServices();
            const document = await bounded('building', () => buildText(services, text, fixtureFile(cases++)));
            const model = await bounded('the model', () => services.Journey.journey.ModelBuilder.build(document));
            assert.deepEqual(JSON.parse(JSON.stringify(model)), model, 'the model is plain data');
            for (const journey of [undefined, ...model.journeys.map(candidate => candidate.name)]) {
                assertWellFormedXml(renderJourneyMapSvg(model, journey));
                assertWellFormedXml(renderFunnelSvg(model, journey));
                assertWellFormedXml(renderJourneyOverviewSvg(model, journey));
                assertWellFormedXml(renderJourneyMapSvg(modelOfWindow(model, journey, 0), journey));
            }
            for (const journey of model.journeys) {
                renderMermaidJourney(journey);
                renderMermaidFlowchart(journey);
                renderJourneyMarkdown(model, journey);
                renderJourneyHtml(journey, renderJourneyMapSvg(model, journey.name));
            }
            formatDiffMarkdown(diffJourneyModels(original, model), compareEmotions(original, model));
            diffJourneyModels(model, original);
        }), parameters);
    });

    it('gives after edits exactly what a build of the whole new text gives (incremental parsing, linking and validation)', async () => {
        const folder = join(repoRoot, 'test', 'output', 'fuzz-edits');
        mkdirSync(folder, { recursive: true });
        await fc.assert(
            fc.asyncProperty(startingMap, fc.array(lineEdit, { minLength: 1, maxLength: 3 }), async (before, edits) => {
                const uri = URI.file(join(folder, `edit-${cases++}.journey`));
                const services = createTestServices();
                const builder = services.shared.workspace.DocumentBuilder;
                writeFileSync(uri.fsPath, before);
                const document = services.shared.workspace.LangiumDocuments.createDocument(uri, before);
                // Built as the language server builds after each edit, and edited one edit at a time, so that each
                // rebuild can reuse the last.
                await bounded('building', () => builder.build([document], builder.updateBuildOptions));
                let after = before;
                for (const edit of edits) {
                    after = editLines(after, [edit]);
                    writeFileSync(uri.fsPath, after);
                    await bounded('the edit', () => builder.update([uri], []));
                }
                const fresh = createTestServices();
                const whole = fresh.shared.workspace.LangiumDocuments.createDocument(uri, after);
                await bounded('building the whole text', () =>
                    fresh.shared.workspace.DocumentBuilder.build([whole], { validation: true })
                );
                assert.deepEqual(treeSnapshot(document, services), treeSnapshot(whole, fresh));
            }),
            parameters
        );
    });

    it('imports any Mermaid text, or reports its mistakes with a line and column', () => {
        const mermaid = readFileSync(join(repoRoot, 'test', 'fixtures', 'mermaid', 'accessible.mmd'), 'utf8');
        fc.assert(
            fc.property(
                fc.oneof(
                    fc.string({ unit: 'grapheme', maxLength: 200 }),
                    fc.array(mutation, { maxLength: 6 }).map(mutations => mutate(mermaid, mutations))
                ),
                fc.boolean(),
                (text, markdown) => {
                    const result = importMermaid(text, 'fuzz.mmd', markdown);
                    assert.ok(result.journeyText !== undefined || result.problems.length > 0);
                    for (const problem of result.problems)
                        assert.ok(problem.line >= 1 && problem.column >= 1, JSON.stringify(problem));
                }
            ),
            parameters
        );
    });
});
