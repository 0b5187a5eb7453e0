/**
 * bench/diff: two versions of a journey of 1,000 and 10,000 steps, 10 % of the steps renamed
 * and 10 % moved, compared as `journeymap diff` and the preview's compare mode do (the
 * semantic diff and the emotion curves). The baseline, measured in the same run, is
 * `JSON.parse` of both models' JSON. Target: the diff in at most 20× the baseline.
 * Run with `npm run bench:diff`; never part of `npm test`.
 */
import { performance } from 'node:perf_hooks';
import { compareEmotions } from '../diff/emotion-comparison.js';
import { diffJourneyModels } from '../diff/journey-diff.js';
import type { JourneyModel, StageModel, StepModel } from '../model/journey-model.js';

const sizes = [1_000, 10_000];
const runs = Number(process.env.BENCH_RUNS ?? 7);
const targetRatio = 20;

function step(index: number): StepModel {
    return {
        name: `T${index}`,
        title: `Step ${index} 看到广告`,
        personas: [],
        channels: ['Web'],
        touchpoints: [`Touchpoint ${index}`],
        emotion: { score: 1 + (index % 5), feeling: 'curious' },
        pains: index % 3 === 0 ? [`Pain ${index}: shipping costs appear late`] : [],
        opportunities: [],
        momentsOfTruth: [],
        metrics: [{ metric: 'conversion', value: index % 100, status: 'met' }],
        next: [`T${index + 1}`],
        exit: false
    };
}

function version(steps: number): JourneyModel {
    const stages: StageModel[] = Array.from({ length: steps / 10 }, (_, index) => ({
        name: `S${index}`,
        title: `Stage ${index} 阶段`,
        steps: [],
        metrics: []
    }));
    for (let index = 0; index < steps; index++) stages[Math.floor(index / 10)].steps.push(step(index));
    return {
        uri: 'file:///bench.journey',
        imports: [],
        personas: [],
        channels: [{ name: 'Web', kind: 'online' }],
        metrics: [{ name: 'conversion', unit: 'percent', target: { comparison: '>=', value: 12 }, aggregate: 'mean' }],
        dataSources: [],
        journeys: [{ name: 'Bench', personas: [], emotionScale: { min: 1, max: 5 }, stages }]
    };
}

/**
 * Every tenth step renamed (same content, new name, and the `next` that points at it); every tenth, offset by five,
 * moved to the next stage.
 */
function edited(model: JourneyModel): JourneyModel {
    const copy: JourneyModel = structuredClone(model);
    const stages = copy.journeys[0].stages;
    const renamed = new Map(stages.map(stage => [stage.steps[0].name, `${stage.steps[0].name}_renamed`]));
    for (const step of stages.flatMap(stage => stage.steps))
        step.next = step.next.map(name => renamed.get(name) ?? name);
    stages.forEach((stage, index) => {
        stage.steps[0].name = renamed.get(stage.steps[0].name)!;
        const moved = stage.steps.splice(5, 1)[0];
        stages[(index + 1) % stages.length].steps.push(moved);
    });
    return copy;
}

function median(values: number[]): number {
    return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function time(action: () => unknown): number {
    const start = performance.now();
    action();
    return performance.now() - start;
}

console.log(`semantic diff of two versions (10 % renamed, 10 % moved), median of ${runs} runs`);
console.log(
    'steps'.padStart(8) +
        'JSON.parse (ms)'.padStart(18) +
        'diff (ms)'.padStart(12) +
        'ratio'.padStart(8) +
        'changes'.padStart(10) +
        '  target'
);
for (const size of sizes) {
    const before = version(size);
    const after = edited(before);
    const texts = [JSON.stringify(before), JSON.stringify(after)];
    const baseline = median(Array.from({ length: runs }, () => time(() => texts.map(text => JSON.parse(text)))));
    let changes = 0;
    const diff = median(Array.from({ length: runs }, () => time(() => {
        changes = diffJourneyModels(before, after).length;
        compareEmotions(before, after);
    })));
    const ratio = diff / baseline;
    console.log(
        String(size).padStart(8) +
            baseline.toFixed(1).padStart(18) +
            diff.toFixed(1).padStart(12) +
            `${ratio.toFixed(1)}×`.padStart(8) +
            String(changes).padStart(10) +
            `  ≤ ${targetRatio}× ${ratio <= targetRatio ? 'met' : 'MISSED'}`
    );
}
