import { DataLinkCodes } from '../metrics/data-link.js';

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
    CurrencyCode: 'currency-code',
    InvalidWarn: 'invalid-warn',
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
    ...DataLinkCodes,
    SyntaxError: 'syntax-error',
    UnknownKeyword: 'unknown-keyword',
    MissingBrace: 'missing-brace',
    ExtraBrace: 'extra-brace',
    StepOutsideStage: 'step-outside-stage',
    QuoteStyle: 'quote-style',
    FullWidthPunctuation: 'full-width-punctuation',
    UnclosedString: 'unclosed-string',
    ComparisonTypo: 'comparison-typo',
    FileTooLarge: 'file-too-large',
    LineTooLong: 'line-too-long',
    BinaryFile: 'binary-file',
    DocumentFailed: 'document-failed',
    OpportunityScoreOutOfRange: 'opportunity-score-out-of-range',
    OpportunityStatusUnknown: 'opportunity-status-unknown',
    OpportunityAddressesNothing: 'opportunity-addresses-nothing',
    OpportunityStepUnreachable: 'opportunity-step-unreachable',
    OpportunityMetricNotCarried: 'opportunity-metric-not-carried',
    OpportunityMeasuredWithoutValue: 'opportunity-measured-without-value',
    ConfidenceUnknown: 'confidence-unknown',
    EmptyText: 'empty-text',
    EvidenceMissing: 'evidence-missing',
    MetricUnitUnknown: 'metric-unit-unknown',
    LowSample: 'low-sample',
    AnswerOutOfRange: 'answer-out-of-range',
    EmotionBeliefGap: 'emotion-belief-gap',
    QueryEngineUnknown: 'query-engine-unknown',
    EventLogExpected: 'event-log-expected',
    EventBoundTwice: 'event-bound-twice',
    PathsWithoutEvents: 'paths-without-events',
    PathsSnapshotMissing: 'paths-snapshot-missing',
    UndocumentedPath: 'undocumented-path',
    DeadStep: 'dead-step',
    LaneUnknown: 'lane-unknown',
    ViewNameTaken: 'view-name-taken',
    ViewJourneyImported: 'view-journey-imported',
    StoryEmpty: 'story-empty',
    StoryStepImported: 'story-step-imported',
    StoryStepHidden: 'story-step-hidden',
    DetailCycle: 'detail-cycle'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

/** A diagnostic's code and its `data` (the code, and any facts for its quick fixes): what `accept` takes. */
export function coded(code: IssueCode, extra: Omit<IssueData, 'code'> = {}): { code: IssueCode; data: IssueData } {
    return { code, data: { code, ...extra } };
}

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
    /** The text that replaces the diagnostic's range in its quick fix (empty: remove it). */
    replacement?: string;
}

/**
 * What each code means, in one sentence: the rule metadata of SARIF reports and the
 * diagnostics table of the README say the same thing.
 */
export const IssueCodeDescriptions: Record<IssueCode, string> = {
    'unresolved-reference': 'An unknown persona, channel, metric, data source or step.',
    'ambiguous-reference': 'A name declared in two imported files.',
    'duplicate-name': 'Two declarations of one kind with one name in a file, or two stages or steps with one name in a journey.',
    'repeated-property': 'A second emotion in a step, role or quote in a persona, or scale in a journey.',
    'emotion-out-of-scale': 'An emotion outside the journey\'s emotion scale.',
    'invalid-scale': 'A scale whose low end is not below its high end.',
    'percent-out-of-range': 'A percent value, target or scale outside 0..100.',
    'metric-value-mismatch': 'A value outside the metric\'s scale, a negative or fractional count, or a negative duration or ratio.',
    'target-outside-scale': 'A metric target outside the metric\'s scale.',
    'currency-code': 'A currency metric without a currency code, a code on another unit, or a code that is not three capital letters.',
    'invalid-warn': 'A warning band without a target, or one that is not more than 0.',
    'next-to-other-journey': 'A `next` link to a step of another journey.',
    'unreachable-step': 'No path through the journey reaches the step.',
    'dead-end': 'Paths enter a loop they can never leave.',
    'exit-with-next': 'A step marked `exit` that also has `next` links.',
    'unused-persona': 'A persona declared but never used in the workspace.',
    'unused-channel': 'A channel declared but never used in the workspace.',
    'unused-metric': 'A metric declared but never used in the workspace.',
    'import-not-found': 'The imported file does not exist.',
    'import-cycle': 'Files import each other.',
    'path-outside-workspace': 'An import or data path is absolute or leaves the workspace folder.',
    'data-file-not-found': 'The data file does not exist.',
    'data-file-unreadable': 'The data file cannot be read or parsed.',
    'data-column-unknown': 'The column or key is not in the data file.',
    'data-row-not-found': 'No row of the data file matches the `where` conditions.',
    'data-row-ambiguous': 'Several rows of the data file match the `where` conditions.',
    'data-value-not-numeric': 'The matched cell of the data file is not a number.',
    'data-period-invalid': 'A value of the data source\'s period column is no period, does not exist (month 13), or is in another form than the others.',
    'syntax-error': 'The text does not parse.',
    'unknown-keyword': 'A word where a keyword belongs that is none of the keywords of its block (often a misspelt one).',
    'missing-brace': 'A block (persona, journey, stage, step) is not closed with `}`.',
    'extra-brace': 'A `}` closes nothing.',
    'step-outside-stage': 'A step written in a journey but outside every stage.',
    'quote-style': 'Text in curly, full-width or single quotes instead of straight double quotes.',
    'full-width-punctuation': 'A full-width comma where the language needs `,`.',
    'unclosed-string': 'Text whose closing `"` is missing on its line.',
    'comparison-typo': 'A target written with `=>`, `=<`, `>` or `<` instead of `>=` or `<=`.',
    'file-too-large': 'The file is larger than the size limit (setting journey.maxFileSize), so it is not parsed.',
    'line-too-long': 'A line is longer than the line limit (setting journey.maxLineLength), so the file is not parsed.',
    'binary-file': 'The file holds binary data, not text, so it is not parsed.',
    'document-failed': 'Building the file failed inside the language server; the file is left empty and the others are checked.',
    'opportunity-score-out-of-range': "An opportunity's value or effort is not a whole number from 1 to 5.",
    'opportunity-status-unknown': "An opportunity's status is none of idea, planned, building, shipped, measured, dropped.",
    'opportunity-addresses-nothing': 'A declared opportunity names no step it addresses.',
    'opportunity-step-unreachable': 'An opportunity addresses a step no path of its journey reaches.',
    'opportunity-metric-not-carried': 'The metric an opportunity expects to move has no value at any step it addresses.',
    'opportunity-measured-without-value': 'An opportunity is `measured`, but the metric it expects has no value at its steps.',
    'confidence-unknown': 'The confidence of a pain point or moment of truth is none of low, medium, high.',
    'empty-text': 'A blueprint action, fail point, owner or piece of evidence has no text.',
    'evidence-missing': 'A pain point or moment of truth has no evidence, and `journeymap check --require-evidence` asks for it.',
    'metric-unit-unknown': 'A metric unit that is none of percent, score, count, currency, duration, ratio, nps, csat, ces.',
    'low-sample': 'A survey value (nps, csat, ces, or a measured emotion) comes from fewer than 30 answers.',
    'answer-out-of-range': "Rows of a survey link whose answer is outside the unit's or the given scale, or not a number: they are left out.",
    'emotion-belief-gap': 'The emotion measured from survey answers differs from the written one by more than one point.',
    'query-engine-unknown': 'A data source `from` a query `on` an engine other than postgres (DuckDB is the default).',
    'event-log-expected': 'A journey\'s `paths from` names a data table, not an event log (`data … events case … activity … time …`).',
    'event-bound-twice': 'One event name bound to two steps of a journey: an event means one step.',
    'paths-without-events': 'A journey reads its paths from an event log but binds no events to its steps.',
    'paths-snapshot-missing': 'A journey reads its paths from an event log and has no snapshot of them yet (`journeymap data pull`).',
    'undocumented-path': 'A hint: customers go straight from one step to another (above 5 % of them) where the map has no `next`.',
    'dead-step': 'A hint: a step bound to events that no customer of the log reached.',
    'lane-unknown': "A view's `lanes` names no lane of the map.",
    'view-name-taken': 'A view named like a built-in view (map, mermaid, paths, funnel, blueprint, portfolio).',
    'view-journey-imported': "A view names a journey of an imported file: a view shows its own file's journeys.",
    'story-empty': 'A story with no `show` line.',
    'story-step-imported': "A story shows a step of an imported file: a story walks its own file's journeys.",
    'story-step-hidden': "A story shows a step its view leaves out (another journey, stage or persona).",
    'detail-cycle': 'Steps detailed by journeys whose steps are detailed by the first journey again.'
};
