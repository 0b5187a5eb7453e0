import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JourneyModel } from '../../model/journey-model.js';
import { applyDelta, deltaOf } from '../../protocol/model-delta.js';
import { exampleModels } from '../render/render-kit.js';

/** What crosses a process or a webview: JSON. */
const wire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

describe('model deltas (the preview is sent what changed)', () => {
    it('rebuilds any JSON value from the one before and the delta, after both crossed as JSON', () => {
        const json = fc.jsonValue({ maxDepth: 4 });
        fc.assert(fc.property(json, json, (before, after) => {
            const older = wire(before);
            assert.deepEqual(applyDelta(older, wire(deltaOf(older, wire(after)))), wire(after));
        }), { numRuns: 1000 });
        // Neighbours, as edits make them: the same value with one leaf changed, a key dropped or an item added.
        fc.assert(
            fc.property(
                fc
                    .array(
                        fc.record({
                            name: fc.string(),
                            emotion: fc.integer({ min: 1, max: 5 }),
                            notes: fc.array(fc.string(), { maxLength: 3 })
                        }),
                        { minLength: 1, maxLength: 20 }
                    )
                    .map(wire),
                fc.nat(),
                fc.string(),
                (steps, at, text) => {
                    const changed = steps.map((step, index) =>
                        index === at % steps.length ? { ...step, notes: [...step.notes, text] } : step
                    );
                    assert.deepEqual(applyDelta(steps, wire(deltaOf(steps, changed))), changed);
                    const shorter = steps.slice(1);
                    assert.deepEqual(applyDelta(steps, wire(deltaOf(steps, shorter))), shorter);
                }
            ),
            { numRuns: 300 }
        );
    });

    it('carries one typed character of a 1,000-step map in a few hundred bytes, and shares what was kept', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        const stage = model.journeys[0].stages[0];
        const steps = Array.from({ length: 1000 }, (_, index) => ({
            ...stage.steps[index % stage.steps.length],
            name: `S${index}`,
            title: `Step ${index} 看到广告`
        }));
        const big: JourneyModel = wire({
            ...model,
            journeys: [{ ...model.journeys[0], stages: [{ ...stage, steps }] }]
        });
        const edited: JourneyModel = wire(big);
        edited.journeys[0].stages[0].steps[500].title += '改';
        const delta = JSON.stringify(deltaOf(big, edited));
        assert.ok(
            delta.length < 1000 && JSON.stringify(edited).length > 300_000,
            `${delta.length} bytes of delta for ${JSON.stringify(edited).length} of model`
        );
        const rebuilt = applyDelta(big, JSON.parse(delta));
        assert.deepEqual(rebuilt, edited);
        assert.equal(
            rebuilt.journeys[0].stages[0].steps[499],
            big.journeys[0].stages[0].steps[499],
            'an unchanged step is the one held before'
        );
        assert.equal(
            deltaOf(big, wire(big)) !== undefined && JSON.stringify(deltaOf(big, wire(big))),
            '{"$kept":1}',
            'an unchanged model is one mark'
        );
    });
});
