import * as fc from 'fast-check';
import type {
    ChannelModel,
    DataSourceModel,
    EmotionModel,
    ImportModel,
    JourneyMapModel,
    JourneyModel,
    MetricModel,
    MetricStatus,
    MetricValueModel,
    PersonaModel,
    StageModel,
    StepModel
} from '../../model/journey-model.js';

/** Words of both languages of our users, to make texts of. */
const words = [
    'price',
    'shipping',
    'cart',
    'support',
    'slow',
    'app',
    'store',
    'ad',
    'invoice',
    '价格',
    '运费',
    '客服',
    '排队',
    '退货',
    '门店',
    '优惠'
];

export const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map(list => list.join(' '));
const texts = fc.uniqueArray(text, { maxLength: 3 });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const feeling = fc.constantFrom('curious', 'anxious', 'relieved', '烦躁', '愤怒', '期待');
const statuses: MetricStatus[] = ['met', 'close', 'missed', 'no-target', 'no-data'];

/** A subset of names, in random order. */
const someOf = (names: string[]) => fc.shuffledSubarray(names);

/** A JourneyModel as the model builder makes it from a valid map: unique names, references that resolve. */
export function journeyModelArbitrary(): fc.Arbitrary<JourneyModel> {
    return fc
        .record({
            personaCount: fc.nat(3),
            channelCount: fc.nat(3),
            metricCount: fc.nat(3),
            sourceCount: fc.nat(2),
            importCount: fc.nat(2),
            journeyShapes: fc.array(fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
        })
        .chain(({ personaCount, channelCount, metricCount, sourceCount, importCount, journeyShapes }) => {
            const personaNames = names('P', personaCount);
            const channelNames = names('C', channelCount);
            const metricNames = names('M', metricCount);
            const sourceNames = names('D', sourceCount);
            let stepCounter = 0;
            const journeys = journeyShapes.map((stageSizes, index) => {
                const stepNames = stageSizes.map(size => Array.from({ length: size }, () => `T${stepCounter++}`));
                return journeyArbitrary(`J${index}`, stepNames, personaNames, channelNames, metricNames, sourceNames);
            });
            return fc.record({
                uri: fc.constant('file:///maps/a.journey'),
                language: fc.constantFrom(undefined, 'zh-cn', 'en'),
                imports: fc.tuple(...names('f', importCount).map(name => importArbitrary(name))),
                personas: fc.tuple(...personaNames.map(personaArbitrary)),
                channels: fc.tuple(...channelNames.map(channelArbitrary)),
                metrics: fc.tuple(...metricNames.map(metricArbitrary)),
                dataSources: fc.tuple(...sourceNames.map(dataSourceArbitrary)),
                journeys: fc.tuple(...journeys)
            });
        });
}

function names(prefix: string, count: number): string[] {
    return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}

function importArbitrary(name: string): fc.Arbitrary<ImportModel> {
    return fc.record(
        { path: fc.constant(`./${name}.journey`), alias: optional(fc.constantFrom('shared', 'people', '共享')) },
        { requiredKeys: ['path'] }
    );
}

function personaArbitrary(name: string): fc.Arbitrary<PersonaModel> {
    return fc.record(
        {
            name: fc.constant(name),
            title: optional(text),
            role: optional(text),
            goals: texts,
            frustrations: texts,
            quote: optional(text),
            documentation: optional(text)
        },
        { requiredKeys: ['name', 'goals', 'frustrations'] }
    );
}

function channelArbitrary(name: string): fc.Arbitrary<ChannelModel> {
    return fc.record(
        {
            name: fc.constant(name),
            title: optional(text),
            kind: optional(fc.constantFrom('online' as const, 'offline' as const))
        },
        { requiredKeys: ['name'] }
    );
}

function metricArbitrary(name: string): fc.Arbitrary<MetricModel> {
    return fc.record(
        {
            name: fc.constant(name),
            title: optional(text),
            unit: optional(fc.constantFrom('percent' as const, 'score' as const, 'count' as const)),
            scale: optional(fc.constantFrom({ min: 1, max: 5 }, { min: 0, max: 10 })),
            target: optional(
                fc.record({
                    comparison: fc.constantFrom('>=' as const, '<=' as const),
                    value: fc.integer({ min: 0, max: 100 })
                })
            ),
            warn: optional(fc.integer({ min: 1, max: 10 })),
            aggregate: fc.constantFrom('sum' as const, 'mean' as const, 'last' as const)
        },
        { requiredKeys: ['name', 'aggregate'] }
    );
}

function dataSourceArbitrary(name: string): fc.Arbitrary<DataSourceModel> {
    return fc.record(
        {
            name: fc.constant(name),
            path: fc.constantFrom('analytics/funnel.csv', 'research/调研.csv'),
            period: optional(fc.constantFrom('week', 'month'))
        },
        { requiredKeys: ['name', 'path'] }
    );
}

function journeyArbitrary(
    name: string,
    stepNames: string[][],
    personas: string[],
    channels: string[],
    metrics: string[],
    sources: string[]
): fc.Arbitrary<JourneyMapModel> {
    const all = stepNames.flat();
    return fc.record(
        {
            name: fc.constant(name),
            title: optional(text),
            documentation: optional(text),
            accessibleTitle: optional(text),
            personas: someOf(personas),
            starts: someOf(all),
            emotionScale: fc.constantFrom({ min: 1, max: 5 }, { min: 1, max: 7 }),
            stages: fc.tuple(
                ...stepNames.map((steps, index) =>
                    stageArbitrary(`${name}S${index}`, steps, all, personas, channels, metrics, sources)
                )
            )
        },
        { requiredKeys: ['name', 'personas', 'emotionScale', 'stages'] }
    );
}

function stageArbitrary(
    name: string,
    steps: string[],
    journeySteps: string[],
    personas: string[],
    channels: string[],
    metrics: string[],
    sources: string[]
): fc.Arbitrary<StageModel> {
    return fc.record(
        {
            name: fc.constant(name),
            title: optional(text),
            metrics: fc.constant([]),
            steps: fc.tuple(
                ...steps.map(step =>
                    stepArbitrary(
                        step,
                        journeySteps.filter(other => other !== step),
                        personas,
                        channels,
                        metrics,
                        sources
                    )
                )
            )
        },
        { requiredKeys: ['name', 'metrics', 'steps'] }
    );
}

function stepArbitrary(
    name: string,
    others: string[],
    personas: string[],
    channels: string[],
    metrics: string[],
    sources: string[]
): fc.Arbitrary<StepModel> {
    const emotion: fc.Arbitrary<EmotionModel> = fc.record(
        { score: fc.integer({ min: 1, max: 5 }), feeling: optional(feeling), note: optional(text) },
        { requiredKeys: ['score'] }
    );
    return fc.record(
        {
            name: fc.constant(name),
            title: optional(text),
            personas: someOf(personas),
            channels: someOf(channels),
            touchpoints: texts,
            emotion: optional(emotion),
            pains: texts,
            opportunities: texts,
            momentsOfTruth: texts,
            personaEmotions:
                personas.length === 0
                    ? fc.constant(undefined)
                    : optional(
                          fc.shuffledSubarray(personas, { minLength: 1 }).chain(chosen =>
                              fc.tuple(
                                  ...chosen.map(persona =>
                                      fc.record(
                                          {
                                              persona: fc.constant(persona),
                                              score: fc.integer({ min: 1, max: 5 }),
                                              feeling: optional(feeling),
                                              note: optional(text)
                                          },
                                          { requiredKeys: ['persona', 'score'] }
                                      )
                                  )
                              )
                          )
                      ),
            metrics: someOf(metrics).chain(chosen =>
                fc.tuple(...chosen.map(metric => metricValueArbitrary(metric, sources)))
            ),
            next: someOf(others),
            exit: fc.boolean()
        },
        {
            requiredKeys: [
                'name',
                'personas',
                'channels',
                'touchpoints',
                'pains',
                'opportunities',
                'momentsOfTruth',
                'metrics',
                'next',
                'exit'
            ]
        }
    );
}

function metricValueArbitrary(metric: string, sources: string[]): fc.Arbitrary<MetricValueModel> {
    const link =
        sources.length === 0
            ? fc.constant(undefined)
            : optional(
                  fc.record({
                      source: fc.constantFrom(...sources),
                      column: fc.constantFrom('conversion', '转化率'),
                      conditions: fc.array(
                          fc.record({
                              key: fc.constantFrom('step', 'region'),
                              value: fc.oneof(fc.constantFrom('see-ad', '华东'), fc.integer({ min: 1, max: 9 }))
                          }),
                          { maxLength: 2 }
                      )
                  })
              );
    return fc
        .record(
            {
                metric: fc.constant(metric),
                value: optional(fc.integer({ min: 0, max: 100 })),
                link,
                status: fc.constantFrom(...statuses)
            },
            { requiredKeys: ['metric', 'status'] }
        )
        .map(value => (value.link === undefined ? (({ link: _link, ...rest }) => rest)(value) : value));
}
