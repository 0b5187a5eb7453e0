import type { LangiumCompletionParser, LangiumParser } from 'langium';
import { recoveryInternalsOf } from '../langium-internals.js';
import { flattenRepetitionRecovery } from './flat-repetition-recovery.js';
import { rememberResyncPoint } from './remembered-resync-point.js';

/**
 * Guards that replace parts of Chevrotain's error recovery whose stack depth or time grew
 * faster than the input (see each file). They are on unless `LANGIUM_LEAN_PARSER_GUARDS=off`, which
 * exists to compare with stock Chevrotain, not to run without: large broken texts then overflow the stack.
 *
 * They were written for Chevrotain 12.0 (the version Langium 4.3 brings). What they replace is
 * reached through the adapter (langium-internals.ts), which checks, when a parser is made, that
 * it is still there in the shape they know and throws naming that version otherwise: an upgrade
 * must read them again, not run without them.
 */
export function installParserGuards(parser: LangiumParser | LangiumCompletionParser): void {
    if (!parserGuardsEnabled()) return;
    const internals = recoveryInternalsOf(parser);
    flattenRepetitionRecovery(internals);
    rememberResyncPoint(internals);
}

/** Whether the guards are on (`LANGIUM_LEAN_PARSER_GUARDS=off` turns them off). */
export function parserGuardsEnabled(): boolean {
    const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return environment?.LANGIUM_LEAN_PARSER_GUARDS !== 'off';
}
