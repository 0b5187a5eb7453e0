/**
 * The stable codes of every diagnostic the Journey language reports. The validator, the
 * quick fixes, the CLI and the tests all refer to this one table, so a code is never
 * spelled twice. Codes are part of our public contract: users filter on them in CI.
 */
export const IssueCodes = {
    UnresolvedReference: 'unresolved-reference',
    AmbiguousReference: 'ambiguous-reference',
    DuplicateName: 'duplicate-name',
    RepeatedProperty: 'repeated-property',
    EmotionOutOfScale: 'emotion-out-of-scale',
    InvalidScale: 'invalid-scale',
    PercentOutOfRange: 'percent-out-of-range',
    MetricValueMismatch: 'metric-value-mismatch',
    TargetOutsideScale: 'target-outside-scale',
    NextToOtherJourney: 'next-to-other-journey',
    UnreachableStep: 'unreachable-step',
    DeadEnd: 'dead-end',
    ExitWithNext: 'exit-with-next',
    UnusedPersona: 'unused-persona',
    UnusedChannel: 'unused-channel',
    UnusedMetric: 'unused-metric',
    ImportNotFound: 'import-not-found',
    ImportCycle: 'import-cycle',
    PathOutsideWorkspace: 'path-outside-workspace',
    DataFileNotFound: 'data-file-not-found',
    DataFileUnreadable: 'data-file-unreadable',
    DataColumnUnknown: 'data-column-unknown',
    DataRowNotFound: 'data-row-not-found',
    DataRowAmbiguous: 'data-row-ambiguous',
    DataValueNotNumeric: 'data-value-not-numeric',
    SyntaxError: 'syntax-error'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

/** Extra facts a diagnostic carries to its quick fixes (LSP `Diagnostic.data`). */
export interface IssueData {
    code: IssueCode;
    /** Replacement names offered by "did you mean". */
    suggestions?: string[];
    /** For an unresolved reference: what kind of element is missing. */
    missingType?: string;
    missingName?: string;
    /** For an emotion out of scale: the nearest valid score. */
    clampedValue?: number;
}
