import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildText, coveredText, createTestServices, repoRoot } from '../../journey-test-kit.js';
import { diffJourneyModels } from '../../../diff/journey-diff.js';
import type { JourneyModel } from '../../../model/journey-model.js';
import { renderJourneyMapSvg } from '../../../render/index.js';

const contractPath = join(repoRoot, 'test', 'fixtures', 'views', 'contract.journey');
const contract = readFileSync(contractPath, 'utf8');

/** Fails, listing what was found, unless some problem starts with `start` (code, covered text, message). */
function assertFound(found: string[], start: string): void {
    assert.ok(
        found.some(line => line.startsWith(start)),
        `no problem starting with ${start} among:\n${found.join('\n')}`
    );
}

/** The contract with one text replaced: each test changes one thing of it. */
function variant(from: string, to: string): string {
    assert.ok(contract.includes(from), `the contract has no ${from}`);
    return contract.replace(from, to);
}

describe('views, stories and details in the language', () => {
    for (const fastPath of [false, true]) {
        describe(fastPath ? 'with the fast path' : 'with stock Langium', () => {
            const services = createTestServices({ fastPath });
            let files = 0;
            const build = (text: string) =>
                buildText(services, text, join(repoRoot, 'test', 'fixtures', 'views', `inline-${++files}.journey`));
            const problems = async (text: string) => {
                const document = await build(text);
                assert.deepEqual(
                    document.parseResult.parserErrors.map(error => error.message),
                    []
                );
                return (document.diagnostics ?? [])
                    .filter(diagnostic => !String(diagnostic.code).startsWith('unused-'))
                    .map(
                        diagnostic => `${diagnostic.code} ${coveredText(document, diagnostic)}: ${diagnostic.message}`
                    );
            };
            const modelOf = async (text: string): Promise<JourneyModel> =>
                services.Journey.journey.ModelBuilder.build(await build(text));

            it("reads the issue's syntax as written, with no problem", async () => {
                assert.deepEqual(await problems(contract), []);
            });

            it('names a lane the map does not have, with the one it probably is', async () => {
                assert.deepEqual(
                    await problems(variant('lanes emotion, pains, opportunities', 'lanes emotion, pain, stages')),
                    ["lane-unknown pain: 'pain' is not a lane of the map. Did you mean 'pains'?"]
                );
            });

            it("keeps a view's stages to the stages of its journeys", async () => {
                const found = await problems(variant('journeys Repair, Buy', 'journeys Buy'));
                assertFound(found, 'unresolved-reference Report');
                assertFound(found, 'unresolved-reference Fix');
            });

            it('refuses a view named like a built-in view, and a second persona line', async () => {
                const found = await problems(
                    variant('view Exec "管理层评审" {', 'view blueprint {\n  persona Wang').replace(
                        'view Exec',
                        'view blueprint'
                    )
                );
                assertFound(found, "view-name-taken blueprint: 'blueprint' is a built-in view");
                assertFound(found, 'repeated-property Wang');
            });

            it('warns of a slide its view leaves out, and of a story with nothing to show', async () => {
                const found = await problems(variant('stages Report, Fix', 'stages Report') + '\nstory Empty {\n}\n');
                assert.deepEqual(found, [
                    "story-step-hidden Repair.Visit: View 'Exec' leaves out 'Repair.Visit': this slide would show nothing. Show it in the view, or drop the view.",
                    'story-empty Empty: Story \'Empty\' shows nothing yet: add a line `show Journey.Step "what to say"`.'
                ]);
            });

            it('refuses details that go round in a circle, and a journey detailing itself', async () => {
                const circle = variant(
                    'step Compare "比较型号" { emotion 3 exit }',
                    'step Compare "比较型号" { emotion 3 detail Lifecycle exit }'
                )
                    .replace(
                        'step Visit "师傅上门" { emotion 4 满意 exit }',
                        'step Visit "师傅上门" { emotion 4 满意 detail Buy exit }'
                    )
                    .replace(
                        '{ detail Repair  exit }',
                        '{ detail Repair  exit }\n    step Again { detail Lifecycle exit }'
                    );
                const found = await problems(circle);
                assert.ok(
                    found.includes(
                        'detail-cycle Lifecycle: Details go round in a circle: Lifecycle → Lifecycle. A journey cannot detail a step of itself.'
                    ),
                    found.join('\n')
                );
                assert.ok(
                    found.includes(
                        'detail-cycle Repair: Details go round in a circle: Lifecycle → Repair → Buy → Lifecycle. A journey cannot detail a step of itself.'
                    ),
                    found.join('\n')
                );
                assert.ok(
                    found.includes(
                        'detail-cycle Lifecycle: Details go round in a circle: Buy → Lifecycle → Repair → Buy. A journey cannot detail a step of itself.'
                    ),
                    found.join('\n')
                );
            });

            it('builds views, stories and what rolls up from a detail journey into the model', async () => {
                const model = await modelOf(contract);
                assert.deepEqual(
                    model.views?.map(({ range: _range, ...view }) => view),
                    [
                        {
                            name: 'Exec',
                            title: '管理层评审',
                            journeys: ['Repair', 'Buy'],
                            persona: 'Wang',
                            lanes: ['emotion', 'pains', 'opportunities'],
                            stages: ['Report', 'Fix']
                        }
                    ]
                );
                assert.deepEqual(
                    model.stories?.[0].slides.map(slide => [slide.step, slide.address?.stage, slide.note]),
                    [
                        ['Repair.Call', 'Report', '排队 15 分钟才接通：全程情绪最低点'],
                        ['Repair.Visit', 'Fix', '师傅上门后，情绪回升']
                    ]
                );
                const service = model.journeys[0].stages[0].steps[0];
                assert.equal(service.detail, 'Repair');
                assert.deepEqual(service.detailSummary, { title: '报修与维修', rolledUpEmotion: 1, rolledUpPains: 2 });
                const map = renderJourneyMapSvg(model, 'Lifecycle');
                assert.match(
                    map,
                    /<g class="point rolled-up" data-step="Service"[^>]*><circle class="rolled-up-ring"/,
                    'the rolled-up face is ringed'
                );
                assert.match(map, /class="step"[^>]*data-detail="Repair"[\s\S]*?In detail: 报修与维修/);
            });

            it('rolls up only what the step does not write, on its own emotion scale', async () => {
                const model = await modelOf(
                    variant(
                        'journey Lifecycle "客户生命周期" {',
                        'journey Lifecycle "客户生命周期" {\n  emotion scale 0..10'
                    ).replace('{ detail Repair  exit }', '{ detail Repair pain "太贵" exit }')
                );
                assert.deepEqual(model.journeys[0].stages[0].steps[0].detailSummary, {
                    title: '报修与维修',
                    rolledUpEmotion: 0
                });
                const written = await modelOf(variant('{ detail Repair  exit }', '{ detail Repair emotion 3 exit }'));
                assert.deepEqual(written.journeys[0].stages[0].steps[0].detailSummary, {
                    title: '报修与维修',
                    rolledUpPains: 2
                });
            });

            it('tells a changed view, and a changed story, as one change each', async () => {
                const before = await modelOf(contract);
                const after = await modelOf(
                    variant('lanes emotion, pains, opportunities', 'lanes emotion, metrics')
                        .replace('persona Wang                            //', '//')
                        .replace(
                            'show Repair.Visit "师傅上门后，情绪回升"',
                            'show Repair.Visit "师傅上门后，情绪回升到 4"'
                        )
                );
                const changes = diffJourneyModels(before, after).map(change => [
                    change.element,
                    change.kind,
                    change.summary
                ]);
                assert.deepEqual(changes, [
                    [
                        'view',
                        'changed',
                        "View 'Exec' changed: persona Wang → —; lanes emotion, pains, opportunities → emotion, metrics"
                    ],
                    [
                        'story',
                        'changed',
                        "Story 'Why' changed: slides Repair.Call “排队 15 分钟才接通：全程情绪最低点”, Repair.Visit “师傅上门后，情绪回升” → " +
                            'Repair.Call “排队 15 分钟才接通：全程情绪最低点”, Repair.Visit “师傅上门后，情绪回升到 4”'
                    ]
                ]);
            });
        });
    }

    it('formats views and stories one line each, keeping a lane named like a keyword on its line', async () => {
        const services = createTestServices();
        const messy =
            'persona Wang\nview V { journeys J\nlanes emotion,   stages\n persona Wang }\nview W {\n journeys J lanes steps, paths\n}\n' +
            'story S {\nview W show J.A "a"\n   show J.A\n}\njourney J { stage Q { step A { detail K exit } } }\njourney K { stage Q { step B { exit } } }\n';
        const document = await buildText(
            services,
            messy,
            join(repoRoot, 'test', 'fixtures', 'views', 'format.journey')
        );
        const edits = await services.Journey.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 2, insertSpaces: true }
        });
        const { TextDocument } = await import('vscode-languageserver-textdocument');
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        assert.equal(
            formatted,
            'persona Wang\nview V {\n  journeys J\n  lanes emotion, stages\n  persona Wang\n}\nview W {\n  journeys J\n  lanes steps, paths\n}\n' +
                'story S {\n  view W\n  show J.A "a"\n  show J.A\n}\njourney J { stage Q { step A { detail K exit } } }\njourney K { stage Q { step B { exit } } }\n'
        );
    });
});
