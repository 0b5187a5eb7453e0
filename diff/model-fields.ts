import type {
    ChannelModel,
    DataSourceModel,
    EmotionModel,
    ImportModel,
    JourneyMapModel,
    JourneyModel,
    MetricModel,
    MetricValueModel,
    ClaimModel,
    LaneActionModel,
    OpportunityModel,
    PersonaEmotionModel,
    PersonaModel,
    StageModel,
    StepModel,
    StoryModel,
    ViewModel
} from '../model/journey-model.js';

/**
 * What the diff does with one field of the JourneyModel. The table below gives every field
 * of every element one of these, and the type makes that complete: a field added to the
 * model does not compile until it is classified here. `test/diff/model-fields.test.ts` takes a
 * census of the models the builder really makes (the examples and a fixture), so that a field
 * written without being declared, or a table rule no map exercises, fails too.
 */
export type FieldRule =
    /** What elements of two versions are matched on (a name, a path). */
    | { role: 'key' }
    /** One value, shown before → after. */
    | { role: 'value' }
    /** Free texts in no particular order; an edited text is paired with its old version by similarity. */
    | { role: 'texts' }
    /** Names of other elements; `ordered` when their order means something (a step's first `next` is its main path). */
    | { role: 'names'; ordered: boolean }
    /** Nested elements, compared field by field with their own rules. */
    | { role: 'elements'; element: ElementKind }
    /** Not part of what the map says: where it is written, which file holds it. */
    | { role: 'presentation'; why: string }
    /** Computed from other fields; a change shows through the fields it is computed from. */
    | { role: 'derived'; why: string }
    /** What customers did, from a snapshot of data: told as changes of its numbers, not of the map's text. */
    | { role: 'observed'; why: string }
    /** Part of a declaration read as one whole (a view, a story): changes to its parts are one change of it. */
    | { role: 'part' };

/** The elements a change can be about; `diff/journey-diff.schema.json` lists the same names. */
export type ElementKind = 'file' | 'import' | 'persona' | 'channel' | 'metric' | 'data-source' | 'opportunity'
    | 'journey' | 'stage' | 'step' | 'emotion' | 'persona-emotion' | 'metric-value' | 'claim' | 'lane-action'
    | 'view' | 'story';

type FieldTable<T> = { readonly [Field in keyof Required<T>]: FieldRule };

const key: FieldRule = { role: 'key' };
const value: FieldRule = { role: 'value' };
const texts: FieldRule = { role: 'texts' };
const elements = (element: ElementKind): FieldRule => ({ role: 'elements', element });
const part: FieldRule = { role: 'part' };
const whereWritten: FieldRule = {
    role: 'presentation',
    why: 'where the element is written in the file; moving text around changes it and nothing else'
};

export const modelFields = {
    file: {
        uri: { role: 'presentation', why: 'which file the model was read from; git reports renamed and copied files' },
        language: value,
        imports: elements('import'),
        personas: elements('persona'),
        channels: elements('channel'),
        metrics: elements('metric'),
        dataSources: elements('data-source'),
        opportunities: elements('opportunity'),
        journeys: elements('journey'),
        views: elements('view'),
        stories: elements('story')
    } satisfies FieldTable<JourneyModel>,
    view: {
        name: key,
        title: part,
        journeys: part,
        persona: part,
        lanes: part,
        stages: part,
        range: whereWritten
    } satisfies FieldTable<ViewModel>,
    story: { name: key, title: part, view: part, slides: part, range: whereWritten } satisfies FieldTable<StoryModel>,
    import: { path: key, alias: value, range: whereWritten } satisfies FieldTable<ImportModel>,
    persona: {
        name: key,
        title: value,
        role: value,
        goals: texts,
        frustrations: texts,
        quote: value,
        documentation: value,
        range: whereWritten
    } satisfies FieldTable<PersonaModel>,
    channel: { name: key, title: value, kind: value, range: whereWritten } satisfies FieldTable<ChannelModel>,
    metric: {
        name: key,
        title: value,
        unit: value,
        currency: value,
        scale: value,
        target: value,
        warn: value,
        aggregate: value,
        range: whereWritten
    } satisfies FieldTable<MetricModel>,
    'data-source': {
        name: key,
        path: value,
        period: value,
        query: value,
        eventLog: value,
        range: whereWritten
    } satisfies FieldTable<DataSourceModel>,
    opportunity: {
        name: key,
        title: value,
        owner: value,
        status: value,
        value,
        effort: value,
        addresses: { role: 'names', ordered: false },
        addressed: { role: 'derived', why: 'where the addressed steps are, found from `addresses`, which is compared' },
        expects: value,
        evidence: texts,
        range: whereWritten
    } satisfies FieldTable<OpportunityModel>,
    journey: {
        name: key,
        title: value,
        documentation: value,
        accessibleTitle: value,
        personas: { role: 'names', ordered: false },
        emotionScale: value,
        // After the stages: a renamed start step is known by then.
        stages: elements('stage'),
        starts: { role: 'names', ordered: false },
        observedPaths: {
            role: 'observed',
            why: 'the snapshot of the event log, compared number by number (diff/observed-path-changes.ts)'
        },
        range: whereWritten
    } satisfies FieldTable<JourneyMapModel>,
    stage: {
        name: key,
        title: value,
        steps: elements('step'),
        range: whereWritten,
        metrics: {
            role: 'derived',
            why: "a stage's metric values are aggregated from its steps' values, which are compared"
        }
    } satisfies FieldTable<StageModel>,
    step: {
        name: key,
        title: value,
        personas: { role: 'names', ordered: false },
        channels: { role: 'names', ordered: false },
        touchpoints: texts,
        emotion: elements('emotion'),
        personaEmotions: elements('persona-emotion'),
        measuredEmotion: value,
        quotes: texts,
        pains: texts,
        opportunities: texts,
        opportunityRefs: { role: 'names', ordered: false },
        owners: texts,
        momentsOfTruth: texts,
        claims: elements('claim'),
        blueprint: elements('lane-action'),
        failPoints: texts,
        metrics: elements('metric-value'),
        next: { role: 'names', ordered: true },
        exit: value,
        events: { role: 'names', ordered: false },
        detail: value,
        detailSummary: {
            role: 'derived',
            why: 'read from the detail journey, whose own changes are reported where it is written'
        },
        range: whereWritten
    } satisfies FieldTable<StepModel>,
    emotion: { score: value, feeling: value, note: value } satisfies FieldTable<EmotionModel>,
    claim: { text: key, kind: value, evidence: texts, confidence: value } satisfies FieldTable<ClaimModel>,
    'lane-action': { text: key, lane: value, owner: value } satisfies FieldTable<LaneActionModel>,
    'persona-emotion': {
        persona: key,
        score: value,
        feeling: value,
        note: value
    } satisfies FieldTable<PersonaEmotionModel>,
    'metric-value': {
        metric: key,
        value,
        link: value,
        sample: value,
        range: whereWritten,
        origin: {
            role: 'presentation',
            why: 'the row of the data file the value was read from; sorting the file moves it'
        },
        series: {
            role: 'derived',
            why: 'the earlier periods behind the value; the latest period is the value, which is compared'
        },
        status: {
            role: 'derived',
            why: 'met or missed follows from the value and the target: a flip is told with the change of either'
        }
    } satisfies FieldTable<MetricValueModel>
} as const;

/**
 * The fields of an element whose changes the diff reports (all but keys, presentation and derived ones), in table
 * order.
 */
export function comparedFields(element: ElementKind): string[] {
    return Object.entries(modelFields[element] as Record<string, FieldRule>)
        .filter(([, rule]) => rule.role !== 'key' && rule.role !== 'presentation' && rule.role !== 'derived')
        .map(([field]) => field);
}

export function ruleOf(element: ElementKind, field: string): FieldRule {
    return (modelFields[element] as Record<string, FieldRule>)[field];
}
