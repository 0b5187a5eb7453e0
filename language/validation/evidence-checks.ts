import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { JourneyAstType, Claim, LaneAction } from '../generated/ast.js';
import { confidences, type Confidence } from '../../model/journey-model.js';
import { didYouMean } from '../../model/did-you-mean.js';
import { IssueCodes } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { t } from '../../model/localisation.js';
import { reportRepeated } from './repeated-names.js';

/** The research behind claims, and the blueprint's actions: known confidences, no empty texts. */
export function registerEvidenceChecks(services: JourneyServices): void {
    const checks = new EvidenceChecks(services);
    const registered: ValidationChecks<JourneyAstType> = {
        Claim: checks.checkClaim,
        LaneAction: checks.checkLaneAction
    };
    services.validation.ValidationRegistry.register(registered, checks);
}

class EvidenceChecks {
    constructor(_services: JourneyServices) {
    }

    /** The research behind a pain point or moment of truth: one confidence of the three, evidence with text. */
    checkClaim(claim: Claim, accept: ValidationAcceptor): void {
        reportRepeated(claim, 'confidences', t('confidence'), accept);
        claim.confidences.forEach((confidence, index) => {
            if (confidences.includes(confidence as Confidence)) return;
            accept('error', t("Unknown confidence '{confidence}': use low, medium or high.", { confidence }), {
                node: claim, property: 'confidences', index, code: IssueCodes.ConfidenceUnknown,
                data: { code: IssueCodes.ConfidenceUnknown, suggestions: didYouMean(confidence, [...confidences]) }
            });
        });
        claim.evidence.forEach((evidence, index) => {
            if (evidence.trim() === '') accept('warning', t('This evidence is empty: say where the claim comes from.'), { node: claim, property: 'evidence', index, code: IssueCodes.EmptyText, data: { code: IssueCodes.EmptyText } });
        });
    }

    /** A blueprint action says what is done, and an owner who does it when one is named. */
    checkLaneAction(action: LaneAction, accept: ValidationAcceptor): void {
        if (typeof action.text === 'string' && action.text.trim() === '') {
            accept('warning', t('This blueprint action is empty: say what the service does here.'), { node: action, property: 'text', code: IssueCodes.EmptyText, data: { code: IssueCodes.EmptyText } });
        }
        if (typeof action.owner === 'string' && action.owner.trim() === '') {
            accept('warning', t('The owner is empty: name the team, or leave `owner` out.'), { node: action, property: 'owner', code: IssueCodes.EmptyText, data: { code: IssueCodes.EmptyText } });
        }
    }
}
