import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { isJourney, type Emotion, type Journey, type JourneyAstType, type Step } from '../generated/ast.js';
import { IssueCodes, type IssueData } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { t } from '../../model/localisation.js';
import { emotionScaleOf } from '../journey-values.js';
import { reportRepeated } from './repeated-names.js';
import type { FlowProblemsCache } from './flow-problems.js';

/** The flow: steps every path can reach and leave, one emotion each within the scale, `next` within the journey. */
export function registerFlowChecks(services: JourneyServices, flowProblems: FlowProblemsCache): void {
    const checks = new FlowChecks(flowProblems);
    const registered: ValidationChecks<JourneyAstType> = {
        Journey: checks.checkFlow,
        Step: [checks.checkStep, checks.checkNextTargets]
    };
    services.validation.ValidationRegistry.register(registered, checks);
}

class FlowChecks {
    constructor(private readonly flowProblems: FlowProblemsCache) {}

    checkFlow(journey: Journey, accept: ValidationAcceptor): void {
        const problems = this.flowProblems.of(journey);
        for (const step of problems.unreachable) {
            accept('warning', t("No path reaches step '{name}': add it to the `next` of an earlier step, or remove it.", { name: step.name }), {
                node: step, property: 'name', code: IssueCodes.UnreachableStep, data: { code: IssueCodes.UnreachableStep }
            });
        }
        for (const step of problems.deadEnds) {
            accept('warning', t("Step '{name}' is a dead end: every path from it loops back and never ends. Add `exit` or a `next` that leads on.", { name: step.name }), {
                node: step, property: 'name', code: IssueCodes.DeadEnd, data: { code: IssueCodes.DeadEnd }
            });
        }
    }

    checkStep(step: Step, accept: ValidationAcceptor): void {
        // One emotion for everyone, and one per persona: a second one of either is repeated.
        const seen = new Set<string>();
        step.emotions.forEach((emotion, index) => {
            const whose = emotion.persona?.$refText ?? '';
            if (seen.has(whose)) {
                accept('error', t('A step has more than one {property}; keep one.', { property: whose ? t('emotion of {persona}', { persona: whose }) : t('emotion') }), {
                    node: step, property: 'emotions', index, code: IssueCodes.RepeatedProperty, data: { code: IssueCodes.RepeatedProperty }
                });
            }
            seen.add(whose);
        });
        reportRepeated(step, 'measuredEmotions', t('measured emotion'), accept);
        const journey = AstUtils.getContainerOfType(step, isJourney);
        if (!journey) {
            return;
        }
        for (const emotion of step.emotions) this.checkEmotionScore(emotion, emotionScaleOf(journey), accept);
    }

    private checkEmotionScore(emotion: Emotion, scale: { min: number; max: number }, accept: ValidationAcceptor): void {
        if (emotion.score < scale.min || emotion.score > scale.max) {
            const clampedValue = Math.min(scale.max, Math.max(scale.min, emotion.score));
            const data: IssueData = { code: IssueCodes.EmotionOutOfScale, clampedValue };
            accept('error', t("Emotion {score} is outside the journey's scale {min}..{max}; use a score from {min} to {max}.", { score: emotion.score, min: scale.min, max: scale.max }), {
                node: emotion, property: 'score', code: IssueCodes.EmotionOutOfScale, data
            });
        }
    }

    checkNextTargets(step: Step, accept: ValidationAcceptor): void {
        if (step.exit && step.next.length > 0) {
            // The flow follows `next`, so the `exit` says something the flow ignores.
            accept('warning', t("Step '{name}' is marked `exit` but also has `next`: remove one of them.", { name: step.name }), {
                node: step, keyword: 'exit', code: IssueCodes.ExitWithNext, data: { code: IssueCodes.ExitWithNext }
            });
        }
        const journey = AstUtils.getContainerOfType(step, isJourney);
        step.next.forEach((reference, index) => {
            const target = reference.ref;
            const targetJourney = target && AstUtils.getContainerOfType(target, isJourney);
            if (targetJourney && targetJourney !== journey) {
                accept('error', t("Step '{step}' belongs to journey '{other}': `next` can only lead to a step of '{journey}'.", { step: target.name, other: targetJourney.name, journey: journey?.name ?? '' }), {
                    node: step, property: 'next', index, code: IssueCodes.NextToOtherJourney, data: { code: IssueCodes.NextToOtherJourney }
                });
            }
        });
    }
}
