import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
    AstUtils,
    CstUtils,
    isReference,
    URI,
    type AstNode,
    type LangiumDocument,
    type ParserOptions,
    type Reference
} from 'langium';
import type { LangiumServices, LangiumSharedServices } from 'langium/lsp';
import type { Range } from 'vscode-languageserver-types';
import type { LeanSharedServices } from '../../langium-lean/lean-module.js';
import { STAGED_PARSE_FROM } from '../../langium-lean/staged-parse.js';
import { repoRoot } from '../journey-test-kit.js';
import { createTinyServices } from './tiny/tiny-services.js';

type Services = { shared: LangiumSharedServices; Tiny: LangiumServices };

const folder = join(repoRoot, 'test', 'output', 'tiny');
mkdirSync(folder, { recursive: true });
let files = 0;

/** A document of `text`, read from its file as a workspace's are, and built with validation. */
async function built(
    services: Services,
    text: string,
    path = join(folder, `doc${files++}.tiny`)
): Promise<LangiumDocument> {
    writeFileSync(path, text);
    const document = await services.shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path));
    const builder = services.shared.workspace.DocumentBuilder;
    await builder.build([document], builder.updateBuildOptions);
    return document;
}

/** What a build decided: the AST with its text regions, every token, every link, the diagnostics. */
function snapshot(document: LangiumDocument, services: Services) {
    const root = document.parseResult.value;
    const locator = services.Tiny.workspace.AstNodeLocator;
    const targetOf = (reference: Reference) => (reference.ref ? locator.getAstNodePath(reference.ref) : 'unresolved');
    const nodes = [...AstUtils.streamAst(root)];
    return {
        ast: JSON.parse(
            services.Tiny.serializer.JsonSerializer.serialize(root, { textRegions: true, refText: true })
        ) as unknown,
        tokens: root.$cstNode
            ? CstUtils.flattenCst(root.$cstNode)
                  .map(leaf => `${leaf.offset} ${leaf.text} ${rangeText(leaf.range)}`)
                  .toArray()
            : [],
        links: nodes.flatMap(node =>
            AstUtils.streamReferences(node)
                .map(({ reference }) =>
                    isReference(reference)
                        ? `${locator.getAstNodePath(node)} ${reference.$refText} → ${targetOf(reference)}`
                        : ''
                )
                .toArray()
        ),
        diagnostics: (document.diagnostics ?? []).map(
            diagnostic => `${rangeText(diagnostic.range)} ${String(diagnostic.message)}`
        )
    };
}

/** An item of a block of 60 that names the next one round. */
function itemLine(item: number): string {
    return `  item i${item} ${item} -> i${(item + 1) % 60}`;
}

function rangeText({ start, end }: Range): string {
    return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** A tiny document: blocks of items, some naming others, some with numbers. */
const tinyText = fc
    .array(
        fc.record({
            name: fc.constantFrom('A', 'B', 'C'),
            title: fc.option(fc.constantFrom('"Ein Titel"', '"客户旅程"', '"<script>"'), { nil: undefined }),
            items: fc.array(
                fc.record({
                    name: fc.constantFrom('x', 'y', 'z', 'w'),
                    value: fc.option(fc.nat(99), { nil: undefined }),
                    targets: fc.array(fc.constantFrom('x', 'y', 'z', 'nowhere'), { maxLength: 2 }),
                    comment: fc.boolean()
                }),
                { maxLength: 5 }
            )
        }),
        { maxLength: 4 }
    )
    .map(
        blocks =>
            blocks
                .map(block =>
                    [
                        `block ${block.name}${block.title ? ' ' + block.title : ''} {`,
                        ...block.items.map(
                            item =>
                                `  item ${item.name}${item.value === undefined ? '' : ' ' + item.value}` +
                                (item.targets.length > 0 ? ` -> ${item.targets.join(', ')}` : '') +
                                (item.comment ? ' // note' : '')
                        ),
                        '}'
                    ].join('\n')
                )
                .join('\n') + '\n'
    );

/** The same text with a few cuts and insertions: broken documents too. */
const brokenText = fc
    .tuple(
        tinyText,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('', '}', '{', 'item', '->', '"', 'block')))
    )
    .map(([text, cuts]) =>
        cuts.reduce((result, [at, length, inserted]) => {
            const offset = at % (result.length + 1);
            return result.slice(0, offset) + inserted + result.slice(offset + length);
        }, text)
    );

describe('the lean layer on a second, tiny grammar (test/langium-lean/tiny)', function () {
    this.timeout(120_000);
    const lean = createTinyServices(true);
    const stock = createTinyServices(false);

    it("is wired: the tiny language runs on the lean classes, and on Langium's when off", () => {
        assert.equal(lean.Tiny.references.Linker.constructor.name, 'PartialLinker');
        assert.equal(lean.shared.workspace.LangiumDocumentFactory.constructor.name, 'IncrementalDocumentFactory');
        assert.equal(stock.Tiny.references.Linker.constructor.name, 'DefaultLinker');
    });

    it('parses, links and checks as stock Langium does, broken texts included', async () => {
        await fc.assert(
            fc.asyncProperty(brokenText, async text => {
                const path = join(folder, `doc${files++}.tiny`);
                assert.deepEqual(
                    snapshot(await built(lean, text, path), lean),
                    snapshot(await built(stock, text, path), stock),
                    text
                );
            }),
            { numRuns: 150 }
        );
    });

    it('reparses only the item or block an edit is in, and gives what a whole parse gives', async () => {
        const path = join(folder, 'edited.tiny');
        // A block at the very start has no white space before it, where a token could reach in: it is parsed whole.
        const text =
            '// two blocks\nblock A "一" {\n  item x 1 -> y\n  item y 2\n}\nblock B {\n  item z -> x // z\n}\n';
        const document = await built(lean, text, path);
        const memory = (lean.shared as LeanSharedServices).lean.Documents;
        // Each edit, and the rule of the innermost node around it: the node that is parsed again.
        const steps: Array<[(current: string) => string, string]> = [
            [current => current.replace('item x 1', 'item x 10'), 'Item'],
            // At the item's very end: the block around it is parsed again.
            [current => current.replace('item y 2', 'item y 2 -> x'), 'Block'],
            [current => current.replace('  item z -> x // z\n', '  item z -> x // z\n  item v 3\n'), 'Block'],
            [current => current.replace('item x 10 -> y\n  item y 2 -> x', 'item x -> nowhere'), 'Block']
        ];
        let edited = text;
        for (const [step, reparsed] of steps) {
            edited = step(edited);
            const root = document.parseResult.value;
            writeFileSync(path, edited);
            await lean.shared.workspace.DocumentBuilder.update([document.uri], []);
            assert.equal(document.parseResult.value, root, `the tree was kept: ${edited}`);
            assert.equal(
                memory.graftOf(document)?.removed[0].$type,
                reparsed,
                'an incremental parse of the innermost node made it'
            );
            // Fresh services: the stock workspace would keep its document of the last text at this path.
            const whole = createTinyServices(false);
            assert.deepEqual(snapshot(document, lean), snapshot(await built(whole, edited, path), whole), edited);
        }
    });

    it('gives what a whole parse gives after each of a run of random edits, made incrementally', async () => {
        const edit = fc.tuple(
            fc.nat(),
            fc.nat({ max: 5 }),
            fc.constantFrom('', '1', 'x', ' ', '}', '{', '\n  item q 4', '"', '->', '//')
        );
        await fc.assert(
            fc.asyncProperty(tinyText, fc.array(edit, { minLength: 1, maxLength: 4 }), async (text, edits) => {
                const path = join(folder, `edited${files++}.tiny`);
                const document = await built(lean, text, path);
                let edited = text;
                for (const [at, length, inserted] of edits) {
                    const offset = at % (edited.length + 1);
                    edited = edited.slice(0, offset) + inserted + edited.slice(offset + length);
                    writeFileSync(path, edited);
                    await lean.shared.workspace.DocumentBuilder.update([document.uri], []);
                    const whole = createTinyServices(false);
                    assert.deepEqual(
                        snapshot(document, lean),
                        snapshot(await built(whole, edited, path), whole),
                        edited
                    );
                }
            }),
            { numRuns: 60 }
        );
    });

    it('parses large random texts a block at a time, to what a whole parse gives', async () => {
        await fc.assert(
            fc.asyncProperty(brokenText, fc.nat({ max: 3 }), async (block, spoilt) => {
                // Hundreds of random blocks past the size where staged parsing starts; one of them broken.
                const fine = Array.from({ length: 400 }, (_, index) =>
                    `block B${index} {\n${Array.from({ length: 60 }, (__, item) => itemLine(item)).join('\n')}\n}\n`);
                fine.splice(100 * spoilt + 50, 0, block);
                const text = fine.join('');
                const path = join(folder, `large${files++}.tiny`);
                assert.deepEqual(
                    snapshot(await built(lean, text, path), lean),
                    snapshot(await built(stock, text, path), stock)
                );
            }),
            { numRuns: 4 }
        );
    });

    it('parses a large text a block at a time, to what a whole parse gives', async () => {
        const blocks = Array.from(
            { length: 400 },
            (_, index) =>
                `block B${index} {\n${Array.from({ length: 60 }, (__, item) => itemLine(item)).join('\n')}\n}`
        );
        const text = blocks.join('\n') + '\n';
        assert.ok(text.length > STAGED_PARSE_FROM);
        const parser = lean.Tiny.parser.LangiumParser;
        const parse = parser.parse.bind(parser);
        let blockParses = 0;
        parser.parse = ((input: string, options?: ParserOptions) => {
            if (options?.rule === 'Block') blockParses++;
            return parse(input, options);
        }) as typeof parser.parse;
        try {
            const path = join(folder, 'large.tiny');
            const document = await built(lean, text, path);
            assert.equal(blockParses, 400, 'each block parsed on its own');
            assert.deepEqual(snapshot(document, lean), snapshot(await built(stock, text, path), stock));
        } finally {
            parser.parse = parse;
        }
    });

    it('recovers from errors in bounded stack: 20,000 blocks each followed by a stray brace', () => {
        // Each stray brace is a recovery inside the file's loop of blocks; Chevrotain alone recurses once per recovery.
        const text = Array.from({ length: 20_000 }, (_, index) => `block B${index} { item i ${index} }\n}`).join('\n');
        const result = lean.Tiny.parser.LangiumParser.parse(text);
        assert.equal(result.parserErrors.length, 20_000);
        assert.equal((result.value as AstNode & { blocks: unknown[] }).blocks.length, 20_000);
    });
});
