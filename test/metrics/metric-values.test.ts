import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { allSteps } from '../../model/journey-model.js';
import { formatMetricValue, formatTrend, trendOf } from '../../metrics/metric-format.js';
import { metricStatus } from '../../metrics/metric-status.js';
import { aggregateValues } from '../../metrics/stage-aggregate.js';
import { repoRoot } from '../journey-test-kit.js';
import { modelOf } from '../render/render-kit.js';

const dataDir = join(repoRoot, 'test', 'fixtures', 'validation');

describe('metric values: status, warning band, aggregation, time series and trend', () => {
    it('tells met, close and missed apart in both directions with a warning band', () => {
        const higher = { target: { comparison: '>=' as const, value: 12 }, warn: 2 };
        const lower = { target: { comparison: '<=' as const, value: 48 }, warn: 8 };
        assert.deepEqual(
            [12, 11, 10, 9.9].map(value => metricStatus(higher, value)),
            ['met', 'close', 'close', 'missed']
        );
        assert.deepEqual(
            [48, 50, 56, 56.5].map(value => metricStatus(lower, value)),
            ['met', 'close', 'close', 'missed']
        );
        assert.equal(metricStatus({ target: higher.target }, 11.99), 'missed', 'no band: a miss is a miss');
    });

    it('aggregates a stage\'s values by sum, mean, min, max and last', () => {
        const values = [3, 1, 4, 1, 5];
        assert.deepEqual(
            (['sum', 'mean', 'min', 'max', 'last'] as const).map(how => aggregateValues(values, how)),
            [14, 2.8, 1, 5, 5]
        );
    });

    it('sums counts and money, averages the rest, and uses the metric\'s own aggregation', async () => {
        const model = await modelOf(`metric n "Orders" count
metric r "Revenue" currency CNY target >= 100
metric t "Hours" duration target <= 10 warn 2 aggregate max
metric c "CSAT" scale 1..5
journey J { stage S {
  step A { metric n = 3 metric r = 40 metric t = 4 metric c = 3 }
  step B { metric n = 5 metric r = 70 metric t = 11 metric c = 4 }
} }`);
        const stage = model.journeys[0].stages[0];
        assert.deepEqual(
            stage.metrics.map(aggregate => [
                aggregate.metric,
                aggregate.value,
                aggregate.aggregate,
                aggregate.count,
                aggregate.status
            ]),
            [
                ['n', 8, 'sum', 2, 'no-target'],
                ['r', 110, 'sum', 2, 'met'],
                ['t', 11, 'max', 2, 'close'],
                ['c', 3.5, 'mean', 2, 'no-target']
            ]
        );
        assert.equal(formatMetricValue(110, model.metrics.find(metric => metric.name === 'r')), '110 CNY');
    });

    it('reads a period column as a time series: the latest period is the value, the one before gives the trend', async () => {
        const model = await modelOf(
            `metric csat "CSAT" scale 1..5 target >= 4.2 warn 0.3
data survey "data/survey-months.csv" period 月份
journey J { stage S { step A { metric csat = survey.满意度 where 环节 = "联系客服" } } }`,
            join(dataDir, 'series.journey')
        );
        const value = allSteps(model.journeys[0])[0].metrics[0];
        assert.deepEqual(value.series, [
            { period: '2026-9', value: 3.5 },
            { period: '2026-10', value: 3.8 },
            { period: '2026-11', value: 4 }
        ]);
        assert.equal(value.value, 4);
        assert.equal(value.status, 'close');
        assert.equal(value.origin?.line, 7, 'the CSV line of the latest row');
        const trend = trendOf(value, model.metrics[0])!;
        assert.equal(formatTrend(trend), '+0.2 since 2026-10 (better)');
    });

    it('says a trend is worse when a lower-is-better value rises', async () => {
        const trend = trendOf(
            {
                metric: 'd',
                status: 'missed',
                value: 31,
                series: [
                    { period: 'W1', value: 25 },
                    { period: 'W2', value: 31 }
                ]
            },
            { name: 'd', unit: 'percent', target: { comparison: '<=', value: 20 }, aggregate: 'mean' }
        );
        assert.equal(formatTrend(trend!), '+6 pp since W1 (worse)', 'a percentage changes by percentage points');
    });
});
