import * as assert from 'node:assert/strict';
import { allSteps } from '../../model/journey-model.js';
import { metricStatus } from '../../metrics/metric-status.js';
import { exampleModels, modelOf } from './render-kit.js';

describe('JourneyModel builder', () => {
    it('builds the checkout example with its imported persona, channels, metrics and data-linked values', async () => {
        const models = await exampleModels();
        const { model } = models.find(entry => entry.file.endsWith('checkout.journey'))!;
        const journey = model.journeys[0];
        assert.equal(journey.name, 'FirstPurchase');
        assert.deepEqual(journey.personas, ['Ana']);
        assert.equal(model.personas[0].quote, '我只想知道总价。');
        assert.deepEqual(journey.stages.map(stage => stage.name), ['Awareness', 'Consideration', 'Purchase']);
        const seeAd = allSteps(journey)[0];
        assert.deepEqual(seeAd.emotion, { score: 3, feeling: 'curious', note: 'Interested, but no price shown' });
        assert.deepEqual(seeAd.metrics[0], {
            metric: 'conversion',
            value: 14.5,
            status: 'met',
            link: { source: 'funnel', column: 'conversion', conditions: [{ key: 'step', value: 'see-ad' }] },
            origin: { uri: seeAd.metrics[0].origin!.uri, line: 11 },
            series: [
                { period: '2026-W44', value: 11.2 },
                { period: '2026-W45', value: 12.8 },
                { period: '2026-W46', value: 13.9 },
                { period: '2026-W47', value: 14.5 }
            ],
            range: seeAd.metrics[0].range
        });
        assert.match(seeAd.metrics[0].origin!.uri, /examples\/shop\/analytics\/funnel\.csv$/);
        assert.deepEqual(
            journey.stages[2].metrics.map(aggregate => [
                aggregate.metric,
                aggregate.value,
                aggregate.aggregate,
                aggregate.status
            ]),
            [
                ['conversion', 71, 'mean', 'met'],
                ['visitors', 1580, 'sum', 'no-target'],
                ['orders', 1122, 'sum', 'no-target'],
                ['revenue', 62832, 'sum', 'met'],
                ['csat', 4.4, 'mean', 'met']
            ]
        );
        assert.ok(seeAd.range && seeAd.range.uri.endsWith('checkout.journey') && seeAd.range.start.line > 0);
        assert.ok(model.channels.some(channel => channel.name === 'Social' && channel.kind === 'online'));
        assert.ok(model.metrics.some(metric => metric.name === 'dropoff' && metric.target?.comparison === '<='));
    });

    it('is plain data: it survives a JSON round trip unchanged', async () => {
        for (const { model } of await exampleModels()) {
            assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
        }
    });

    it('leaves out what does not resolve and marks unreadable data as no-data', async () => {
        const model = await modelOf(
            'metric m percent target >= 10\ndata d "nope.csv"\njourney J { persona Ghost stage S { step A { channel Nowhere metric m = d.x where k = "v" next Missing } } }'
        );
        const step = allSteps(model.journeys[0])[0];
        assert.deepEqual(model.journeys[0].personas, []);
        assert.deepEqual(step.channels, []);
        assert.deepEqual(step.next, []);
        assert.equal(step.metrics[0].status, 'no-data');
        assert.equal(step.metrics[0].value, undefined);
    });

    it('computes status against the target direction', () => {
        const higher = { name: 'c', target: { comparison: '>=' as const, value: 12 } };
        const lower = { name: 'd', target: { comparison: '<=' as const, value: 20 } };
        assert.equal(metricStatus(higher, 12), 'met');
        assert.equal(metricStatus(higher, 11.9), 'missed');
        assert.equal(metricStatus(lower, 31), 'missed');
        assert.equal(metricStatus(lower, 20), 'met');
        assert.equal(metricStatus({}, 3), 'no-target');
        assert.equal(metricStatus(higher, undefined), 'no-data');
    });
});
