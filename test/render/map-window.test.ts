import * as assert from 'node:assert/strict';
import { allSteps } from '../../model/journey-model.js';
import { renderJourneyOverviewSvg } from '../../render/index.js';
import { isLargeJourney, largeMapSteps, mapWindowSteps, modelOfWindow, windowsOf } from '../../render/map-window.js';
import { assertWellFormedXml, largeJourneyText, modelOf } from './render-kit.js';

/** Large journeys are shown a window of steps at a time, after an overview of the windows. */
describe('large maps: windows and the overview', function () {
    this.timeout(60_000);

    it('cuts a journey into windows of consecutive steps, the last one shorter', async () => {
        const model = await modelOf(largeJourneyText(1234));
        const journey = model.journeys[0];
        assert.ok(isLargeJourney(journey) && 1234 > largeMapSteps);
        const windows = windowsOf(journey);
        assert.equal(windows.length, Math.ceil(1234 / mapWindowSteps));
        assert.deepEqual(windows.map(window => [window.from, window.to]).slice(-2), [[1000, 1200], [1200, 1234]]);
        assert.equal(windows[1].firstStage, 'Stage 5 阶段');
        assert.equal(windows[1].lastStage, 'Stage 9 阶段');
        assert.equal(windows.flatMap(window => window.steps).length, 1234, 'every step in exactly one window');
    });

    it('narrows the model to a window, cutting the stages at its edges', async () => {
        const model = await modelOf(largeJourneyText(1000, 150));
        const narrowed = modelOfWindow(model, 'Big', 1);
        const stages = narrowed.journeys[0].stages;
        assert.deepEqual(stages.map(stage => [stage.name, stage.steps.length]), [['S1', 100], ['S2', 100]]);
        assert.equal(allSteps(narrowed.journeys[0])[0].name, 'T200');
        assert.equal(modelOfWindow(model, 'Big', 99), model, 'a window that is not there leaves the model whole');
    });

    it('draws the overview: one clickable row per window with its stages, emotion line and counts', async () => {
        const model = await modelOf(largeJourneyText(1234));
        const svg = renderJourneyOverviewSvg(model, 'Big');
        assertWellFormedXml(svg);
        assert.equal(svg.match(/data-window="/g)?.length, 7);
        assert.match(svg, /Steps 1,201–1,234/);
        assert.match(svg, /Stage 5 阶段 → Stage 9 阶段/);
        assert.equal(svg.match(/<polyline class="spark"/g)?.length, 7);
        assert.match(svg, /67 pain points · 0 opportunities · 0 moments of truth/); // steps 0, 3, …, 198 of the first window
        assert.match(svg, /1,234 steps in 31 stages/);
    });

    it('keeps small journeys whole', async () => {
        const model = await modelOf(largeJourneyText(largeMapSteps));
        assert.equal(isLargeJourney(model.journeys[0]), false);
    });
});
