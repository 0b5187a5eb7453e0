import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { URI } from 'langium';
import type { DataSource } from '../../language/generated/ast.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectHover } from 'langium/test';
import { allSteps, type StepModel } from '../../model/journey-model.js';
import { missingEvidence } from '../../language/evidence-requirement.js';
import {
    buildText,
    codesOf,
    coveredText,
    createTestServices,
    describeDiagnostics,
    repoRoot
} from '../journey-test-kit.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

const surveyDir = join(repoRoot, 'test', 'fixtures', 'survey');
const checkoutPath = join(surveyDir, 'checkout.journey');
let inline = 0;
/** A document beside the survey files, so `research/…` resolves. */
const besideSurvey = () => join(surveyDir, `inline-${++inline}.journey`);

/** A folder of its own with `answers.csv`, and language services whose workspace it is. */
function workspaceWithAnswers(prefix: string, answers: string) {
    const folder = mkdtempSync(join(tmpdir(), prefix));
    const csv = join(folder, 'answers.csv');
    writeFileSync(csv, answers);
    const own = createTestServices();
    own.Journey.journey.Workspace.setRoots([URI.file(folder)]);
    return { folder, csv, own };
}

/** Survey answers (research/survey.csv: 15 rows, weeks 2026-W09 and W10), measured emotion, quotes, Parquet. */
describe('voice of the customer: survey metrics, measured emotion and quotes from raw answers', () => {
    const services = createTestServices();
    const build = (text: string, path = besideSurvey()) => buildText(services, text, path);
    const stepOf = (model: { journeys: Array<{ stages: Array<{ steps: StepModel[] }> }> }, name: string) =>
        allSteps(model.journeys[0] as never).find(step => step.name === name)!;

    it('parses the contract\'s syntax, `metric effort "Customer effort" ces` included, and reports exactly the survey\'s warnings at their places', async () => {
        const document = await build(readFileSync(checkoutPath, 'utf8'), checkoutPath);
        assert.equal(
            document.parseResult.parserErrors.length,
            0,
            document.parseResult.parserErrors.map(error => error.message).join('\n')
        );
        const diagnostics = (document.diagnostics ?? []).filter(
            diagnostic => !String(diagnostic.code).startsWith('unused-')
        );
        const found = diagnostics.map(diagnostic => [diagnostic.code, coveredText(document, diagnostic)]);
        assert.deepEqual(
            found,
            [
                ['answer-out-of-range', 'score'],
                ['low-sample', 'survey.score scale 0..10 where step = "compare"'],
                ['low-sample', 'survey.score scale 0..10 where step = "checkout"'],
                ['emotion-belief-gap', 'survey.score scale 0..10 where step = "checkout"'],
                ['low-sample', 'survey.score where step = "checkout"']
            ],
            describeDiagnostics(diagnostics)
        );
        const messages = diagnostics.map(diagnosticText);
        assert.match(
            messages[0],
            /^2 answers in column 'score' matching step = "compare" are not numbers within 0\.\.10 \(line 14, line 15\); they are left out\.$/
        );
        assert.match(
            messages[3],
            /^Customers' answers put this step at 3\.92 \(mean 7\.3 of 0\.\.10, n = 10\); the map says 5\./
        );
        assert.equal(messages[4], 'NPS 20 ± 54 rests on 10 answers: fewer than 30 make it too uncertain to act on.');
    });

    it("builds NPS per period with its sample, the measured emotion on the journey's scale, and the comments of the lowest scores", async () => {
        const document = await build(readFileSync(checkoutPath, 'utf8'));
        const model = await services.Journey.journey.ModelBuilder.build(document);
        const checkout = stepOf(model, 'Checkout');
        const nps = checkout.metrics[0];
        assert.equal(nps.value, 20);
        assert.equal(nps.sample?.n, 10);
        assert.ok(Math.abs(nps.sample!.margin! - 54.03) < 0.01);
        // Week 9: one promoter (10) and one detractor (3) → 0; week 10 → 20.
        assert.deepEqual(
            nps.series?.map(point => [point.period, point.value, point.sample?.n]),
            [
                ['2026-W09', 0, 2],
                ['2026-W10', 20, 10]
            ]
        );
        assert.equal(nps.status, 'missed');
        assert.deepEqual(checkout.measuredEmotion, {
            score: 1 + 7.3 * 0.4,
            mean: 7.3,
            answerScale: { min: 0, max: 10 },
            n: 10,
            link: { source: 'survey', column: 'score', conditions: [{ key: 'step', value: 'checkout' }] }
        });
        assert.deepEqual(
            checkout.quotes,
            ['<script>alert(1)</script> never again', 'Card declined, no reason given', 'Shipping cost was a surprise'],
            'lowest scores first (0, 3, 5), the repeated comment of score 6 once'
        );
        const compare = stepOf(model, 'Compare');
        assert.equal(compare.emotion, undefined);
        assert.equal(compare.measuredEmotion?.n, 1, 'the out-of-range 12 and the n/a are left out');
        assert.equal(compare.measuredEmotion?.score, 1 + 4 * 0.4);
    });

    it('reads a Parquet file like a CSV, and says what is wrong with a corrupt one or an unsupported codec', async () => {
        const text = (file: string) => `data answers "research/${file}"
metric nps "NPS" nps
journey J { stage S { step Checkout {
  metric nps = answers.score where step = "checkout"
  emotion from answers.score scale 0..10 where step = "checkout"
} } }`;
        const document = await build(text('answers.parquet'));
        const model = await services.Journey.journey.ModelBuilder.build(document);
        const checkout = stepOf(model, 'Checkout');
        // All 12 checkout answers of both weeks (no period here): 6 promoters, 4 detractors.
        assert.ok(Math.abs(checkout.metrics[0].value! - (100 * 2) / 12) < 1e-9, String(checkout.metrics[0].value));
        const csv = await services.Journey.journey.ModelBuilder.build(await build(text('survey.csv')));
        assert.equal(checkout.metrics[0].value, stepOf(csv, 'Checkout').metrics[0].value);
        assert.equal(checkout.measuredEmotion?.mean, stepOf(csv, 'Checkout').measuredEmotion?.mean);
        const corrupt = await build(text('corrupt.parquet'));
        assert.deepEqual(
            codesOf(corrupt.diagnostics).filter(code => code === 'data-file-unreadable'),
            ['data-file-unreadable']
        );
        assert.match(
            describeDiagnostics(corrupt.diagnostics),
            /Cannot read data file "research\/corrupt\.parquet": not a readable Parquet file/
        );
        const zstd = await build(text('answers-zstd.parquet'));
        assert.match(
            describeDiagnostics(zstd.diagnostics),
            /Cannot read data file "research\/answers-zstd\.parquet": cannot read this Parquet file \(parquet unsupported compression codec: ZSTD\)/
        );
    });

    it('reports an unknown unit with a did-you-mean, survey targets outside their range, and an unknown query engine', async () => {
        const document = await build(`metric a "A" nsp
metric b "B" csat target >= 120
metric c "C" nps target >= -100
data d "research/survey.csv" from "q.sql" on oracle
journey J { stage S { step A { metric a = 1 metric b = 1 metric c = 1 } } }`);
        const diagnostics = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
        assert.deepEqual(
            diagnostics.map(diagnostic => [diagnostic.code, coveredText(document, diagnostic)]),
            [
                ['metric-unit-unknown', 'nsp'],
                ['metric-value-mismatch', '120'],
                ['query-engine-unknown', 'oracle']
            ],
            describeDiagnostics(diagnostics)
        );
        assert.match(diagnosticText(diagnostics[0]), /'nsp' is not a metric unit\. Did you mean 'nps'\?/);
        assert.match(diagnosticText(diagnostics[1]), /must be between 0 and 100/);
    });

    it('reports a second measured emotion in a step, at the second', async () => {
        const document = await build(`data survey "research/survey.csv"
journey J { stage S { step A {
  emotion from survey.score scale 0..10 where step = "checkout"
  emotion from survey.score scale 1..10 where step = "checkout"
} } }`);
        const repeated = (document.diagnostics ?? []).filter(diagnostic => diagnostic.code === 'repeated-property');
        assert.deepEqual(
            repeated.map(diagnostic => coveredText(document, diagnostic)),
            ['survey.score scale 1..10 where step = "checkout"']
        );
    });

    it('says to run `data pull` for a snapshot not written yet, and errors on a survey link whose rows do not exist', async () => {
        const document = await build(`metric nps "NPS" nps
data survey "research/survey.csv"
data funnel "research/not-pulled.csv" from "queries/funnel.sql"
journey J { stage S { step A {
  metric nps = survey.score where step = "checkot"
  quotes from survey.comments where step = "checkout"
} } }`);
        const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
        assert.deepEqual(
            errors.map(diagnostic => diagnostic.code),
            ['data-file-not-found', 'data-row-not-found', 'data-column-unknown'],
            describeDiagnostics(errors)
        );
        assert.match(
            diagnosticText(errors[0]),
            /does not exist yet: run `journeymap data pull` to write it from "queries\/funnel\.sql"/
        );
        assert.match(diagnosticText(errors[1]), /Did you mean "checkout"\?/);
        assert.match(diagnosticText(errors[2]), /Did you mean 'comment'\?/);
    });

    it('counts quotes on a step as evidence for its pains (check --require-evidence)', async () => {
        const document = await build(`data survey "research/survey.csv"
journey J { stage S {
  step A { pain "Shipping surprise" quotes from survey.comment where step = "checkout" }
  step B { pain "Too many tabs" }
} }`);
        const missing = missingEvidence(document, ['pain'], false);
        assert.deepEqual(missing.map(diagnostic => coveredText(document, diagnostic)), ['"Too many tabs"']);
    });

    it('reads a data file once: an edit of the map reads nothing, a rewrite with the same content parses nothing', async () => {
        const { folder, csv, own } = workspaceWithAnswers('data-cache-', 'step,score\ncheckout,9\n');
        const sources = own.Journey.journey.DataSources;
        const document = await buildText(own, 'data answers "answers.csv"\n', join(folder, 'map.journey'));
        const source = document.parseResult.value.elements[0] as DataSource;
        const first = await sources.load(source);
        assert.equal(await sources.load(source), first, 'asked again (another edit of the map): the same reading');
        writeFileSync(csv, 'step,score\ncheckout,9\n');
        sources.invalidate([URI.file(csv).toString()]);
        const rewritten = await sources.load(source);
        assert.ok(
            first.kind === 'table' && rewritten.kind === 'table' && rewritten.table === first.table,
            'same content: the table already parsed'
        );
        writeFileSync(csv, 'step,score\ncheckout,3\n');
        sources.invalidate([URI.file(csv).toString()]);
        const changed = await sources.load(source);
        assert.ok(
            changed.kind === 'table' &&
                changed.table !== (first as { table: unknown }).table &&
                changed.table.cells.get('score')?.[0] === '3'
        );
    });

    it('reads a data file once however many edits of the map follow: the file is read again only when it changes', async () => {
        const { folder, csv, own } = workspaceWithAnswers(
            'data-reads-',
            'step,score,comment\ncheckout,9,fine\ncheckout,3,slow\n'
        );
        const fileSystem = own.shared.workspace.FileSystemProvider;
        const reads: string[] = [];
        const readFile = fileSystem.readFile.bind(fileSystem);
        fileSystem.readFile = async uri => {
            reads.push(uri.fsPath);
            return readFile(uri);
        };
        const mapPath = join(folder, 'map.journey');
        const mapText = (emotion: number, title: string) => `data survey "answers.csv"
metric nps "NPS" nps
journey J { stage S { step A "${title}" {
  emotion ${emotion}
  emotion from survey.score scale 0..10 where step = "checkout"
  metric nps = survey.score where step = "checkout"
  quotes from survey.comment where step = "checkout"
} } }`;
        for (let edit = 0; edit < 30; edit++) {
            if (edit > 0) own.shared.workspace.LangiumDocuments.deleteDocument(URI.file(mapPath));
            const document = await buildText(own, mapText(1 + (edit % 5), `Pays ${edit} 次`), mapPath);
            assert.equal(
                (await own.Journey.journey.ModelBuilder.build(document)).journeys[0].stages[0].steps[0].metrics[0]
                    .sample?.n,
                2
            );
        }
        assert.deepEqual(
            reads.filter(path => path === csv),
            [csv],
            '30 versions of the map, one reading of the data'
        );
        writeFileSync(csv, 'step,score,comment\ncheckout,10,great\n');
        own.Journey.journey.DataSources.invalidate([URI.file(csv).toString()]);
        own.shared.workspace.LangiumDocuments.deleteDocument(URI.file(mapPath));
        const changed = await buildText(own, mapText(3, 'Pays'), mapPath);
        assert.equal(
            (await own.Journey.journey.ModelBuilder.build(changed)).journeys[0].stages[0].steps[0].metrics[0].sample?.n,
            1
        );
        assert.equal(reads.filter(path => path === csv).length, 2, 'read again once it changed');
    });

    it('hovers a step with its measured emotion and the customers\' words, escaped', async () => {
        const hover = expectHover(services.Journey);
        await hover({
            text: readFileSync(checkoutPath, 'utf8').replace('step Checkout', 'step <|>Checkout'),
            index: 0,
            parseOptions: { documentUri: pathToFileURL(besideSurvey()).toString() },
            disposeAfterCheck: true,
            hover: /Measured emotion:\* 3\.92 of 1\.\.5 \(mean answer 7\.3 of 0\.\.10, n = 10\)[\s\S]*Customers said:[\s\S]*> \\<script\\>alert\\\(1\\\)\\<\/script\\> never again/
        });
        await hover({
            text: readFileSync(checkoutPath, 'utf8').replace('metric nps = survey', 'metric nps = <|>survey'), index: 0,
            parseOptions: { documentUri: pathToFileURL(besideSurvey()).toString() }, disposeAfterCheck: true,
            hover: /\*\*NPS\*\* = \*\*20 ± 54, n = 10\*\* ✗ missed/
        });
    });
});
