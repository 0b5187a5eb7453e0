import type { JourneyMapModel, PersonaModel, StageModel, StepModel } from '../model/journey-model.js';

/**
 * The outputs a map is written to: the picture (SVG, PNG, and the HTML, preview and site pages
 * that show it), Markdown (`render -f md`, git's textconv, a README), the pull-request comment
 * (the semantic diff: what changed, see diff/model-fields.ts), Mermaid, and the model as JSON.
 */
export const outputs = ['map', 'html', 'site', 'md', 'textconv', 'pr-comment', 'mermaid', 'json'] as const;
export type Output = typeof outputs[number];

/** An output shows a field, or leaves it out for the reason given. */
export type Carried = 'shown' | { leftOut: string };

/** For every field of an element, what each output does with it. */
type OutputTable<Element> = { readonly [Field in keyof Required<Element>]: { readonly [Where in Output]: Carried } };

const shown: Carried = 'shown';
const mermaidHasNoPlace: Carried = {
    leftOut: "Mermaid's journey diagram has sections, tasks with a score and actors, nothing else; "
        + 'the export counts what it leaves out in a comment'
};
const whereWritten: Carried = { leftOut: 'where the step is written in the file, for editors to jump to' };
const blueprintView: Carried = {
    leftOut: 'drawn by the service blueprint view (`render --view blueprint`, the preview\'s Blueprint), not on the map'
};

const eventsReadTheLog: Carried = {
    leftOut: 'the events a step binds are how the log is read; the picture shows what they add up to (reach, drop-off)'
};

const oneLineOfTasks: Carried = {
    leftOut: "Mermaid's journey is one line of tasks; `render -f flowchart` draws branches and exits"
};

/** Every output shows the field; Mermaid has no place for it. */
const everywhereButMermaid = {
    map: shown, html: shown, site: shown, md: shown, textconv: shown, 'pr-comment': shown,
    mermaid: mermaidHasNoPlace, json: shown
};
const everywhere = { ...everywhereButMermaid, mermaid: shown };

/**
 * What each output carries of a step. The type makes it complete: a field added to the step
 * does not compile until each output says it shows it, or why not. test/render/output-fields
 * renders a map that uses every field and holds each output to this table.
 */
export const stepOutputs: OutputTable<StepModel> = {
    name: {
        ...everywhere, map: { leftOut: 'the title stands for the step; the name is its identifier in the text' },
        html: { leftOut: 'the title stands for the step, as on the map' },
        site: { leftOut: 'the title stands for the step, as on the map' },
        md: { leftOut: 'the title stands for the step' },
        textconv: { leftOut: 'the title stands for the step, as in md' },
        mermaid: { leftOut: 'the title stands for the task' },
        'pr-comment': { leftOut: 'steps of two versions are matched by name; a new name shows as a rename' }
    },
    title: everywhere,
    personas: everywhereButMermaid,
    channels: everywhereButMermaid,
    touchpoints: everywhereButMermaid,
    emotion: everywhere,
    personaEmotions: everywhere,
    measuredEmotion: everywhereButMermaid,
    quotes: everywhereButMermaid,
    pains: everywhereButMermaid,
    opportunities: everywhereButMermaid,
    opportunityRefs: everywhereButMermaid,
    owners: everywhereButMermaid,
    claims: everywhereButMermaid,
    blueprint: { ...everywhereButMermaid, map: blueprintView, html: blueprintView },
    failPoints: { ...everywhereButMermaid, map: blueprintView, html: blueprintView },
    momentsOfTruth: everywhereButMermaid,
    metrics: everywhereButMermaid,
    next: { ...everywhereButMermaid, mermaid: oneLineOfTasks },
    exit: { ...everywhereButMermaid, mermaid: oneLineOfTasks },
    events: {
        ...everywhereButMermaid,
        map: eventsReadTheLog, html: eventsReadTheLog, site: eventsReadTheLog
    },
    detail: { ...everywhereButMermaid, mermaid: { leftOut: "Mermaid's journey has no links between journeys" } },
    detailSummary: {
        ...everywhereButMermaid, mermaid: { leftOut: "Mermaid's journey has no links between journeys" },
        'pr-comment': { leftOut: 'rolled up from the detail journey, whose own changes are told where it is written' }
    },
    range: {
        map: whereWritten, html: whereWritten, site: whereWritten, md: whereWritten, textconv: whereWritten,
        'pr-comment': { leftOut: 'where the step is written: moving text around is no change' },
        mermaid: whereWritten, json: shown
    }
};

/** The outputs given, as given; every other output `otherwise`. */
const onlyThe = (given: Partial<Record<Output, Carried>>, otherwise: Carried) =>
    Object.fromEntries(outputs.map(output => [output, given[output] ?? otherwise])) as Record<Output, Carried>;
const identifier: Carried = { leftOut: 'the title stands for it; the name is its identifier in the text' };
const matchedByName: Carried = { leftOut: 'two versions are matched by name; a new name shows as a rename' };
const besideThePicture: Carried = {
    leftOut: 'the picture is described by its counts; the site page shows the text beside it'
};
const notInMermaid: Carried = { leftOut: "Mermaid's journey has actors by name, nothing about them" };

/** What each output carries of a persona of the journey (its card on the map). */
export const personaOutputs: OutputTable<PersonaModel> = {
    name: onlyThe({ mermaid: shown, json: shown, 'pr-comment': matchedByName }, identifier),
    title: { ...everywhere, mermaid: { leftOut: 'Mermaid names actors by a word: the name' } },
    role: { ...everywhereButMermaid, mermaid: notInMermaid },
    goals: { ...everywhereButMermaid, mermaid: notInMermaid },
    frustrations: { ...everywhereButMermaid, mermaid: notInMermaid },
    quote: { ...everywhereButMermaid, mermaid: notInMermaid },
    documentation: onlyThe({ 'pr-comment': shown, json: shown },
        { leftOut: "a persona's documentation comment is for the editor's hover; its card shows role, goals, …" }),
    range: onlyThe({ json: shown }, whereWritten)
};

/** What each output carries of a journey as a whole. */
export const journeyOutputs: OutputTable<JourneyMapModel> = {
    name: onlyThe({ json: shown, 'pr-comment': matchedByName }, identifier),
    title: everywhere,
    documentation: onlyThe({ map: besideThePicture, html: besideThePicture }, shown),
    accessibleTitle: onlyThe({ mermaid: shown, 'pr-comment': shown, json: shown },
        { leftOut: "Mermaid's `accTitle`; pictures and pages are titled by the journey's title" }),
    personas: everywhere,
    starts: onlyThe({ 'pr-comment': shown, json: shown },
        { leftOut: 'where paths begin is drawn by the paths view (the preview\'s Paths) and `render -f flowchart`' }),
    emotionScale: { ...everywhere, mermaid: { leftOut: 'Mermaid scores tasks 1..5: the export maps scores onto it' } },
    stages: everywhere,
    observedPaths: everywhereButMermaid,
    range: onlyThe({ json: shown }, whereWritten)
};

/** What each output carries of a stage. */
export const stageOutputs: OutputTable<StageModel> = {
    name: onlyThe({ json: shown, 'pr-comment': matchedByName }, identifier),
    title: everywhere,
    steps: everywhere,
    metrics: onlyThe({ map: shown, html: shown, site: shown, json: shown },
        { leftOut: "a stage's values are aggregated from its steps' values, which this output lists" }),
    range: onlyThe({ json: shown }, whereWritten)
};
