import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { diffJourneyModels } from '../../diff/journey-diff.js';
import { comparedFields, ruleOf, type ElementKind } from '../../diff/model-fields.js';
import type { JourneyModel } from '../../model/journey-model.js';
import { buildDocuments, createTestServices, examplesDir, journeyFilesIn } from '../journey-test-kit.js';
import { journeyModelArbitrary, text } from './model-arbitrary.js';
import { seededRandom } from '../seeded-random.js';

/**
 * One field of one element of a model, to change: what the diff must then report. The slots
 * are read off the diff's own field table, so a field added to the table is mutated here too.
 */
interface Slot {
    element: ElementKind;
    field: string;
    owner: Record<string, unknown>;
    /** The path the change must carry. */
    path: string;
    /** Names a `names` field may hold (personas of the file, other steps of the journey). */
    candidates: string[];
}

function slotsOf(model: JourneyModel): Slot[] {
    const slots: Slot[] = [];
    const add = (
        element: ElementKind,
        owner: object,
        path: string,
        candidates: (field: string) => string[] = () => []
    ) => {
        for (const field of comparedFields(element)) {
            if (ruleOf(element, field).role !== 'elements')
                slots.push({
                    element,
                    field,
                    owner: owner as Record<string, unknown>,
                    path,
                    candidates: candidates(field)
                });
        }
    };
    add('file', model, 'a.journey');
    for (const entry of model.imports) add('import', entry, entry.path);
    for (const persona of model.personas) add('persona', persona, persona.name);
    for (const channel of model.channels) add('channel', channel, channel.name);
    for (const metric of model.metrics) add('metric', metric, metric.name);
    for (const source of model.dataSources) add('data-source', source, source.name);
    const personas = model.personas.map(persona => persona.name);
    for (const journey of model.journeys) {
        const steps = journey.stages.flatMap(stage => stage.steps.map(step => step.name));
        add('journey', journey, journey.name, field => (field === 'starts' ? steps : personas));
        for (const stage of journey.stages) {
            add('stage', stage, `${journey.name} › ${stage.name}`);
            for (const step of stage.steps) {
                const path = `${journey.name} › ${stage.name} › ${step.name}`;
                add('step', step, path, field =>
                    field === 'personas'
                        ? personas
                        : field === 'channels'
                          ? model.channels.map(channel => channel.name)
                          : steps.filter(other => other !== step.name)
                );
                if (step.emotion) add('emotion', step.emotion, path);
                for (const emotion of step.personaEmotions ?? []) add('persona-emotion', emotion, path);
                for (const value of step.metrics) add('metric-value', value, path);
            }
        }
    }
    return slots;
}

/** A value of a `value` field other than the current one (`choice` picks among the ways). */
function otherValue(slot: Slot, choice: number): unknown {
    const current = slot.owner[slot.field];
    const pick = <T,>(options: T[]) =>
        options.filter(option => JSON.stringify(option) !== JSON.stringify(current))[choice % (options.length - 1)];
    const required =
        ['emotionScale', 'aggregate', 'score', 'exit', 'path'].includes(slot.field) ||
        (slot.element === 'import' && slot.field === 'path');
    if (current !== undefined && !required && choice % 3 === 0) return undefined;
    switch (slot.field) {
        case 'kind':
            return pick(['online', 'offline']);
        case 'unit':
            return pick(['percent', 'score', 'count', 'duration', 'nps', 'ces']);
        case 'currency':
            return pick(['CNY', 'EUR']);
        case 'scale':
        case 'emotionScale':
            return pick([
                { min: 1, max: 5 },
                { min: 1, max: 7 },
                { min: 0, max: 10 }
            ]);
        case 'target':
            return pick([
                { comparison: '>=', value: 12 },
                { comparison: '<=', value: 12 },
                { comparison: '>=', value: 70 }
            ]);
        case 'warn':
        case 'value':
        case 'score':
            return pick([1, 2, 3, 4, 5]);
        case 'aggregate':
            return pick(['sum', 'mean', 'min', 'last']);
        case 'path':
            return pick(['analytics/funnel.csv', 'research/调研.csv', 'data/新.csv']);
        case 'period':
            return pick(['week', 'month', 'day']);
        case 'alias':
            return pick(['shared', 'people', '共享']);
        case 'feeling':
            return pick(['curious', 'anxious', '烦躁', '愤怒']);
        case 'exit':
            return !current;
        case 'sample':
            return pick([{ n: 10, margin: 18 }, { n: 40, margin: 9.5 }, { n: 1 }]);
        case 'query':
            return pick([
                { path: 'queries/funnel.sql', engine: 'duckdb' },
                { path: 'queries/funnel.sql', engine: 'postgres' },
                { path: 'queries/新.sql', engine: 'duckdb' }
            ]);
        case 'measuredEmotion':
            return pick([
                {
                    score: 3.9,
                    mean: 7.3,
                    answerScale: { min: 0, max: 10 },
                    n: 10,
                    link: { source: 'D0', column: 'score', conditions: [{ key: 'step', value: 'checkout' }] }
                },
                {
                    score: 2.2,
                    mean: 3,
                    answerScale: { min: 0, max: 10 },
                    n: 45,
                    link: { source: 'D0', column: 'score', conditions: [] }
                }
            ]);
        case 'link':
            return pick([
                { source: 'D0', column: 'conversion', conditions: [] },
                { source: 'D0', column: '转化率', conditions: [{ key: 'step', value: 'see-ad' }] }
            ]);
        default:
            return pick([`${current ?? ''} 改`, '新的 text', 'another text entirely']);
    }
}

/**
 * Changes exactly the slot's field; undefined when this field cannot change that way (an empty list to remove from).
 */
function mutate(slot: Slot, choice: number, newText: string): boolean {
    const rule = ruleOf(slot.element, slot.field);
    if (rule.role === 'texts' || rule.role === 'names') slot.owner[slot.field] ??= []; // an optional list (`starts`) may be left out
    const list = slot.owner[slot.field] as string[];
    if (rule.role === 'value') {
        slot.owner[slot.field] = otherValue(slot, choice);
        if (slot.owner[slot.field] === undefined) delete slot.owner[slot.field];
        return true;
    }
    if (rule.role === 'texts') {
        if (list.includes(newText) || list.some(item => item.includes(newText) || newText.includes(item))) return false;
        const index = choice % Math.max(1, list.length);
        if (choice % 3 === 0 || list.length === 0) list.push(newText);
        else if (choice % 3 === 1) list.splice(index, 1);
        else list[index] = `${list[index]} ${newText}`;
        return true;
    }
    if (rule.role === 'names') {
        const missing = slot.candidates.filter(name => !list.includes(name));
        if (choice % 3 === 0 && missing.length > 0) list.push(missing[choice % missing.length]);
        else if (choice % 3 === 1 && list.length > 0) list.splice(choice % list.length, 1);
        else if (choice % 3 === 2 && rule.ordered && list.length > 1) list.push(list.shift()!);
        else return false;
        return true;
    }
    return false;
}

const singleFieldRuns = Number(process.env.DIFF_PROPERTY_RUNS ?? 10_000);

describe('the diff reports exactly what changed (properties)', () => {
    it(`reports one change, naming the field and the element, when one field of any valid model changes (${singleFieldRuns} cases)`, () => {
        fc.assert(
            fc.property(journeyModelArbitrary(), fc.nat(), fc.nat(), text, (model, where, choice, newText) => {
                const changed = structuredClone(model);
                const slots = slotsOf(changed);
                fc.pre(slots.length > 0);
                const slot = slots[where % slots.length];
                fc.pre(mutate(slot, choice, newText));
                const changes = diffJourneyModels(model, changed);
                assert.equal(
                    changes.length,
                    1,
                    `${slot.element}.${slot.field} at ${slot.path}: ${JSON.stringify(changes.map(change => change.summary))}`
                );
                assert.equal(changes[0].element, slot.element);
                assert.equal(changes[0].field, slot.field);
                assert.equal(changes[0].path, slot.path);
                assert.ok(changes[0].summary.length > 0);
            }),
            { numRuns: singleFieldRuns }
        );
    });

    it('reports nothing when only order without meaning, presentation or derived fields change', () => {
        fc.assert(fc.property(journeyModelArbitrary(), fc.nat(), (model, seed) => {
            const random = seededRandom(seed);
            const changed = structuredClone(model);
            changed.uri = 'file:///elsewhere/b.journey';
            for (const list of [
                changed.imports,
                changed.personas,
                changed.channels,
                changed.metrics,
                changed.dataSources,
                changed.journeys
            ])
                shuffle(list as unknown[], random);
            const range = { uri: changed.uri, start: { line: 3, character: 1 }, end: { line: 4, character: 0 } };
            for (const persona of changed.personas)
                Object.assign(shuffleTexts(persona, ['goals', 'frustrations'], random), { range });
            for (const journey of changed.journeys) {
                shuffle(journey.personas, random);
                journey.range = range;
                for (const stage of journey.stages) {
                    stage.metrics = [{ metric: 'M0', value: 3, aggregate: 'sum', count: 1, status: 'met' }];
                    for (const step of stage.steps) {
                        shuffleTexts(
                            step,
                            ['touchpoints', 'pains', 'opportunities', 'momentsOfTruth', 'personas', 'channels'],
                            random
                        );
                        shuffle(step.metrics, random);
                        step.range = range;
                        for (const value of step.metrics)
                            Object.assign(value, {
                                origin: { uri: 'file:///data.csv', line: 7 },
                                series: [{ period: '2026-W01', value: 1 }],
                                status: 'close'
                            });
                    }
                }
            }
            assert.deepEqual(diffJourneyModels(model, changed), []);
        }), { numRuns: 2_000 });
    });

    it('reports nothing when whitespace, comments and line breaks around every token of the examples change', async () => {
        const files = journeyFilesIn(examplesDir);
        const original = await modelsOf(Object.fromEntries(files.map(file => [file, readFileSync(file, 'utf8')])));
        const lexer = createTestServices().Journey.parser.Lexer;
        await fc.assert(
            fc.asyncProperty(fc.nat(), async seed => {
                const random = seededRandom(seed);
                const separators = [' ', '\n', '\t ', '\n\n  ', ' /* 注释 comment */ ', ' // 一行 note\n', '\r\n'];
                const texts = Object.fromEntries(
                    files.map(file => {
                        // Documentation comments (`/** … */`) are part of what the map says; every other comment and
                        // all whitespace are not.
                        const lexed = lexer.tokenize(readFileSync(file, 'utf8'));
                        const tokens = [
                            ...lexed.tokens,
                            ...lexed.hidden.filter(token => token.image.startsWith('/**'))
                        ].sort((a, b) => a.startOffset - b.startOffset);
                        // A comment between a documentation comment and its declaration would take its place, so only
                        // whitespace goes there.
                        const separator = (after: string) =>
                            after.startsWith('/**') ? '\n' : separators[Math.floor(random() * separators.length)];
                        return [
                            file,
                            tokens
                                .map(
                                    (token, index) =>
                                        (index === 0 ? '' : separator(tokens[index - 1].image)) + token.image
                                )
                                .join('')
                        ];
                    })
                );
                const reformatted = await modelsOf(texts);
                files.forEach((file, index) =>
                    assert.deepEqual(diffJourneyModels(original[index], reformatted[index]), [], file)
                );
            }),
            { numRuns: 15 }
        );
    });
});

async function modelsOf(texts: Record<string, string>): Promise<JourneyModel[]> {
    const services = createTestServices();
    const documents = await buildDocuments(services, texts);
    return Promise.all(documents.map(document => services.Journey.journey.ModelBuilder.build(document)));
}

function shuffleTexts<T extends object>(owner: T, fields: string[], random: () => number): T {
    for (const field of fields) shuffle((owner as Record<string, unknown[]>)[field], random);
    return owner;
}

function shuffle(list: unknown[], random: () => number): void {
    for (let index = list.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1));
        [list[index], list[other]] = [list[other], list[index]];
    }
}

