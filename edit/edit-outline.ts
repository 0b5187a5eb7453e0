/**
 * Where a map's elements are in its text: what planning a gesture's edit reads (plan-journey-edit.ts).
 * The server makes it from the syntax tree (server/journey-edit-outline.ts); nothing here needs a parser.
 */

/** `[start, end)`: offsets into the text. */
export type Span = readonly [number, number];

/** A line of a block: from its keyword to its last token. */
export interface OutlineLine {
    keyword: string;
    span: Span;
    /** Its quoted text, for `pain "…"`, `touchpoint "…"`, `opportunity "…"`, `goal "…"`. */
    text?: Span;
}

/** A `{ … }` body: the offsets of its `{` and of its `}`. */
export interface Body {
    open: number;
    close: number;
}

/** A declaration with a name, an optional title and a body. */
export interface OutlineBlock {
    /** The qualified id: `Journey.Stage.Step` is written `Journey.Step`, as `addresses` does. */
    id: string;
    name: string;
    span: Span;
    nameSpan: Span;
    title?: Span;
    body?: Body;
    lines: OutlineLine[];
}

/** `next A, B` or `start A, B`: one line of step names. */
export interface NameListLine {
    span: Span;
    names: Array<{ name: string; span: Span }>;
}

export interface OutlineStep extends OutlineBlock {
    journey: string;
    stage: string;
    /** The first `emotion` line without a persona: the curve's point. */
    emotion?: { line: Span; score: Span; feeling?: Span; note?: Span };
    next: NameListLine[];
}

export interface OutlineStage extends OutlineBlock {
    journey: string;
    steps: string[];
}

export interface OutlineJourney extends OutlineBlock {
    stages: string[];
    scale: { min: number; max: number };
    starts: NameListLine[];
}

export interface OutlineOpportunity extends OutlineBlock {
    status?: Span;
}

export interface EditOutline {
    uri: string;
    text: string;
    journeys: Map<string, OutlineJourney>;
    stages: Map<string, OutlineStage>;
    steps: Map<string, OutlineStep>;
    personas: Map<string, OutlineBlock>;
    opportunities: Map<string, OutlineOpportunity>;
}
