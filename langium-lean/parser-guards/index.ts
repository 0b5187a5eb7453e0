import { VERSION as chevrotainVersion } from 'chevrotain';
import { flattenRepetitionRecovery, type RepetitionRecoveryHost } from './flat-repetition-recovery.js';
import { rememberResyncPoint, type ResyncHost } from './remembered-resync-point.js';

/**
 * Guards that replace parts of Chevrotain's error recovery whose stack depth or time grew
 * faster than the input (see each file). They are on unless `LANGIUM_LEAN_PARSER_GUARDS=off`, which
 * exists to compare with stock Chevrotain, not to run without: large broken texts then overflow the stack.
 *
 * They were written for Chevrotain 12.0 (the version Langium 4.3 brings). Each checks, when a
 * parser is made, that what it replaces is still there in the shape it knows, and throws
 * naming that version otherwise: an upgrade must read them again, not run without them.
 */
export function installParserGuards(chevrotainParser: object): void {
    if (!parserGuardsEnabled()) return;
    const checked = checkedParser(chevrotainParser);
    flattenRepetitionRecovery(checked);
    rememberResyncPoint(checked);
}

/** Whether the guards are on (`LANGIUM_LEAN_PARSER_GUARDS=off` turns them off). */
export function parserGuardsEnabled(): boolean {
    const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return environment?.LANGIUM_LEAN_PARSER_GUARDS !== 'off';
}

const writtenFor = '12.0';

/** What the guards replace or read, with the number of parameters of each method. */
const expectedMethods: Record<string, number> = {
    tryInRepetitionRecovery: 4,
    findReSyncTokenType: 0,
    flattenFollowSet: 0,
    LA: 1
};
const expectedFields = [
    'RULE_STACK',
    'RULE_OCCURRENCE_STACK',
    'RULE_STACK_IDX',
    'RULE_OCCURRENCE_STACK_IDX',
    'tokVector',
    'tokVectorLength',
    'currIdx'
];

function checkedParser(parser: object): RepetitionRecoveryHost & ResyncHost {
    const members = parser as Record<string, unknown>;
    const missing = [
        ...Object.entries(expectedMethods)
            .filter(
                ([name, parameters]) =>
                    typeof members[name] !== 'function' || (members[name] as () => void).length !== parameters
            )
            .map(([name, parameters]) => `${name} with ${parameters} parameters`),
        ...expectedFields.filter(name => !(name in members))
    ];
    if (!chevrotainVersion.startsWith(writtenFor + '.') || missing.length > 0) {
        const what = missing.length > 0 ? `; missing: ${missing.join(', ')}` : '';
        throw new Error(
            `The parser guards (langium-lean/parser-guards/) were written for Chevrotain ${writtenFor}; ` +
                `this is Chevrotain ${chevrotainVersion}${what}. Read them again for this version.`
        );
    }
    return parser as RepetitionRecoveryHost & ResyncHost;
}
