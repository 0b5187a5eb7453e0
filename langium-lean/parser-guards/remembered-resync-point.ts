import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type { ChevrotainRecoveryInternals } from '../langium-internals.js';

/**
 * To recover from a syntax error, Chevrotain looks ahead for the first token that may follow
 * one of the rules being parsed. In the file's top-level loop only the end of the file may,
 * so every recovery there scanned to the end of the file: after a typo that leaves a large
 * file to that loop, n recoveries take n² steps.
 *
 * The first match from a position is also the first match from any later position up to it,
 * so the last answer is kept (per token list and rule stack) and given again while the parser
 * has not passed it: each token is then scanned about once per rule stack.
 */

/** The part of Chevrotain's parser this guard replaces or reads (reached through the adapter, which checks it). */
export type ResyncHost = Omit<ChevrotainRecoveryInternals, 'tryInRepetitionRecovery'>;

/** The last resync point found, for one rule stack, as token indices. */
interface ResyncPoint {
    ruleStack: string;
    from: number;
    at: number;
    tokenType: TokenType;
}

/** Makes `host`'s look-ahead for a resync point remember its last answer. */
export function rememberResyncPoint(host: ResyncHost): void {
    const find = host.findReSyncTokenType;
    const remembered = new WeakMap<IToken[], ResyncPoint>();
    host.findReSyncTokenType = function (this: ResyncHost) {
        const ruleStack =
            liveStack(this.RULE_STACK, this.RULE_STACK_IDX) +
            '/' +
            liveStack(this.RULE_OCCURRENCE_STACK, this.RULE_OCCURRENCE_STACK_IDX);
        const from = this.currIdx + 1;
        const last = remembered.get(this.tokVector);
        if (last && last.ruleStack === ruleStack && last.from <= from && from <= last.at) {
            return last.tokenType;
        }
        const follows = this.flattenFollowSet();
        // Past the last token LA gives the end of the file, which is always in the follow set.
        for (let at = from; at <= this.tokVectorLength; at++) {
            const token = this.LA(at - this.currIdx);
            const tokenType = follows.find(follow => tokenMatcher(token, follow));
            if (tokenType) {
                remembered.set(this.tokVector, { ruleStack, from, at, tokenType });
                return tokenType;
            }
        }
        return find.call(this);
    };
}

/** Chevrotain 12 keeps its rule stacks in arrays it reuses: only the entries up to the index are live. */
function liveStack(stack: number[], top: number): string {
    return stack.slice(0, top + 1).join(',');
}
