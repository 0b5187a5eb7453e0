import { strict as assert } from 'node:assert';
import { EmbeddedActionsParser } from 'chevrotain';
import { DefaultDocumentBuilder, DefaultLinker } from 'langium';
import { KeptLinksDocumentBuilder } from '../../langium-lean/kept-links-document-builder.js';
import {
    langiumMovedMessage,
    missingLangiumInternals,
    recoveryInternalsOf,
    writtenFor
} from '../../langium-lean/langium-internals.js';
import { fastPathEnabled, fastPathSwitch } from '../../language/journey-lean.js';
import { createTestServices } from '../journey-test-kit.js';

/** The lean layer checks, once at start, that the parts of Langium it relies on are where it was written for. */
describe('the lean layer checks the Langium it runs on', () => {
    it('finds everything it uses in this Langium', () => {
        assert.deepEqual(missingLangiumInternals(), []);
    });

    it('names what moved, and the Langium version it was written for, when a method is gone', () => {
        const prototype = DefaultLinker.prototype as unknown as Record<string, unknown>;
        const doLink = prototype.doLink;
        delete prototype.doLink;
        try {
            const missing = missingLangiumInternals();
            assert.deepEqual(missing, ['DefaultLinker.doLink()']);
            const message = langiumMovedMessage(missing, fastPathSwitch);
            assert.match(message, new RegExp(`written for Langium ${writtenFor.langium.replace('.', '\\.')}`));
            assert.match(message, /DefaultLinker\.doLink\(\)/);
            assert.match(message, /JOURNEYMAP_FAST_PATH=off/);
        } finally {
            prototype.doLink = doLink;
        }
    });

    it("checks the members of Chevrotain's parser that the parser guards replace: methods at start, fields on each parser", () => {
        const prototype = EmbeddedActionsParser.prototype as unknown as Record<string, unknown>;
        const resync = prototype.findReSyncTokenType;
        prototype.findReSyncTokenType = (_extra: unknown) => undefined; // one parameter too many
        try {
            assert.deepEqual(missingLangiumInternals(), [
                "Chevrotain's parser.findReSyncTokenType() with 0 parameters"
            ]);
        } finally {
            prototype.findReSyncTokenType = resync;
        }
        const parser = createTestServices().Journey.parser.LangiumParser;
        const chevrotain = recoveryInternalsOf(parser) as unknown as Record<string, unknown>;
        assert.equal(typeof chevrotain.tryInRepetitionRecovery, 'function');
        const tokens = chevrotain.tokVector;
        delete chevrotain.tokVector;
        try {
            assert.throws(
                () => recoveryInternalsOf(parser),
                /written for Langium .* lacks Chevrotain's parser\.tokVector/
            );
        } finally {
            chevrotain.tokVector = tokens;
        }
    });

    it('runs on stock Langium when asked, and by default as JOURNEYMAP_FAST_PATH says', () => {
        const stock = createTestServices({ fastPath: false });
        assert.equal(stock.shared.workspace.DocumentBuilder.constructor.name, 'JourneyDocumentBuilder');
        assert.ok(stock.shared.workspace.DocumentBuilder instanceof DefaultDocumentBuilder);
        assert.ok(
            !(stock.shared.workspace.DocumentBuilder instanceof KeptLinksDocumentBuilder),
            "built on Langium's builder"
        );
        assert.equal(stock.Journey.references.Linker.constructor.name, 'DefaultLinker');
        assert.equal(stock.Journey.validation.DocumentValidator.constructor.name, 'JourneyDocumentValidator');
        // Not the other way round here: the fast path changes a Langium class for the whole process.
        const byDefault = createTestServices();
        assert.equal(
            byDefault.Journey.references.Linker.constructor.name,
            fastPathEnabled() ? 'PartialLinker' : 'DefaultLinker'
        );
        assert.equal(byDefault.shared.workspace.DocumentBuilder instanceof KeptLinksDocumentBuilder, fastPathEnabled());
        assert.equal(fastPathEnabled(), process.env.JOURNEYMAP_FAST_PATH !== 'off');
    });
});
