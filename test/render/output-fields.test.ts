import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { comparedFields } from '../../diff/model-fields.js';
import type { JourneyModel } from '../../model/journey-model.js';
import {
    renderJourneyHtml,
    renderJourneyMapSvg,
    renderJourneyMarkdown,
    renderMermaidJourney
} from '../../render/index.js';
import {
    journeyOutputs,
    outputs,
    personaOutputs,
    stageOutputs,
    stepOutputs,
    type Carried,
    type Output
} from '../../render/output-fields.js';
import { runCli, workspaceWith } from '../cli/cli-runner.js';
import { buildText, createTestServices, repoRoot } from '../journey-test-kit.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'outputs', 'every-field.journey');

type Markers<Table> = { [Field in keyof Table]: string[] };

/** What shows each field of the fixture's first step in an output: any one of these texts. */
const stepMarkers: Markers<typeof stepOutputs> = {
    name: ['"First"'],
    title: ['Titlemark'],
    personas: ['■ Bo', 'Ana, Bo', '"Bo"'],
    channels: ['Channelmark', '"Web"'],
    touchpoints: ['Touchmark'],
    emotion: ['feelingmark', 'Titlemark: 3'],
    personaEmotions: ['bofeelingmark', 'Titlemark: 2: Bo'],
    measuredEmotion: ['n = 3', '"n":3'],
    quotes: ['Quotemark'],
    pains: ['Painmark'],
    opportunities: ['Ideamark'],
    opportunityRefs: ['Namedmark', '"Named"'],
    owners: ['Stepownermark'],
    claims: ['Evidencemark'],
    blueprint: ['Frontmark'],
    failPoints: ['Failmark'],
    momentsOfTruth: ['Momentmark'],
    metrics: ['42.5'],
    next: ['→ Nexttitlemark', '"Second"'],
    exit: ['⏏', '"exit":true'],
    events: ['Eventmark'],
    detail: ['In detail: Detailtitlemark', '"detail":"Deep"'],
    detailSummary: ['− 1 pains in', 'rolled up: 1 pains', '"rolledUpPains":1'],
    range: ['"range"']
};

/** The same for the persona Ana, the journey and its stage. */
const personaMarkers: Markers<typeof personaOutputs> = {
    name: ['"Ana"', ': Ana'],
    title: ['Personamark'],
    role: ['Rolemark'],
    goals: ['Goalmark'],
    frustrations: ['Frustrationmark'],
    quote: ['Personaquotemark'],
    documentation: ['Personadocmark'],
    range: ['"range"']
};
const journeyMarkers: Markers<typeof journeyOutputs> = {
    name: ['"Every"'],
    title: ['Journeymark'],
    documentation: ['Journeydocmark'],
    accessibleTitle: ['Acctitlemark'],
    personas: ['Ana Personamark', '"Ana"', ': Ana'],
    starts: ['"starts":["First"]'],
    emotionScale: ['1..5', '1 to 5', '"min":1'],
    stages: ['Stagemark'],
    observedPaths: ['follow the map', '"observedPaths"'],
    range: ['"range"']
};
const stageMarkers: Markers<typeof stageOutputs> = {
    name: ['"Only"'],
    title: ['Stagemark'],
    steps: ['Titlemark'],
    metrics: ['"aggregate"', 'mean of', '42.5'],
    range: ['"range"']
};

const tables: Array<{ element: 'step' | 'persona' | 'journey' | 'stage'; table: Record<string, Record<Output, Carried>>;
    markers: Record<string, string[]> }> = [
    { element: 'step', table: stepOutputs, markers: stepMarkers },
    { element: 'persona', table: personaOutputs, markers: personaMarkers },
    { element: 'journey', table: journeyOutputs, markers: journeyMarkers },
    { element: 'stage', table: stageOutputs, markers: stageMarkers }
];

/** Every output of the fixture, as the text a reader (or a tool) gets. */
async function renderAll(): Promise<Record<Exclude<Output, 'pr-comment'>, string>> {
    const services = createTestServices();
    const document = await buildText(services, readFileSync(fixture, 'utf8'), fixture);
    const model: JourneyModel = await services.Journey.journey.ModelBuilder.build(document);
    const journey = model.journeys[0];
    const map = renderJourneyMapSvg(model, journey.name);
    return {
        map,
        html: renderJourneyHtml(journey, map, 'auto'),
        site: sitePages(),
        md: renderJourneyMarkdown(model, journey),
        textconv: runCli(['textconv', fixture]).stdout,
        mermaid: renderMermaidJourney(journey, model.personas),
        json: JSON.stringify(model)
    };
}

/** The journey's page of `journeymap site` and the pictures of its views. */
function sitePages(): string {
    const folder = workspaceWith({});
    try {
        const result = runCli([
            'site',
            join(repoRoot, 'test', 'fixtures', 'outputs'),
            '-o',
            join(folder, 'site'),
            '--root',
            repoRoot
        ]);
        assert.equal(result.status, 0, result.stderr);
        const pages = join(folder, 'site', 'j');
        return readdirSync(pages)
            .filter(name => /\.(html|svg)$/.test(name))
            .map(name => readFileSync(join(pages, name), 'utf8'))
            .join('\n');
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

function unescaped(text: string): string {
    return text
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#39;/g, "'");
}

describe('what each output carries of a step (render/output-fields.ts)', function () {
    this.timeout(120_000);
    let rendered: Awaited<ReturnType<typeof renderAll>>;
    before(async () => { rendered = await renderAll(); });

    for (const output of outputs.filter((each): each is Exclude<Output, 'pr-comment'> => each !== 'pr-comment')) {
        it(`${output}: shows every field the table says it shows`, () => {
            const text = unescaped(rendered[output]);
            const missing = tables.flatMap(({ element, table, markers }) =>
                Object.entries(table)
                    .filter(
                        ([field, carried]) =>
                            carried[output] === 'shown' && !markers[field].some(marker => text.includes(marker))
                    )
                    .map(([field]) => `${element}.${field}`)
            );
            assert.deepEqual(missing, [], `${output} leaves out fields the table says it shows`);
        });
    }

    it('pr-comment: shows exactly the fields the semantic diff compares', () => {
        for (const { element, table } of tables) {
            const compared = comparedFields(element);
            for (const [field, carried] of Object.entries(table)) {
                assert.equal(
                    carried['pr-comment'] === 'shown',
                    compared.includes(field),
                    `${element}.${field}: the table and the diff disagree`
                );
            }
        }
    });

    it('gives a reason for every field an output leaves out, and the picture leaves out nothing the map is for', () => {
        for (const { element, table } of tables) {
            for (const [field, carried] of Object.entries(table)) {
                for (const output of outputs) {
                    const entry = carried[output];
                    assert.ok(
                        entry === 'shown' || entry.leftOut.length > 10,
                        `${element}.${field} in ${output}: no reason`
                    );
                }
            }
        }
        const leftOffMap = Object.entries(stepOutputs)
            .filter(([, carried]) => carried.map !== 'shown')
            .map(([field]) => field)
            .sort();
        assert.deepEqual(leftOffMap, ['blueprint', 'events', 'failPoints', 'name', 'range']);
    });
});
