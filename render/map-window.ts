import {
    allSteps,
    displayName,
    type JourneyMapModel,
    type JourneyModel,
    type StepModel
} from '../model/journey-model.js';

/** Journeys with more steps than this are shown as an overview of windows, not as one map. */
export const largeMapSteps = 500;
/** The steps of one window: a map this wide still draws in well under a second. */
export const mapWindowSteps = 200;

/** A run of consecutive steps of a large journey, from the stage of its first step to that of its last. */
export interface MapWindow {
    index: number;
    /** 0-based index of the first step in the journey, and one past the last. */
    from: number;
    to: number;
    firstStage: string;
    lastStage: string;
    steps: StepModel[];
}

/** Whether a journey is drawn as an overview of windows. */
export function isLargeJourney(journey: JourneyMapModel): boolean {
    return allSteps(journey).length > largeMapSteps;
}

/** The journey cut into windows of `mapWindowSteps` consecutive steps, in order. */
export function windowsOf(journey: JourneyMapModel): MapWindow[] {
    const placed = journey.stages.flatMap(stage => stage.steps.map(step => ({ step, stage: displayName(stage) })));
    const windows: MapWindow[] = [];
    for (let from = 0; from < placed.length; from += mapWindowSteps) {
        const slice = placed.slice(from, from + mapWindowSteps);
        windows.push({
            index: windows.length,
            from,
            to: from + slice.length,
            firstStage: slice[0].stage,
            lastStage: slice.at(-1)!.stage,
            steps: slice.map(entry => entry.step)
        });
    }
    return windows;
}

/**
 * The model narrowed to one window of one journey: its stages cut to the window's steps
 * (a stage cut in two keeps its name and title in both windows), everything else as it was.
 */
export function modelOfWindow(model: JourneyModel, journeyName: string | undefined, index: number): JourneyModel {
    const journey = model.journeys.find(candidate => candidate.name === journeyName) ?? model.journeys[0];
    const window = journey && windowsOf(journey)[index];
    if (!journey || !window) return model;
    const inWindow = new Set(window.steps);
    const stages = journey.stages
        .map(stage => ({ ...stage, steps: stage.steps.filter(step => inWindow.has(step)) }))
        .filter(stage => stage.steps.length > 0);
    return { ...model, journeys: [{ ...journey, stages }] };
}
