import * as assert from 'node:assert/strict';
import { funnelsOf } from '../../metrics/funnel.js';
import { renderFunnelSvg } from '../../render/index.js';
import { assertWellFormedXml, exampleModels, modelOf } from './render-kit.js';

describe('funnel view', () => {
    it('computes conversion and drop-off between the steps that carry a count, in journey order', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        const [funnel] = funnelsOf(model.journeys[0], model.metrics);
        assert.deepEqual(
            funnel.steps.map(step => [step.step, step.value]),
            [
                ['SeeAd', 120000],
                ['Compare', 17400],
                ['Checkout', 1580]
            ]
        );
        assert.deepEqual(funnel.transitions, [{ conversion: 14.5, dropOff: 85.5 }, { conversion: 9.1, dropOff: 90.9 }]);
        const svg = renderFunnelSvg(model, undefined);
        assertWellFormedXml(svg);
        assert.match(svg, /↓ 14\.5% go on · 85\.5% drop off/);
        assert.match(svg, /aria-label="Sees a social ad: 120,000"/);
    });

    it('needs two steps with a count, survives a zero, and says what to add when there is none', async () => {
        const model = await modelOf(
            'metric n count\nmetric p percent\njourney J { stage S { step A "<b>x</b>" { metric n = 0 metric p = 3 } step B { metric n = 0 } step C { metric p = 5 } } }'
        );
        const [funnel] = funnelsOf(model.journeys[0], model.metrics);
        assert.deepEqual(funnel.transitions, [{ conversion: 0, dropOff: 100 }]);
        assertWellFormedXml(renderFunnelSvg(model, 'J'));
        assert.doesNotMatch(renderFunnelSvg(model, 'J'), /<b>/);
        const none = await modelOf('metric n count\njourney J { stage S { step A { metric n = 4 } } }');
        assert.match(renderFunnelSvg(none, 'J'), /No funnel yet: give two or more steps a value of a count metric/);
    });
});
