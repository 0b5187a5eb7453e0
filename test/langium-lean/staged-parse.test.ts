import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { Cancellation, URI, type LangiumDocument } from 'langium';
import { generatedJourney } from '../../bench/generated-journey.js';
import { STAGED_PARSE_FROM } from '../../langium-lean/staged-parse.js';
import { fastPathEnabled } from '../../language/journey-lean.js';
import { createTestServices, repoRoot, type TestServices } from '../journey-test-kit.js';
import { treeSnapshot } from '../language/tree-snapshot.js';

/**
 * A large map opens a stage at a time, with turns for other work in between; the document
 * must be exactly what one whole parse makes of it.
 */
describe('parsing a large map stage by stage', () => {
    const uri = URI.file(join(repoRoot, 'test', 'output', 'staged.journey'));
    const header =
        '/** 一次购物的客户旅程 */\npersona 小美 "学生"\nchannel App online\nchannel Web online\nmetric m count\ndata funnel "funnel.csv"\n';
    const large = header + generatedJourney(2400).text.split('\n').slice(2).join('\n')
        .replace('emotion 2 curious', 'emotion 2 curious // 看到价格\n      /* 一条\n         多行注释 */')
        .replace('  stage S3 "Stage 3 阶段" {', '  // 第四阶段\n  stage S3 "Stage 3 阶段" { /* 开始 */')
        .replace('metric m = 3\n', 'metric m = funnel.rate where stage = "看到广告" and step = "T3"\n');

    /** Opens the text as the language server does (asynchronously), counting the stages parsed on their own. */
    async function open(
        services: TestServices,
        text: string,
        onTurn?: () => void
    ): Promise<{ document: LangiumDocument; stagesParsedAlone: number }> {
        const parser = services.Journey.parser.LangiumParser;
        const parse = parser.parse.bind(parser);
        let stagesParsedAlone = 0;
        parser.parse = ((input: string, options?: { rule?: string }) => {
            if (options?.rule === 'Stage') stagesParsedAlone++;
            return parse(input, options);
        }) as typeof parser.parse;
        if (onTurn) setImmediate(onTurn);
        const document = await services.shared.workspace.LangiumDocumentFactory.fromString(
            text,
            uri,
            new Cancellation.CancellationTokenSource().token
        );
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return { document, stagesParsedAlone };
    }

    async function whole(text: string) {
        const services = createTestServices();
        const document = services.shared.workspace.LangiumDocuments.createDocument(uri, text);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return treeSnapshot(document, services);
    }

    it('parses every stage on its own and gives what a whole parse gives, comments and data links included', async () => {
        assert.ok(large.length > STAGED_PARSE_FROM);
        const services = createTestServices();
        const { document, stagesParsedAlone } = await open(services, large);
        assert.equal(stagesParsedAlone, fastPathEnabled() ? 240 : 0);
        assert.deepEqual(treeSnapshot(document, services), await whole(large));
    });

    it('lets other work run before the map is parsed', async () => {
        let finished = false;
        let ranBefore = false;
        const services = createTestServices();
        const opened = open(services, large, () => { ranBefore = !finished; });
        await opened;
        finished = true;
        assert.ok(ranBefore);
    });

    it('parses the whole text when a stage has a syntax error, braces do not match or the map is small', async () => {
        const broken = [
            large.replace('emotion 3 curious', 'emotion 3 "curious'),
            large.replace('step T50 "Step 50 看到广告" {', 'step T50 "Step 50 看到广告" {{'),
            large.replace('  stage S7 "Stage 7 阶段" {', '  stage S7 "Stage 7 阶段"'),
            large + '\npersona Extra { stage }',
            header + generatedJourney(40).text
        ];
        for (const text of broken) {
            const services = createTestServices();
            const { document, stagesParsedAlone } = await open(services, text);
            assert.equal(stagesParsedAlone, 0, text.slice(-40));
            assert.deepEqual(treeSnapshot(document, services), await whole(text));
        }
    });
});
