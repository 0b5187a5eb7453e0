import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
    AstUtils,
    createLangiumParser,
    CstUtils,
    DefaultReferenceDescriptionProvider,
    isLeafCstNode,
    URI,
    type AstNode,
    type CompositeCstNode,
    type CstNode,
    type GrammarAST,
    type LangiumDocument,
    type LeafCstNode,
    type ReferenceDescription
} from 'langium';
import type { TokenType } from 'chevrotain';
import {
    buildDocuments,
    codesOf,
    createTestServices,
    examplesDir,
    journeyFilesIn,
    repoRoot
} from '../journey-test-kit.js';
import type { Journey, Step } from '../../language/generated/ast.js';
import { fastPathEnabled } from '../../language/journey-lean.js';
import { nodeFactories } from '../../language/journey-node-factories.generated.js';
import { ElementTokenTypes, moveLeaf } from '../../langium-lean/lean-cst-builder.js';

/**
 * Our parser keeps less than Langium's (ranges worked out when asked, no tokens kept, lazy
 * reference descriptions); these tests hold it to giving the same answers as Langium's own.
 */
describe('the lean syntax tree', () => {
    const services = createTestServices();
    const ours = services.Journey.parser.LangiumParser;
    const langiums = createLangiumParser(services.Journey);

    const exampleTexts = () =>
        journeyFilesIn(examplesDir).map(path =>
            services.shared.workspace.FileSystemProvider.readFileSync(URI.file(path))
        );

    const leavesOf = (root: CstNode | undefined) => [...CstUtils.streamCst(root!)]
        .filter(isLeafCstNode)
        .map(node => ({ text: node.text, offset: node.offset, end: node.end, range: node.range }));

    const tricky = [
        '/* a comment\r\n   over lines */ persona 小美 "学生"\r\n{ role "买家" }\r',
        'channel Web online\rmetric m count\n\njourney J {\n\tstage 认知 {\r\n\t\tstep S { emotion -2.5 好奇 "😀 note" metric m = 3 }\n\t}\n}',
        'journey J { stage S { step A { emotion 3 } step { } } }'
    ];

    it('gives every token the range Langium gives it: CRLF, CR, tabs, CJK, emoji, comments, broken input', () => {
        for (const text of [...tricky, ...exampleTexts()]) {
            const expected = leavesOf(langiums.parse(text).value.$cstNode);
            assert.ok(expected.length > 5);
            assert.deepEqual(leavesOf(ours.parse(text).value.$cstNode), expected);
        }
    });

    it('keeps the length of a token longer than a leaf holds in its field, a comment of 4 million characters', () => {
        const text = `/*${'长'.repeat(4_200_000)}*/\njourney J "T" { stage S { step A { emotion 3 } } }`;
        const leaves = leavesOf(ours.parse(text).value.$cstNode);
        assert.deepEqual(
            leaves.slice(0, 2).map(({ offset, end }) => ({ offset, end })),
            [
                { offset: 0, end: 4_200_004 },
                { offset: 4_200_005, end: 4_200_012 }
            ]
        );
        assert.deepEqual(leaves, leavesOf(langiums.parse(text).value.$cstNode));
    });

    it('gives a leaf the token type of its grammar element, or its own when that element consumed another type before', () => {
        const tokenTypes = new ElementTokenTypes();
        const element = { $type: 'Keyword', value: 'step' } as unknown as GrammarAST.AbstractElement;
        const [first, second] = [{ name: 'step' }, { name: 'ID' }] as TokenType[];
        const [a, b, c] = [{}, {}, {}] as LeafCstNode[];
        tokenTypes.remember(element, first, a);
        tokenTypes.remember(element, second, b);
        tokenTypes.remember(element, first, c);
        assert.deepEqual(
            [a, b, c].map(leaf => tokenTypes.of(element, leaf).name),
            ['step', 'ID', 'step']
        );
    });

    it('keeps a leaf\'s token type when the leaf moves into a tree of another parser', function () {
        if (!fastPathEnabled()) this.skip(); // Langium's own leaves keep their token type
        const other = createTestServices().Journey.parser.LangiumParser;
        const leaves = [
            ...CstUtils.streamCst(other.parse('journey J { stage S { step A { emotion 3 } } }').value.$cstNode!)
        ].filter(isLeafCstNode);
        // A fresh parser's tree, whose token types know only what `journey K { }` holds.
        const into = createTestServices().Journey.parser.LangiumParser.parse('journey K { }').value
            .$cstNode as CompositeCstNode;
        const moved = leaves.filter(leaf => ['step', 'A', '3'].includes(leaf.text));
        for (const leaf of moved) moveLeaf(leaf, 0, into);
        assert.deepEqual(moved.map(leaf => leaf.tokenType.name), ['step', 'ID', 'NUMBER']);
    });

    it('tells every node the node that holds it, its tree\'s root and its grammar element, as Langium does', () => {
        const shape = (root: CstNode | undefined) => {
            const nodes = [...CstUtils.streamCst(root!)];
            return nodes.map(node => ({
                container: node.container ? nodes.indexOf(node.container) : -1,
                held: node.container ? node.container.content.indexOf(node) : -1,
                root: node.root === root, hidden: node.hidden, element: node.grammarSource?.$type,
                token: isLeafCstNode(node) ? node.tokenType.name : undefined
            }));
        };
        let hidden = 0;
        for (const text of tricky) {
            const expected = shape(langiums.parse(text).value.$cstNode);
            assert.ok(expected.some(node => node.container > 0), 'nodes inside nodes');
            hidden += expected.filter(node => node.hidden).length;
            assert.deepEqual(shape(ours.parse(text).value.$cstNode), expected);
        }
        assert.ok(hidden > 0, 'a comment among the texts');
    });

    it('tells every AST node its container, property and place, and gives every property its default, as Langium does', () => {
        const locator = services.Journey.workspace.AstNodeLocator;
        // By path (container, property and place), since a node of ours lists its properties in its type's order, not
        // in the order they were parsed.
        const shape = (root: AstNode) =>
            new Map(
                [...AstUtils.streamAst(root)].map(node => [
                    locator.getAstNodePath(node),
                    {
                        type: node.$type,
                        container: node.$container?.$type,
                        property: node.$containerProperty,
                        index: node.$containerIndex,
                        // What each property holds: a list's length, or the type of a value; undefined ones as Langium
                        // leaves them, absent.
                        properties: Object.fromEntries(
                            Object.entries(node)
                                .filter(([name, value]) => !name.startsWith('$') && value !== undefined)
                                .map(([name, value]) => [name, Array.isArray(value) ? value.length : typeof value])
                        )
                    }
                ])
            );
        const compared = [];
        for (const text of [...tricky, ...exampleTexts()]) {
            const expected = shape(langiums.parse(text).value);
            compared.push(...expected.values());
            assert.deepEqual(shape(ours.parse(text).value), expected);
        }
        assert.ok(
            compared.some(node => node.index !== undefined) && compared.some(node => node.property === 'value'),
            'list items and single children'
        );
        assert.ok(
            compared.some(node => node.properties.exit === 'boolean'),
            'a flag with its default'
        );
    });

    it('keeps no tokens of the last text once the tree is built', function () {
        if (!fastPathEnabled()) this.skip(); // Stock Langium keeps them: letting go is the fast path's.
        ours.parse(tricky[1]);
        const input = (ours as unknown as { wrapper: { input: unknown[] } }).wrapper.input;
        assert.equal(input.length, 0);
    });

    it('indexes references as Langium does: source, target, range and locality', async () => {
        const documents = await buildDocuments(
            services,
            Object.fromEntries(journeyFilesIn(examplesDir).map(path => [path, undefined]))
        );
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
            assert.deepEqual(
                await describe(
                    services.Journey.workspace.ReferenceDescriptionProvider as DefaultReferenceDescriptionProvider,
                    document
                ),
                expected
            );
            compared += expected.length;
        }
        assert.ok(compared > 10, `only ${compared} references compared`);
        assert.ok(
            documents.some(document =>
                services.shared.workspace.IndexManager.findAllReferences(
                    document.parseResult.value.elements[0],
                    '/elements@0'
                ).some(reference => !reference.local)
            ),
            'a reference from another file is indexed'
        );
    });

    it('links references as Langium does, and again when the file they point into changes', async () => {
        const folder = join(repoRoot, 'test', 'output', 'relink');
        mkdirSync(folder, { recursive: true });
        const peoplePath = join(folder, 'people.journey');
        writeFileSync(peoplePath, 'persona 小美 "学生"\nchannel App online');
        const mapPath = join(folder, 'map.journey');
        writeFileSync(
            mapPath,
            'import "./people.journey"\njourney J {\n  persona 小美\n  stage S { step A { channel App next B } step B { channel Web } }\n}'
        );
        const fresh = createTestServices();
        const [, map] = await buildDocuments(fresh, { [peoplePath]: undefined, [mapPath]: undefined });
        const journey = map.parseResult.value.elements[0] as Journey;
        const channelOf = (step: Step) => step.channels[0].ref; // read anew each time: the reference is relinked in place
        const [stepA, stepB] = journey.stages[0].steps;
        assert.equal(journey.personas[0].ref?.name, '小美');
        assert.equal(stepA.next[0].ref, stepB);
        assert.equal(channelOf(stepB), undefined);
        assert.match(stepB.channels[0].error?.message ?? '', /Web/);
        assert.deepEqual(codesOf(map.diagnostics), ['unresolved-reference']);

        writeFileSync(peoplePath, 'persona 小丽 "学生"\nchannel App online\nchannel Web online');
        await fresh.shared.workspace.DocumentBuilder.update([URI.file(peoplePath)], []);
        assert.equal(journey.personas.at(0)?.ref, undefined, 'the persona is gone');
        assert.equal(channelOf(stepB)?.name, 'Web', 'the new channel is found');
        assert.equal(stepA.channels[0].$nodeDescription?.name, 'App');
    });

    it('builds nodes of a fixed shape: every node of a map keeps its properties in the object, not in a hash table or an array beside it', function () {
        if (!fastPathEnabled()) this.skip(); // stock Langium builds nodes property by property; this is the fast path's saving
        // V8 says whether an object's properties are fast, and where it keeps them, only with
        // --allow-natives-syntax: asked in a child process. %DebugPrint names a node's array of
        // properties kept beside it (a PropertyArray) on the child's standard output; the counts come on its standard
        // error.
        const script = `
            const { createNodeJourneyServices } = await import(${JSON.stringify(join(repoRoot, 'language', 'node-journey-services.ts'))});
            const { AstUtils } = await import('langium');
            const hasFastProperties = new Function('o', 'return %HasFastProperties(o)');
            const debugPrint = new Function('o', '%DebugPrint(o)');
            const parser = createNodeJourneyServices().Journey.parser.LangiumParser;
            const steps = Array.from({ length: 30 }, (_, i) => 'step S' + i + ' "看到广告" { channel Web touchpoint "T" emotion 3 pain "P" metric m = 1 }').join(' ');
            const root = parser.parse('channel Web online metric m count journey J { stage A { ' + steps + ' } }').value;
            const nodes = [...AstUtils.streamAst(root)];
            nodes.forEach(debugPrint);
            console.error(JSON.stringify({ nodes: nodes.length, slow: nodes.filter(node => !hasFastProperties(node)).map(node => node.$type) }));`;
        // V8 prints into a file: into a pipe, which Node makes non-blocking, a print that finds it full is lost.
        const printsFile = join(mkdtempSync(join(tmpdir(), 'node-shapes-')), 'prints.txt');
        const prints = openSync(printsFile, 'w');
        const result = spawnSync(
            process.execPath,
            ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script],
            { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', prints, 'pipe'] }
        );
        closeSync(prints);
        assert.equal(result.status, 0, result.stderr);
        const { nodes, slow } = JSON.parse(result.stderr.trim().split('\n').at(-1)!);
        assert.ok(nodes > 60, `${nodes} nodes`);
        assert.deepEqual(slow, [], 'nodes whose properties V8 keeps in a hash table');
        const printed = readFileSync(printsFile, 'utf8').split('DebugPrint:').slice(1);
        rmSync(dirname(printsFile), { recursive: true });
        assert.equal(printed.length, nodes, 'V8 printed every node');
        assert.equal(
            printed.filter(print => print.includes('<PropertyArray[')).length,
            0,
            'nodes with properties kept beside them'
        );
    });

    it("makes every node with all its fields at once, as its type's factory writes them: none added later, which V8 keeps out of the object", function () {
        if (!fastPathEnabled()) this.skip(); // stock Langium adds every property after `{ $type }`
        const texts = [...tricky, ...exampleTexts()];
        let nodes = 0;
        for (const text of texts) {
            for (const node of AstUtils.streamAst(ours.parse(text).value)) {
                assert.deepEqual(Object.keys(node), Object.keys(nodeFactories[node.$type]()), node.$type);
                nodes++;
            }
        }
        assert.ok(nodes > 150, `${nodes} nodes`);
    });

    it('gives a map\'s nodes one empty list between them, frozen, and lists with items of their own', function () {
        if (!fastPathEnabled()) this.skip(); // stock Langium gives every list property a [] of its own
        const steps = Array.from(
            { length: 20 },
            (_, i) => `step S${i} { ${i % 2 ? 'touchpoint "T"' : ''} emotion 3 }`
        ).join(' ');
        const root = ours.parse(`journey J { stage A { ${steps} } }`).value;
        const lists = [...AstUtils.streamAst(root)].flatMap(node => Object.values(node).filter(Array.isArray));
        const empty = new Set(lists.filter(list => list.length === 0));
        assert.equal(empty.size, 1, `${empty.size} distinct empty lists`);
        assert.ok(Object.isFrozen([...empty][0]), 'a write into it throws instead of reaching every node');
        const touchpoints = [...AstUtils.streamAst(root)]
            .filter(node => node.$type === 'Step')
            .map(node => (node as Step).touchpoints);
        assert.deepEqual(touchpoints.map(list => list.length), Array.from({ length: 20 }, (_, i) => i % 2));
        assert.equal(new Set(touchpoints.filter(list => list.length > 0)).size, 10, 'each list with items is its own');
    });
});
