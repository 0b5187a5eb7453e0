import { AstUtils, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isStep, type Claim } from './generated/ast.js';
import { IssueCodes } from './journey-issue-codes.js';
import { t } from '../model/localisation.js';

/** The claims a team may require evidence for: pain points and moments of truth. */
export const evidenceKinds = ['pain', 'moment'] as const;
export type EvidenceKind = typeof evidenceKinds[number];

/**
 * For teams that want research-backed maps (`journeymap check --require-evidence pain,moment`):
 * every pain point or moment of truth without `evidence`, as a warning, or an error when strict.
 */
export function missingEvidence(document: LangiumDocument, kinds: readonly EvidenceKind[], strict: boolean): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const step of AstUtils.streamAllContents(document.parseResult.value).filter(isStep)) {
        const claims: Array<[EvidenceKind, Claim]> = [
            ...(kinds.includes('pain') ? step.pains.map(claim => ['pain', claim] as [EvidenceKind, Claim]) : []),
            ...(kinds.includes('moment') ? step.momentsOfTruth.map(claim => ['moment', claim] as [EvidenceKind, Claim]) : [])
        ];
        // Customers' comments on the step (`quotes from survey.comment …`) are evidence for its pains.
        const quoted = step.quoteLinks.length > 0;
        for (const [kind, claim] of claims) {
            if ((kind === 'pain' && quoted) || claim.evidence.length > 0 || typeof claim.text !== 'string' || !claim.$cstNode) continue;
            diagnostics.push({
                severity: strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                range: claim.$cstNode.range,
                code: IssueCodes.EvidenceMissing,
                source: 'journey',
                message: kind === 'pain'
                    ? t("The pain point '{text}' has no evidence: add `{ evidence \"…\" }` with where it comes from.", { text: claim.text })
                    : t("The moment of truth '{text}' has no evidence: add `{ evidence \"…\" }` with where it comes from.", { text: claim.text }),
                data: { code: IssueCodes.EvidenceMissing }
            });
        }
    }
    return diagnostics;
}
