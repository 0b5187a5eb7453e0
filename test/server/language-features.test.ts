import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import {
    expectCompletion, expectFindReferences, expectFoldings, expectGoToDefinition, expectHover, expectSymbols,
    expectSemanticToken, expectWorkspaceSymbols, highlightHelper, testCodeAction
} from 'langium/test';
import { SemanticTokenTypes, type CodeAction, type DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { buildDocuments, createTestServices, designDir, examplesDir } from '../journey-test-kit.js';

const checkout = readFileSync(join(designDir, 'checkout.journey'), 'utf8');
const people = readFileSync(join(designDir, 'people.journey'), 'utf8');

describe('language server features', () => {
    const services = createTestServices();
    const journey = services.Journey;

    describe('completion', () => {
        const complete = expectCompletion(journey);

        it('offers the personas of the file after `persona` in a journey', async () => {
            await complete({
                text: 'persona Ana\npersona 小王\njourney J { persona <|> }',
                index: 0,
                assert: list => {
                    const labels = list.items.map(item => item.label);
                    assert.ok(labels.includes('Ana') && labels.includes('小王'), labels.join(', '));
                }
            });
        });

        it('offers the steps of the journey after `next`, across stages', async () => {
            await complete({
                text: 'journey J { stage S { step A { next <|> } } stage T { step B { exit } } }\njourney K { stage U { step Other { exit } } }',
                index: 0,
                assert: list => {
                    const labels = list.items.map(item => item.label);
                    assert.ok(labels.includes('A') && labels.includes('B'), labels.join(', '));
                }
            });
        });

        it('offers the step keywords inside a step', async () => {
            await complete({
                text: 'journey J { stage S { step A { <|> } } }',
                index: 0,
                assert: list => {
                    const labels = list.items.map(item => item.label);
                    for (const keyword of [
                        'persona',
                        'channel',
                        'touchpoint',
                        'emotion',
                        'pain',
                        'opportunity',
                        'moment',
                        'metric',
                        'next',
                        'exit'
                    ]) {
                        assert.ok(labels.includes(keyword), `missing ${keyword} in ${labels.join(', ')}`);
                    }
                    assert.ok(!labels.includes('stage'), 'stage is not a step keyword');
                }
            });
        });

        it('offers feelings already used in the file after an emotion score', async () => {
            await complete({
                text: 'journey J { stage S { step A { emotion 3 焦虑 } step B { emotion 2 curious } step C { emotion 4 <|> } } }',
                index: 0,
                assert: list => {
                    const labels = list.items.map(item => item.label);
                    assert.ok(labels.includes('焦虑') && labels.includes('curious'), labels.join(', '));
                }
            });
        });
    });

    describe('completion of the words of an opportunity and a claim', () => {
        const complete = expectCompletion(journey);

        it('offers the steps of the journeys as `Journey.Step` after `addresses`, and declared opportunities on a step', async () => {
            await complete({
                text: 'journey J { stage S { step A { emotion 3 } step B { emotion 2 } } }\nopportunity O { addresses <|>',
                index: 0,
                expectedItems: ['J.A', 'J.B']
            });
            await complete({
                text: 'opportunity Callback { addresses J.A }\njourney J { stage S { step A { opportunity <|> } } }',
                index: 0,
                expectedItems: ['Callback']
            });
        });

        it('offers the statuses after `status` and the confidences after `confidence`', async () => {
            await complete({
                text: 'journey J { stage S { step A { emotion 3 } } }\nopportunity O { status <|>',
                index: 0,
                expectedItems: ['idea', 'planned', 'building', 'shipped', 'measured', 'dropped']
            });
            await complete({
                text: 'journey J { stage S { step A { pain "Slow" { confidence <|> } } } }',
                index: 0,
                expectedItems: ['low', 'medium', 'high']
            });
        });

        it("offers the map's lanes after `lanes`, a view's journeys and their stages, and steps after `show`", async () => {
            const lanes = [
                'stages',
                'steps',
                'touchpoints',
                'emotion',
                'notes',
                'quotes',
                'pains',
                'opportunities',
                'metrics',
                'blueprint',
                'paths'
            ];
            await complete({
                text: 'journey J { stage S { step A { exit } } }\nview V { lanes emotion, <|>',
                index: 0,
                expectedItems: lanes
            });
            const twoJourneys =
                'journey J { stage S { step A { exit } } }\njourney K { stage T { step B { exit } } }\n';
            await complete({ text: `${twoJourneys}view V { journeys K stages <|>`, index: 0, expectedItems: ['T'] });
            await complete({ text: `${twoJourneys}story W { show <|>`, index: 0, expectedItems: ['J.A', 'K.B'] });
        });
    });

    describe('hover', () => {
        const hover = expectHover(journey);

        it('shows a persona card on a persona reference', async () => {
            await hover({
                text: `${people}\njourney J { persona <|>Ana stage S { step A { emotion 3 } } }`,
                index: 0,
                hover: /\*\*Persona\*\* `Ana`[\s\S]*Buys supplies for a 5-person shop[\s\S]*Hidden shipping costs[\s\S]*我只想知道总价/
            });
        });

        it('shows an opportunity card with its owner, status and the steps it addresses, with their pains and emotions', async () => {
            await hover({
                text: 'metric c percent\njourney J { stage S { step A "Compares" { emotion 2 pain "Hidden costs" metric c = 3 } } }\nopportunity <|>Show "Show shipping" { owner "Web" status planned value 4 effort 2 addresses J.A expects c >= 12 evidence "Funnel" }',
                index: 0,
                hover: /\*\*Opportunity\*\* `Show` — Show shipping[\s\S]*\*Owner:\* Web · \*Status:\* planned · \*Value:\* 4 \/ 5 · \*Effort:\* 2 \/ 5 · \*Expects:\* c ≥ 12[\s\S]*`J\.A` Compares — emotion 2; pains: Hidden costs[\s\S]*\*Evidence:\* Funnel/
            });
        });

        it("shows the detail journey's summary on a step it details, and a view's and a story's parts", async () => {
            const detailed =
                'journey Repair "报修" { stage R { step Call { emotion 1 pain "排队" pain "重复" exit } step Fix { emotion 4 exit } } }\n';
            await hover({
                text: `${detailed}journey L { stage O { step <|>Service "报修与维修" { detail Repair exit } } }`, index: 0,
                hover: /\*In detail:\* `Repair` 报修 — 1 stages · 2 steps · lowest emotion 1 · 2 pains/
            });
            await hover({
                text: `${detailed}view <|>Exec "管理层" { journeys Repair lanes emotion, pains }`,
                index: 0,
                hover: /\*\*View\*\* `Exec` — 管理层[\s\S]*\*Journeys:\* Repair[\s\S]*\*Persona:\* all[\s\S]*\*Lanes:\* emotion, pains/
            });
            await hover({
                text: `${detailed}story <|>Why { show Repair.Call "a" show Repair.Fix }`,
                index: 0,
                hover: /\*\*Story\*\* `Why`[\s\S]*2 slides/
            });
        });

        it('shows a metric with unit and target', async () => {
            await hover({
                text: 'metric <|>conversion "Conversion" percent target >= 12',
                index: 0,
                hover: /unit: percent · target: ≥ 12% \(higher is better\)/
            });
        });

        it('shows a step summary with its emotion on the journey scale', async () => {
            await hover({
                text: 'journey J { emotion scale 1..7 stage S { step <|>A "Compares offers" { emotion 2 anxious "total jumps" moment of truth "Sees the total" } } }',
                index: 0,
                hover: /\*\*Step\*\* `A` — Compares offers[\s\S]*\*Emotion:\* 2 of 1\.\.7 \(anxious\)[\s\S]*Sees the total/
            });
        });

        it('shows documentation comments below the card, and escapes markup from the file', async () => {
            await hover({
                text: '/** Our <b>main</b> persona. */\npersona <|>P "<script>alert(1)</script>"',
                index: 0,
                hover: /\\<script\\>[\s\S]*Our <b>main<\/b> persona\./
            });
        });
    });

    describe('navigation', () => {
        it('goes to the definition of a persona, a channel and a step', async () => {
            const definition = expectGoToDefinition(journey);
            await definition({
                text: 'persona <|Ana|>\njourney J { persona <|>Ana stage S { step A { emotion 3 } } }',
                index: 0,
                rangeIndex: 0
            });
            await definition({
                text: 'channel <|Web|> online\njourney J { stage S { step A { channel <|>Web } } }',
                index: 0,
                rangeIndex: 0
            });
            await definition({
                text: 'journey J { stage S { step A { next <|>B } } stage T { step <|B|> { exit } } }',
                index: 0,
                rangeIndex: 0
            });
        });

        it('finds every reference to a metric', async () => {
            await expectFindReferences(journey)({
                text: 'metric <|>csat scale 1..5\njourney J { stage S { step A { metric <|csat|> = 4 } step B { metric <|csat|> = 3 } } }',
                includeDeclaration: false
            });
        });

        it('renames a persona in its file and in every file that imports it', async () => {
            const fresh = createTestServices();
            const [peopleDocument, checkoutDocument] = await buildDocuments(fresh, {
                [join(designDir, 'people.journey')]: people,
                [join(designDir, 'checkout.journey')]: checkout
            });
            const offset = peopleDocument.textDocument.getText().indexOf('Ana');
            const edit = await fresh.Journey.lsp.RenameProvider!.rename(peopleDocument, {
                textDocument: { uri: peopleDocument.uri.toString() },
                position: peopleDocument.textDocument.positionAt(offset),
                newName: 'Anna'
            });
            const changes = edit?.changes ?? {};
            assert.equal(changes[peopleDocument.uri.toString()]?.length, 1);
            assert.equal(changes[checkoutDocument.uri.toString()]?.length, 1);
            assert.equal(
                checkoutDocument.textDocument.getText(changes[checkoutDocument.uri.toString()][0].range),
                'Ana'
            );
        });

        it('renames a journey where a story shows its steps, and a view where a story draws in it', async () => {
            const text =
                'journey J { stage S { step A { exit } } }\nview V { journeys J }\nstory W { view V show J.A "a" }\n';
            const [document] = await buildDocuments(services, { '/views/rename.journey': text });
            const rename = async (at: string, newName: string) => {
                const position = document.textDocument.positionAt(text.indexOf(at) + at.length - 1);
                const edit = await journey.lsp.RenameProvider!.rename(document, {
                    textDocument: { uri: document.uri.toString() },
                    position,
                    newName
                });
                return TextDocument.applyEdits(document.textDocument, edit?.changes?.[document.uri.toString()] ?? []);
            };
            assert.equal(
                await rename('journey J', 'Buy'),
                'journey Buy { stage S { step A { exit } } }\nview V { journeys Buy }\nstory W { view V show Buy.A "a" }\n'
            );
            assert.equal(
                await rename('view V', 'Exec'),
                'journey J { stage S { step A { exit } } }\nview Exec { journeys J }\nstory W { view Exec show J.A "a" }\n'
            );
        });

        it('renames a qualified reference after its namespace, keeping the namespace', async () => {
            const fresh = createTestServices();
            const [peopleDocument, mainDocument] = await buildDocuments(fresh, {
                [join(designDir, 'people.journey')]: people,
                [join(designDir, 'qualified.journey')]:
                    'import "./people.journey"\njourney J { persona Ana, people.Ana stage S { step A { persona people.Ana } } }\n'
            });
            const edit = await fresh.Journey.lsp.RenameProvider!.rename(peopleDocument, {
                textDocument: { uri: peopleDocument.uri.toString() },
                position: peopleDocument.textDocument.positionAt(peopleDocument.textDocument.getText().indexOf('Ana')),
                newName: 'Anna'
            });
            const renamed = TextDocument.applyEdits(
                mainDocument.textDocument,
                edit?.changes?.[mainDocument.uri.toString()] ?? []
            );
            assert.equal(
                renamed,
                'import "./people.journey"\njourney J { persona Anna, people.Anna stage S { step A { persona people.Anna } } }\n'
            );
        });
    });

    describe('symbols and folding', () => {
        it('outlines journey › stage › step', async () => {
            await expectSymbols(journey)({
                text: checkout,
                assert: symbols => {
                    const journeySymbol = symbols.find(symbol => symbol.name === 'FirstPurchase') as DocumentSymbol;
                    assert.ok(journeySymbol, symbols.map(s => s.name).join(', '));
                    assert.deepEqual(
                        journeySymbol.children?.map(stage => stage.name),
                        ['Awareness', 'Consideration', 'Purchase']
                    );
                    assert.deepEqual(journeySymbol.children?.[2].children?.map(step => step.name), ['Buy', 'Leave']);
                    assert.ok(symbols.some(symbol => symbol.name === 'conversion'));
                }
            });
        });

        it('finds steps and personas across the workspace by name', async () => {
            const fresh = createTestServices();
            await buildDocuments(fresh, { [join(examplesDir, 'saas', 'onboarding.journey')]: undefined });
            await expectWorkspaceSymbols(fresh.shared)({
                query: 'Configure',
                assert: symbols => assert.deepEqual(symbols.map(symbol => symbol.name), ['Configure'])
            });
            await expectWorkspaceSymbols(fresh.shared)({
                query: 'Priya',
                assert: symbols => assert.deepEqual(symbols.map(symbol => symbol.name), ['Priya'])
            });
        });

        it('folds journeys, stages, steps and block comments', async () => {
            await expectFoldings(journey)({
                text: '<|/**\n * doc\n */|>\n<|journey J {\n  <|stage S {\n    <|step A {\n      emotion 3\n    }|>\n  }|>\n}|>',
                assert: (foldings, expected) => assert.equal(foldings.length, expected.length)
            });
        });
    });

    describe('semantic tokens', () => {
        it('colours personas, channels, metrics and steps by kind', async () => {
            const tokens = await highlightHelper(journey)(
                'persona <|Ana|>\nchannel <|Web|> online\njourney J { stage S { step <|A|> { channel Web } } }'
            );
            expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
            expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.enumMember });
            expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.function });
        });
    });

    describe('quick fixes', () => {
        it('clamps an emotion into the journey scale', async () => {
            await testCodeAction(journey)(
                'journey J { stage S { step A { emotion 9 } } }',
                IssueCodes.EmotionOutOfScale,
                'journey J { stage S { step A { emotion 5 } } }'
            );
        });

        it('offers "did you mean" and "create persona" for an unknown persona', async () => {
            const fresh = createTestServices();
            const [document] = await buildDocuments(fresh, {
                [join(designDir, 'scratch.journey')]:
                    'persona Ana\njourney J { persona Anna stage S { step A { emotion 3 } } }'
            });
            const diagnostic = document.diagnostics!.find(d => d.code === IssueCodes.UnresolvedReference)!;
            const actions = (await fresh.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() },
                range: diagnostic.range,
                context: { diagnostics: [diagnostic] }
            })) as CodeAction[];
            assert.deepEqual(actions.map(action => action.title), ["Change to 'Ana'", "Create persona 'Anna'"]);
            const created = actions[1].edit!.changes![document.uri.toString()][0];
            assert.equal(created.range.start.line, 1, 'inserted before the journey');
            assert.match(created.newText, /^persona Anna "Anna" \{/);
            assert.equal(URI.parse(document.uri.toString()).path.endsWith('scratch.journey'), true);
        });

        it('promotes an idea written on a step to a declared opportunity that addresses the step, and the result checks clean', async () => {
            const fresh = createTestServices();
            const text =
                'opportunity ShowShippingCosts "taken" { addresses J.A }\njourney J { stage S { step A { emotion 3 opportunity "Show shipping costs" opportunity ShowShippingCosts } } }\n';
            const [document] = await buildDocuments(fresh, { [join(designDir, 'promote.journey')]: text });
            const at = document.textDocument.positionAt(text.indexOf('"Show shipping costs"') + 3);
            const actions = (await fresh.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() },
                range: { start: at, end: at },
                context: { diagnostics: [] }
            })) as CodeAction[];
            const promote = actions.find(action => action.title.startsWith("Declare 'Show shipping costs'"))!;
            assert.ok(promote, actions.map(action => action.title).join(', '));
            const edits = [...promote.edit!.changes![document.uri.toString()]].sort(
                (a, b) => document.textDocument.offsetAt(b.range.start) - document.textDocument.offsetAt(a.range.start)
            );
            let promoted = text;
            for (const edit of edits)
                promoted =
                    promoted.slice(0, document.textDocument.offsetAt(edit.range.start)) +
                    edit.newText +
                    promoted.slice(document.textDocument.offsetAt(edit.range.end));
            assert.match(
                promoted,
                /opportunity ShowShippingCosts2 opportunity ShowShippingCosts } } }/,
                `the id is free: the first choice was taken\n${promoted}`
            );
            assert.match(
                promoted,
                /\nopportunity ShowShippingCosts2 "Show shipping costs" \{\n {2}status idea\n {2}addresses J\.A\n\}\n$/
            );
            const [checked] = await buildDocuments(createTestServices(), {
                [join(designDir, 'promoted.journey')]: promoted
            });
            assert.deepEqual(
                (checked.diagnostics ?? [])
                    .filter(diagnostic => diagnostic.severity === 1)
                    .map(diagnostic => diagnostic.message),
                []
            );
            const elsewhere = (await fresh.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() },
                range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } },
                context: { diagnostics: [] }
            })) as CodeAction[];
            assert.deepEqual(elsewhere, [], 'nothing to promote outside an idea');
        });
    });
});
