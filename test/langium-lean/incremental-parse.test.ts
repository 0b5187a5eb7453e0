import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { generatedJourney } from '../../bench/generated-journey.js';
import { describeDiagnostics, createTestServices, repoRoot, type TestServices } from '../journey-test-kit.js';
import { treeSnapshot } from '../language/tree-snapshot.js';
import { fastPathEnabled } from '../../language/journey-lean.js';

/**
 * An edit inside one step (or stage) is parsed on its own and grafted into the previous tree.
 * Whatever the edit, the document must end up exactly as a parse of the whole new text makes
 * it: the same AST with the same text regions, the same tokens at the same places and the
 * same diagnostics.
 */
describe('incremental parsing of an edit', () => {
    const folder = join(repoRoot, 'test', 'output', 'incremental');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'map.journey');
    const uri = URI.file(path);
    const header =
        '/** 一次购物的客户旅程 */\npersona 小美 "学生"\nchannel App online\nchannel Web online\nmetric m count\n';
    const base =
        header +
        generatedJourney(24)
            .text.split('\n')
            .slice(2)
            .join('\n')
            .replace('emotion 2 curious', 'emotion 2 curious // 看到价格\n      /* 一条\n         多行注释 */')
            // Steps sharing a line, with diagnostics of their own: an edit before them moves those diagnostics.
            .replace(
                /}\n}\n$/,
                '}\n  stage Z "同一行" { step Z1 { emotion 2 } step Z2 { emotion 9 exit next Z1 } }\n}\n'
            );

    let services: TestServices;
    let document: LangiumDocument;

    async function open(text: string): Promise<void> {
        services = createTestServices();
        writeFileSync(path, text);
        document = services.shared.workspace.LangiumDocuments.createDocument(uri, text);
        // With the checks the language server runs after each edit: the next validation can then reuse this one's.
        const builder = services.shared.workspace.DocumentBuilder;
        await builder.build([document], builder.updateBuildOptions);
    }

    /**
     * Applies the edit through the builder, as the language server does; says whether the tree was kept (reparsed in
     * part).
     */
    async function edit(text: string): Promise<boolean> {
        const root = document.parseResult.value;
        writeFileSync(path, text);
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        return document.parseResult.value === root;
    }

    async function expectSameAsFullParse(text: string): Promise<void> {
        const fresh = createTestServices();
        const whole = fresh.shared.workspace.LangiumDocuments.createDocument(uri, text);
        await fresh.shared.workspace.DocumentBuilder.build([whole], { validation: true });
        assert.deepEqual(treeSnapshot(document, services), treeSnapshot(whole, fresh));
    }

    /**
     * With the fast path the edit was reparsed in part; without it (JOURNEYMAP_FAST_PATH=off) every edit is parsed
     * whole, to the same result.
     */
    const fastPath = fastPathEnabled();
    const expectReparsedInPart = (kept: boolean, message?: string) => assert.equal(kept, fastPath, message);

    const at = (text: string, anchor: string) => {
        const index = text.indexOf(anchor);
        assert.ok(index >= 0, anchor);
        return index;
    };
    const replace = (text: string, anchor: string, by: string) =>
        text.slice(0, at(text, anchor)) + by + text.slice(at(text, anchor) + anchor.length);

    it('reparses only the step for edits inside it, and gives what a whole parse gives', async () => {
        await open(base);
        const edits = [
            (text: string) => replace(text, 'emotion 1 curious', 'emotion 4 curious'),
            (text: string) =>
                replace(
                    text,
                    'touchpoint "Touchpoint 3"',
                    'touchpoint "Touchpoint 3"\n      pain "<script>alert(1)</script> 太贵了"'
                ),
            (text: string) => replace(text, 'metric m = 3', 'metric m = 3\n      channel App'),
            (text: string) => replace(text, '// 看到价格', '// 看到了价格和运费'),
            (text: string) => replace(text, '多行注释', '多行\r\n注释'),
            // Links kept through edits: a `next` into a step that is then reparsed must lead to the new step.
            (text: string) =>
                replace(text, 'touchpoint "Touchpoint 3"', 'touchpoint "Touchpoint 3"\n      next T5, T9'),
            (text: string) => replace(text, 'touchpoint "Touchpoint 5"', 'touchpoint "Touchpoint 5 改了"'),
            (text: string) => replace(text, 'touchpoint "Touchpoint 9"', 'touchpoint "Touchpoint 9"\n      next T99'),
            (text: string) => replace(text, 'next T5, T9', 'next T6, T9'),
            (text: string) => replace(text, 'step Z1 { emotion 2 }', 'step Z1 { emotion 3 curious }'),
            (text: string) => replace(text, 'step T7 "Step 7 看到广告"', 'step T7Renamed "第七步"'),
            (text: string) =>
                replace(
                    text,
                    'channel Web\n      touchpoint "Touchpoint 20"',
                    'channel Nowhere\n      touchpoint "Touchpoint 20"'
                )
        ];
        let text = base;
        for (const change of edits) {
            text = change(text);
            expectReparsedInPart(await edit(text), `reparsed in part: ${text.length}`);
            await expectSameAsFullParse(text);
        }
        assert.match(describeDiagnostics(document.diagnostics), /Nowhere/);
        assert.match(describeDiagnostics(document.diagnostics), /T99/);
        assert.match(describeDiagnostics(document.diagnostics), /Emotion 9 is outside/);
    });

    it('reparses the stage for a step added or removed, and gives what a whole parse gives', async () => {
        await open(base);
        let text = replace(
            base,
            '  stage S1 "Stage 1 阶段" {\n',
            '  stage S1 "Stage 1 阶段" {\n    step New "新的一步" { emotion 5 next T12 }\n'
        );
        expectReparsedInPart(await edit(text));
        await expectSameAsFullParse(text);
        text = replace(text, '    step New "新的一步" { emotion 5 next T12 }\n', '');
        expectReparsedInPart(await edit(text));
        await expectSameAsFullParse(text);
    });

    it("parses the whole text when an edit breaks the syntax, touches a step's edges or lies outside steps, and after a broken version", async () => {
        await open(base);
        const cases = [
            replace(base, 'emotion 1 curious', 'emotion = curious'),
            replace(base, 'step T3 "Step 3 看到广告" {', 'stop T3 "Step 3 看到广告" {'),
            replace(base, 'emotion scale 1..5', 'emotion scale 1..7'),
            replace(base, 'metric m = 3\n    }', 'metric m = 3\n    } }'),
            replace(base, 'metric m = 3', 'metric m = 3 /* open comment'),
            base
        ];
        for (const text of cases) {
            assert.equal(await edit(text), false, text.slice(0, 200));
            await expectSameAsFullParse(text);
        }
        // A string left open is read to the end of its line (and reported): the step still parses alone.
        const unclosed = replace(base, 'emotion 1 curious', 'emotion 1 "curious');
        await edit(unclosed);
        await expectSameAsFullParse(unclosed);
    });

    it('keeps every token in place over hundreds of edits (tokens take the moves of many edits at once)', async () => {
        await open(base);
        let text = base;
        for (let count = 0; count < 300; count++) {
            // Typing and deleting in steps all over the map, so that tokens after each edit move back and forth.
            const plain = `touchpoint "Touchpoint ${(count * 7) % 24}"`;
            const typed = `touchpoint "Touchpoint ${(count * 7) % 24} 改"`;
            text = text.includes(typed) ? replace(text, typed, plain) : replace(text, plain, typed);
            expectReparsedInPart(await edit(text), `edit ${count} reparsed in part`);
            if (count % 50 === 49 || count === 299) await expectSameAsFullParse(text);
        }
    });

    it('places the tokens of a step longer than the text before an earlier edit (fuzz seed -1889694805)', async () => {
        // A step whose own text runs past the offset where an earlier edit moved the map: its tokens,
        // counted from the step's start, once took that move as if they were the map's.
        const long = replace(base, 'step T3 "Step 3 看到广告"', `step T3 "${'很长的标题'.repeat(200)}"`);
        await open(long);
        const first = replace(
            long,
            'touchpoint "Touchpoint 1"',
            'touchpoint "Touchpoint 1"\n      touchpoint "Touchpoint 1"'
        );
        expectReparsedInPart(await edit(first), 'the first edit reparsed in part');
        const second = replace(
            first,
            'touchpoint "Touchpoint 3"',
            'touchpoint "Touchpoint 3"\n      touchpoint "Touchpoint 3 again"'
        );
        expectReparsedInPart(await edit(second), 'the second edit reparsed in part');
        await expectSameAsFullParse(second);
    });

    it('checks an opportunity again after an edit of another step changes what its journey reaches', async () => {
        const map =
            'metric m count\njourney J {\n  stage S {\n    step A {\n      emotion 3\n      next C\n    }\n    step B {\n      emotion 2\n    }\n    step C {\n      emotion 4\n    }\n  }\n}\nopportunity O "o" { addresses J.B }\n';
        await open(map);
        const unreachable = () =>
            (document.diagnostics ?? []).filter(diagnostic => diagnostic.code === 'opportunity-step-unreachable')
                .length;
        assert.equal(unreachable(), 1);
        const text = map.replace('      next C\n', '      next B, C\n');
        expectReparsedInPart(await edit(text));
        assert.equal(unreachable(), 0, 'B is reached now');
        await expectSameAsFullParse(text);
    });

    it('runs the data-link checks again after a data file changed, though the edit is in another step', async () => {
        const csv = join(folder, 'funnel.csv');
        writeFileSync(csv, 'week,step,conversion\n2026-W47,see-ad,14.5\n');
        const withData = replace(
            replace(
                base,
                'metric m count\n',
                'metric m count\nmetric conversion percent\ndata funnel "funnel.csv" period week\n'
            ),
            'metric m = 3\n',
            'metric m = 3\n      metric conversion = funnel.conversion where step = "see-ad"\n'
        );
        await open(withData);
        let text = replace(withData, 'touchpoint "Touchpoint 20"', 'touchpoint "Touchpoint 20 改"');
        expectReparsedInPart(await edit(text));
        assert.doesNotMatch(describeDiagnostics(document.diagnostics), /between 0 and 100/);
        writeFileSync(csv, 'week,step,conversion\n2026-W47,see-ad,145\n');
        services.Journey.journey.DataSources.invalidate([URI.file(csv).toString()]);
        text = replace(text, 'touchpoint "Touchpoint 21"', 'touchpoint "Touchpoint 21 改"');
        expectReparsedInPart(await edit(text));
        assert.match(
            describeDiagnostics(document.diagnostics),
            /linked value 145 of percent metric 'conversion' must be between 0 and 100/
        );
        await expectSameAsFullParse(text);
    });

    it('gives what a whole parse gives for one-character edits all over the map', async () => {
        await open(base);
        let partial = 0;
        // Without the fast path both sides parse the whole text: a fifth of the positions shows that as well.
        const stride = fastPath ? 11 : 55;
        for (let position = 0; position < base.length; position += stride) {
            for (const text of [
                base.slice(0, position) + base.slice(position + 1),
                base.slice(0, position) + '9' + base.slice(position)
            ]) {
                await open(base);
                if (await edit(text)) partial++;
                await expectSameAsFullParse(text);
            }
        }
        assert.ok(fastPath ? partial > 100 : partial === 0, `${partial} edits were reparsed in part`);
    });
});
