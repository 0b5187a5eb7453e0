/**
 * The comparisons a target may be written with: `>=` and `<=`; the others are read as what they most likely mean, and
 * reported.
 */
export type WrittenComparison = '>=' | '<=' | '=>' | '=<' | '>' | '<';

/**
 * `=>` and `>` mean "at least" (`>=`), `=<` and `<` "at most" (`<=`): the writer's intent, used while the error stands.
 */
export function intendedComparison(written: string): '>=' | '<=' {
    return written === '>=' || written === '=>' || written === '>' ? '>=' : '<=';
}

/** Whether a comparison is written as the language wants it. */
export function isWellWritten(written: string): boolean {
    return written === '>=' || written === '<=';
}
