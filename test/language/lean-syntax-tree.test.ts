import { strict as assert } from 'node:assert';
import {
    createLangiumParser, CstUtils, DefaultReferenceDescriptionProvider, isLeafCstNode, URI,
    type CstNode, type LangiumDocument, type ReferenceDescription
} from 'langium';
import { buildDocuments, createTestServices, examplesDir, journeyFilesIn } from '../journey-test-kit.js';

/**
 * Our parser keeps less than Langium's (ranges worked out when asked, no tokens kept, lazy
 * reference descriptions); these tests hold it to giving the same answers as Langium's own.
 */
describe('the lean syntax tree', () => {
    const services = createTestServices();
    const ours = services.Journey.parser.LangiumParser;
    const langiums = createLangiumParser(services.Journey);

    const leavesOf = (root: CstNode | undefined) => [...CstUtils.streamCst(root!)]
        .filter(isLeafCstNode)
        .map(node => ({ text: node.text, offset: node.offset, end: node.end, range: node.range }));

    const tricky = [
        '/* a comment\r\n   over lines */ persona 小美 "学生"\r\n{ role "买家" }\r',
        'channel Web online\rmetric m count\n\njourney J {\n\tstage 认知 {\r\n\t\tstep S { emotion -2.5 好奇 "😀 note" metric m = 3 }\n\t}\n}',
        'journey J { stage S { step A { emotion 3 } step { } } }'
    ];

    it('gives every token the range Langium gives it: CRLF, CR, tabs, CJK, emoji, comments, broken input', () => {
        const examples = journeyFilesIn(examplesDir).map(path => services.shared.workspace.FileSystemProvider.readFileSync(URI.file(path)));
        for (const text of [...tricky, ...examples]) {
            const expected = leavesOf(langiums.parse(text).value.$cstNode);
            assert.ok(expected.length > 5);
            assert.deepEqual(leavesOf(ours.parse(text).value.$cstNode), expected);
        }
    });

    it('keeps no tokens of the last text once the tree is built', () => {
        ours.parse(tricky[1]);
        const input = (ours as unknown as { wrapper: { input: unknown[] } }).wrapper.input;
        assert.equal(input.length, 0);
    });

    it('indexes references as Langium does: source, target, range and locality', async () => {
        const documents = await buildDocuments(services, Object.fromEntries(journeyFilesIn(examplesDir).map(path => [path, undefined])));
        const langiumDescriptions = new DefaultReferenceDescriptionProvider(services.Journey);
        const plain = (description: ReferenceDescription) => ({
            sourceUri: description.sourceUri.toString(), sourcePath: description.sourcePath,
            targetUri: description.targetUri.toString(), targetPath: description.targetPath,
            segment: { ...description.segment }, local: description.local
        });
        const describe = async (provider: DefaultReferenceDescriptionProvider, document: LangiumDocument) =>
            (await provider.createDescriptions(document)).map(plain);
        let compared = 0;
        for (const document of documents) {
            const expected = await describe(langiumDescriptions, document);
            assert.deepEqual(await describe(services.Journey.workspace.ReferenceDescriptionProvider as DefaultReferenceDescriptionProvider, document), expected);
            compared += expected.length;
        }
        assert.ok(compared > 10, `only ${compared} references compared`);
        assert.ok(documents.some(document => services.shared.workspace.IndexManager.findAllReferences(
            document.parseResult.value.elements[0], '/elements@0').some(reference => !reference.local)), 'a reference from another file is indexed');
    });
});
