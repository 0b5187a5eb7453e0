import type { ChevrotainRecoveryInternals } from '../langium-internals.js';

/**
 * Chevrotain recovers inside a repetition (`(...)*`) by skipping tokens until the loop can go
 * on, and then goes on by calling the loop again from within itself: one level of JavaScript
 * stack for every recovery in the same loop. A one-word typo that breaks a block leaves every
 * line after it to the file's top-level loop, one recovery each, and the stack overflows.
 *
 * The call is the last thing the recovery does (nothing runs after it but returns), so it
 * can just as well be made by a loop one level up: the first recovery of a repetition runs
 * the loop again and again while the recoveries inside it ask for one more run. The errors,
 * tokens and tree are exactly those of the recursive version, in bounded stack depth.
 */

/** The part of Chevrotain's parser this guard replaces (reached through the adapter, which checks it). */
export type RepetitionRecoveryHost = Pick<ChevrotainRecoveryInternals, 'tryInRepetitionRecovery'>;

/**
 * One repetition whose recovery is running it again; its arguments identify it (Chevrotain passes the same objects).
 */
interface RepetitionRun {
    args: unknown[];
    again: boolean;
}

/** Replaces the recursive re-entry of `host`'s in-repetition recovery by a loop. */
export function flattenRepetitionRecovery(host: RepetitionRecoveryHost): void {
    const recover = host.tryInRepetitionRecovery;
    const running: RepetitionRun[] = [];
    host.tryInRepetitionRecovery = function (
        this: RepetitionRecoveryHost,
        grammarRule,
        args,
        lookAheadFunc,
        expectedTokType
    ) {
        const current = running.at(-1);
        if (current && sameArguments(current.args, args)) {
            // A recovery at the end of a run that the loop below makes: ask it for one more run.
            recover.call(
                this,
                () => {
                    current.again = true;
                },
                args,
                lookAheadFunc,
                expectedTokType
            );
            return;
        }
        const run: RepetitionRun = { args, again: false };
        running.push(run);
        try {
            recover.call(
                this,
                () => {
                    run.again = true;
                },
                args,
                lookAheadFunc,
                expectedTokType
            );
            while (run.again) {
                run.again = false;
                grammarRule.apply(this, args);
            }
        } finally {
            running.pop();
        }
    };
}

function sameArguments(left: unknown[], right: unknown[]): boolean {
    return left.length === right.length && left.every((value, index) => value === right[index]);
}
