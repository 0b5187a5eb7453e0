import { AstUtils, type LangiumDocument } from 'langium';
import { isJourney, isStage, type Journey, type Step, type Story, type View } from './generated/ast.js';
import {
    shareOfScale, type Scale, type SourceRange, type StepDetailModel, type StepModel, type StoryModel, type ViewModel
} from '../model/journey-model.js';
import { isMapLane } from '../model/view-registry.js';
import { emotionScaleOf } from './journey-values.js';
import { stepsOf } from './journey-scope.js';

type RangeOf = (node: View | Story | Step | Story['slides'][number]) => SourceRange | undefined;

/** `view Exec { … }` as the model holds it: unresolved names and unknown lanes left out (the validator says so). */
export function viewModel(view: View, rangeOf: RangeOf): ViewModel {
    return {
        name: view.name, title: view.title,
        journeys: view.journeys.flatMap(reference => (reference.ref ? [reference.ref.name] : [])),
        persona: view.personas[0]?.ref?.name,
        lanes: view.lanes.filter(isMapLane),
        stages: view.stages.flatMap(reference => (reference.ref ? [reference.ref.name] : [])),
        range: rangeOf(view)
    };
}

/** `story Why { view Exec  show Repair.Call "…" }`: its slides in order, each with where its step is. */
export function storyModel(story: Story, document: LangiumDocument, rangeOf: RangeOf): StoryModel {
    return {
        name: story.name, title: story.title, view: story.views[0]?.ref?.name,
        slides: story.slides.filter(slide => slide.step?.$refText).map(slide => {
            const step = slide.step.ref;
            const stage = step?.$container;
            const journey = stage?.$container;
            const located = step && isStage(stage) && isJourney(journey);
            const uri = step && AstUtils.getDocument(step).uri.toString();
            const elsewhere = uri === document.uri.toString() ? undefined : uri;
            return {
                step: slide.step.$refText, note: slide.note, range: rangeOf(slide),
                address: located
                    ? { journey: journey.name, stage: stage.name, step: step.name, uri: elsewhere } : undefined
            };
        }),
        range: rangeOf(story)
    };
}

/**
 * `detail Repair`: the journey that tells the step in detail. What the step does not write itself
 * rolls up from it: the lowest emotion (mapped onto the step's journey's scale) and the pain count.
 */
export function stepDetail(
    step: Step, scale: Scale, document: LangiumDocument
): Pick<StepModel, 'detail' | 'detailSummary'> {
    const detail = step.details[0]?.ref;
    if (!detail) return {};
    const uri = AstUtils.getDocument(detail).uri.toString();
    const writesEmotion = step.emotions.length > 0 || step.measuredEmotions.length > 0;
    const summary: StepDetailModel = {
        title: detail.title, uri: uri === document.uri.toString() ? undefined : uri,
        rolledUpEmotion: writesEmotion ? undefined : lowestEmotion(detail, scale),
        rolledUpPains: step.pains.length > 0 ? undefined : painsOf(detail)
    };
    return { detail: detail.name, detailSummary: summary };
}

/** How many pains a journey's steps write: what rolls up from a detail journey, and its hover says. */
export function painsOf(journey: Journey): number {
    return stepsOf(journey).reduce((count, step) => count + step.pains.length, 0);
}

/** The lowest emotion a journey's steps write, on its own scale; none when they write none. */
export function lowestScore(journey: Journey): number | undefined {
    const scores = stepsOf(journey).flatMap(step => step.emotions.map(emotion => emotion.score))
        .filter(Number.isFinite);
    return scores.length > 0 ? Math.min(...scores) : undefined;
}

function lowestEmotion(journey: Journey, onto: Scale): number | undefined {
    const lowest = lowestScore(journey);
    if (lowest === undefined) return undefined;
    const share = shareOfScale(lowest, emotionScaleOf(journey));
    // Rounded to a tenth: a score on another scale is a reading of the curve, not a precise value.
    return Math.round((onto.min + share * (onto.max - onto.min)) * 10) / 10;
}
