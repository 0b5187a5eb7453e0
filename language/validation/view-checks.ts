import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import {
    isJourney, isStage, type Journey, type JourneyAstType, type Step, type Story, type View
} from '../generated/ast.js';
import { coded, IssueCodes } from '../journey-issue-codes.js';
import { reportRepeated } from './repeated-names.js';
import type { JourneyServices } from '../journey-module.js';
import { didYouMean } from '../../model/did-you-mean.js';
import { stepsOf } from '../journey-scope.js';
import { t } from '../../model/localisation.js';
import { builtInViews, isBuiltInView, isMapLane, mapLanes } from '../../model/view-registry.js';

/** Views, stories and the journey library (`detail`): names the registry knows, drawable slides, no cycles. */
export function registerViewChecks(services: JourneyServices): void {
    const validator = new ViewValidator();
    const checks: ValidationChecks<JourneyAstType> = {
        View: validator.checkView,
        Story: validator.checkStory,
        Step: validator.checkDetail
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

export class ViewValidator {
    checkView(view: View, accept: ValidationAcceptor): void {
        if (isBuiltInView(view.name)) {
            const message = t("'{name}' is a built-in view: name this view otherwise. Built-in views: {views}.",
                { name: view.name, views: builtInViews.join(', ') });
            accept('error', message, { node: view, property: 'name', ...coded(IssueCodes.ViewNameTaken) });
        }
        view.lanes.forEach((lane, index) => {
            if (isMapLane(lane)) return;
            const suggestions = didYouMean(lane, mapLanes);
            const hint = suggestions.length > 0
                ? t("Did you mean '{name}'?", { name: suggestions[0] })
                : t('Lanes: {lanes}.', { lanes: mapLanes.join(', ') });
            accept('error', t("'{lane}' is not a lane of the map. {hint}", { lane, hint }),
                { node: view, property: 'lanes', index, ...coded(IssueCodes.LaneUnknown, { suggestions }) });
        });
        const document = AstUtils.getDocument(view);
        view.journeys.forEach((reference, index) => {
            if (!reference.ref || AstUtils.getDocument(reference.ref) === document) return;
            const message = t("'{name}' is a journey of another file: a view shows the journeys of its own file. Declare this view there.",
                { name: reference.$refText });
            const coding = coded(IssueCodes.ViewJourneyImported);
            accept('error', message, { node: view, property: 'journeys', index, ...coding });
        });
        reportRepeated(view, 'personas', t('persona'), accept);
    }

    checkStory(story: Story, accept: ValidationAcceptor): void {
        reportRepeated(story, 'views', t('view'), accept);
        if (story.slides.length === 0) {
            const message = t("Story '{name}' shows nothing yet: add a line `show Journey.Step \"what to say\"`.",
                { name: story.name });
            accept('warning', message, { node: story, property: 'name', ...coded(IssueCodes.StoryEmpty) });
        }
        const document = AstUtils.getDocument(story);
        const view = story.views[0]?.ref;
        for (const slide of story.slides) {
            const step = slide.step?.ref;
            const written = slide.step?.$refText;
            if (!step) continue;
            if (AstUtils.getDocument(step) !== document) {
                const message = t("'{step}' is a step of another file: a story walks the journeys of its own file.",
                    { step: written });
                accept('error', message, { node: slide, property: 'step', ...coded(IssueCodes.StoryStepImported) });
            } else if (view && hidesStep(view, step)) {
                const message = t("View '{view}' leaves out '{step}': this slide would show nothing. Show it in the view, or drop the view.",
                    { view: view.name, step: written });
                accept('warning', message, { node: slide, property: 'step', ...coded(IssueCodes.StoryStepHidden) });
            }
        }
    }

    checkDetail(step: Step, accept: ValidationAcceptor): void {
        reportRepeated(step, 'details', t('detail'), accept);
        const own = AstUtils.getContainerOfType(step, isJourney);
        const detail = step.details[0]?.ref;
        if (!own || !detail) return;
        const cycle = detailCycle(detail, own);
        if (cycle) {
            accept('error', t('Details go round in a circle: {chain}. A journey cannot detail a step of itself.',
                { chain: [own, ...cycle].map(journey => journey.name).join(' → ') }),
            { node: step, property: 'details', index: 0, ...coded(IssueCodes.DetailCycle) });
        }
    }
}

/** Whether a view's journeys or stages leave the step out. */
function hidesStep(view: View, step: Step): boolean {
    const stage = step.$container;
    const journey = isStage(stage) ? stage.$container : undefined;
    const journeys = view.journeys.map(reference => reference.ref);
    if (journeys.length > 0 && !journeys.includes(journey)) return true;
    const stages = view.stages.map(reference => reference.ref);
    return stages.length > 0 && !stages.includes(stage);
}

/** The journeys from `start` through `detail` links back to `target`, or undefined when they never come back. */
function detailCycle(start: Journey, target: Journey): Journey[] | undefined {
    const seen = new Set<Journey>();
    const walk = (journey: Journey): Journey[] | undefined => {
        if (journey === target) return [journey];
        if (seen.has(journey)) return undefined;
        seen.add(journey);
        for (const step of stepsOf(journey)) {
            const next = step.details[0]?.ref;
            const rest = next && walk(next);
            if (rest) return [journey, ...rest];
        }
        return undefined;
    };
    return walk(start);
}
