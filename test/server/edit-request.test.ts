import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { EditedTextField, JourneyEdit } from '../../protocol/edit-request.js';
import { planEdit } from '../../server/edit-request-handler.js';
import { buildDocuments, codesOf, createTestServices, describeDiagnostics, repoRoot } from '../journey-test-kit.js';

const folder = join(repoRoot, 'test', 'fixtures', 'edit');

/** A map written by hand, with comments, blank lines, a one-line step and Chinese text. */
const map = `// 首次购买 — the team's view
persona Ana "Ana, first-time buyer" {
  role "Owner of a small shop"
}

journey Buy "首次购买" {
  persona Ana
  start SeeAd

  stage Aware "认知" {
    // where it starts
    step SeeAd "看到广告" {
      channel Web
      emotion 3 curious "Interested"
      next Compare
    }
  }

  stage Consider {
    step Compare "Compares offers" {
      touchpoint "Price table"
      emotion 2 confused
      pain "Shipping costs appear only in the cart"
      next Pay, Leave
    }
    step Leave { emotion 1 exit }
    step Pay "Pays" {
      emotion 4 relieved
      exit
    }
  }
}

channel Web "Website" online

opportunity ShowShipping "Show shipping early" {
  addresses Buy.Compare
  status idea
}
`;

/** The map after the edit, the edit's text edits applied as a client would; and that it checks as cleanly as before. */
let maps = 0;

async function edited(edit: JourneyEdit, text = map): Promise<string> {
    const services = createTestServices();
    const path = join(folder, `map-${maps++}.journey`);
    const [document] = await buildDocuments(services, { [path]: text });
    const before = codesOf(document.diagnostics).filter(code => code !== 'unused-persona');
    const result = await planEdit(
        { textDocument: { uri: document.uri.toString() }, edit },
        services.shared,
        services.Journey
    );
    const [change] = result.documentChanges as TextDocumentEdit[];
    assert.equal(change.textDocument.uri, document.uri.toString());
    const after = TextDocument.applyEdits(TextDocument.create(path, 'journey', 1, text), change.edits as TextEdit[]);
    const [checked] = await buildDocuments(createTestServices(), { [path]: after });
    const errors = (checked.diagnostics ?? []).filter(d => d.severity === 1 && !before.includes(String(d.code)));
    assert.deepEqual(
        errors,
        [],
        `new errors after ${edit.kind}:\n${describeDiagnostics(checked.diagnostics)}\n${after}`
    );
    return after;
}

/** The lines that differ, as `-old` and `+new`, for assertions that read as a review. */
function changedLines(before: string, after: string): string[] {
    const old = before.split('\n');
    const now = after.split('\n');
    let head = 0;
    while (head < old.length && old[head] === now[head]) head++;
    let tail = 0;
    while (tail < old.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
    return [
        ...old.slice(head, old.length - tail).map(line => `-${line}`),
        ...now.slice(head, now.length - tail).map(line => `+${line}`)
    ];
}

async function refusal(edit: JourneyEdit): Promise<string> {
    const services = createTestServices();
    const [document] = await buildDocuments(services, { [join(folder, 'refused.journey')]: map });
    const error = await planEdit(
        { textDocument: { uri: document.uri.toString() }, edit },
        services.shared,
        services.Journey
    ).then(
        () => undefined,
        (reason: Error) => reason
    );
    assert.ok(error, `${edit.kind} was not refused`);
    return error.message;
}

describe('journey/edit: a gesture on the map becomes the smallest edit of the text', function () {
    this.timeout(60_000);

    it("setEmotion: changes the score (and the feeling) of the curve's point, or writes an emotion line", async () => {
        assert.deepEqual(changedLines(map, await edited({ kind: 'setEmotion', step: 'Buy.Compare', score: 4 })), [
            '-      emotion 2 confused',
            '+      emotion 4 confused'
        ]);
        assert.deepEqual(
            changedLines(map, await edited({ kind: 'setEmotion', step: 'Buy.SeeAd', score: 5, feeling: 'eager' })),
            ['-      emotion 3 curious "Interested"', '+      emotion 5 eager "Interested"']
        );
        const noEmotion = map.replace('      emotion 4 relieved\n', '');
        assert.deepEqual(
            changedLines(
                noEmotion,
                await edited({ kind: 'setEmotion', step: 'Buy.Pay', score: 4, feeling: 'calm' }, noEmotion)
            ),
            ['+      emotion 4 calm']
        );
        assert.deepEqual(changedLines(map, await edited({ kind: 'setEmotion', step: 'Buy.Leave', score: 2 })), [
            '-    step Leave { emotion 1 exit }',
            '+    step Leave { emotion 2 exit }'
        ]);
        assert.match(await refusal({ kind: 'setEmotion', step: 'Buy.Pay', score: 9 }), /scale 1\.\.5; 9 is not/);
        assert.match(
            await refusal({ kind: 'setEmotion', step: 'Buy.Pay', score: 3, feeling: 'very happy' }),
            /one word/
        );
    });

    it("setText: a title, a feeling, a note, a persona's goal, a pain; quotes escaped, markup kept as text", async () => {
        const cases: Array<[element: string, field: EditedTextField, text: string, lines: string[]]> = [
            [
                'Buy.Pay',
                'title',
                'Pays "now" <script>',
                ['-    step Pay "Pays" {', '+    step Pay "Pays \\"now\\" <script>" {']
            ],
            [
                'Buy.Leave',
                'title',
                '离开',
                ['-    step Leave { emotion 1 exit }', '+    step Leave "离开" { emotion 1 exit }']
            ],
            [
                'Buy.Compare',
                'note',
                'Too many tabs',
                ['-      emotion 2 confused', '+      emotion 2 confused "Too many tabs"']
            ],
            [
                'Buy.SeeAd',
                'feeling',
                'hopeful',
                ['-      emotion 3 curious "Interested"', '+      emotion 3 hopeful "Interested"']
            ],
            ['Ana', 'goal', 'Buy fast', ['+  goal "Buy fast"']],
            [
                'Buy.Compare/pain/0',
                'title',
                'Fees late',
                ['-      pain "Shipping costs appear only in the cart"', '+      pain "Fees late"']
            ],
            [
                'Buy.Compare/touchpoint/0',
                'title',
                '比价表',
                ['-      touchpoint "Price table"', '+      touchpoint "比价表"']
            ],
            [
                'ShowShipping',
                'title',
                'Fees up front',
                ['-opportunity ShowShipping "Show shipping early" {', '+opportunity ShowShipping "Fees up front" {']
            ]
        ];
        for (const [element, field, text, lines] of cases) {
            const changed = changedLines(map, await edited({ kind: 'setText', element, field, text }));
            assert.deepEqual(changed, lines, `${element} ${field}`);
        }
        assert.match(
            await refusal({ kind: 'setText', element: 'Buy.Nope', field: 'title', text: 'x' }),
            /no element 'Buy\.Nope'/
        );
    });

    it("moveStep: moves the step's lines, within a stage and across stages, keeping its next and the comments", async () => {
        assert.deepEqual(changedLines(map, await edited({ kind: 'moveStep', step: 'Buy.Pay', before: 'Buy.Leave' })), [
            '-    step Leave { emotion 1 exit }',
            '-    step Pay "Pays" {',
            '-      emotion 4 relieved',
            '-      exit',
            '-    }',
            '+    step Pay "Pays" {',
            '+      emotion 4 relieved',
            '+      exit',
            '+    }',
            '+    step Leave { emotion 1 exit }'
        ]);
        const across = await edited({ kind: 'moveStep', step: 'Buy.Compare', stage: 'Buy.Aware' });
        assert.match(
            across,
            / {4}\/\/ where it starts\n {4}step SeeAd[\s\S]*?\n {4}}\n {4}step Compare "Compares offers" \{\n {6}touchpoint[\s\S]*next Pay, Leave\n {4}}\n {2}}\n\n {2}stage Consider \{\n {4}step Leave/
        );
        assert.deepEqual(
            await edited({ kind: 'moveStep', step: 'Buy.Leave', after: 'Buy.Compare' }),
            map,
            'already there: no change'
        );
        assert.match(await refusal({ kind: 'moveStep', step: 'Buy.Pay', before: 'Buy.Pay' }), /itself/);
    });

    it('addStep: a step named after its title, unique in the journey, after a step or last in a stage', async () => {
        assert.deepEqual(
            changedLines(map, await edited({ kind: 'addStep', after: 'Buy.SeeAd', title: 'Compare offers' })),
            ['+    step CompareOffers "Compare offers" {', '+    }']
        );
        const twice = await edited({ kind: 'addStep', stage: 'Buy.Consider', title: 'Pay' }, map);
        assert.match(twice, / {4}step Pay2 "Pay" \{\n {4}}\n {2}}\n}/);
        assert.match(
            await refusal({ kind: 'addStep', stage: 'Buy.Consider', id: 'Compare', title: 'x' }),
            /has a step Compare already/
        );
    });

    it("addPain, addOpportunity, addTouchpoint: a line after the step's lines of its kind, before its flow lines", async () => {
        assert.deepEqual(changedLines(map, await edited({ kind: 'addPain', step: 'Buy.Compare', text: 'No PayPal' })), [
            '+      pain "No PayPal"'
        ]);
        const withPain = await edited({ kind: 'addPain', step: 'Buy.Compare', text: 'No PayPal' });
        assert.match(
            withPain,
            /pain "Shipping costs appear only in the cart"\n {6}pain "No PayPal"\n {6}next Pay, Leave/
        );
        assert.match(
            await edited({ kind: 'addOpportunity', step: 'Buy.Pay', text: 'One-click pay' }),
            /emotion 4 relieved\n {6}opportunity "One-click pay"\n {6}exit/
        );
        assert.match(
            await edited({ kind: 'addTouchpoint', step: 'Buy.Leave', text: 'Back button' }),
            /step Leave \{ emotion 1 touchpoint "Back button" exit }/
        );
    });

    it("setStatus: the opportunity's status line, checked against the statuses", async () => {
        assert.deepEqual(
            changedLines(map, await edited({ kind: 'setStatus', opportunity: 'ShowShipping', status: 'building' })),
            ['-  status idea', '+  status building']
        );
        assert.match(
            await refusal({ kind: 'setStatus', opportunity: 'ShowShipping', status: 'shiped' }),
            /idea, planned/
        );
    });

    it('delete: a step (its predecessors lead on to its successors), a pain; refused for a step an opportunity addresses', async () => {
        const withoutCompare = map.replace('  addresses Buy.Compare\n', '  addresses Buy.SeeAd\n');
        const deleted = await edited({ kind: 'delete', element: 'Buy.Compare' }, withoutCompare);
        assert.ok(!deleted.includes('step Compare'));
        assert.match(deleted, /next Pay, Leave\n {4}}\n {2}}\n\n {2}stage Consider \{\n {4}step Leave/);
        assert.deepEqual(changedLines(map, await edited({ kind: 'delete', element: 'Buy.Compare/pain/0' })), [
            '-      pain "Shipping costs appear only in the cart"'
        ]);
        assert.deepEqual(changedLines(map, await edited({ kind: 'delete', element: 'Buy.Compare/touchpoint/0' })), [
            '-      touchpoint "Price table"'
        ]);
        assert.match(await refusal({ kind: 'delete', element: 'Buy.Compare' }), /still named by ShowShipping/);
    });

    it('connect and disconnect: a name added to or taken from `next`, a line of its own when there is none', async () => {
        assert.deepEqual(changedLines(map, await edited({ kind: 'connect', from: 'Buy.SeeAd', to: 'Buy.Leave' })), [
            '-      next Compare',
            '+      next Compare, Leave'
        ]);
        assert.deepEqual(
            changedLines(map, await edited({ kind: 'disconnect', from: 'Buy.Compare', to: 'Buy.Leave' })),
            ['-      next Pay, Leave', '+      next Pay']
        );
        assert.match(await refusal({ kind: 'connect', from: 'Buy.Pay', to: 'Buy.Leave' }), /is an exit/);
        assert.match(await refusal({ kind: 'disconnect', from: 'Buy.SeeAd', to: 'Buy.Pay' }), /does not lead to/);
    });

    it('refuses an edit made on an older version of the map, and names the versions', async () => {
        const services = createTestServices();
        const [document] = await buildDocuments(services, { [join(folder, 'versioned.journey')]: map });
        const edit: JourneyEdit = { kind: 'setEmotion', step: 'Buy.Pay', score: 3 };
        await assert.rejects(
            planEdit(
                { textDocument: { uri: document.uri.toString() }, version: document.textDocument.version + 1, edit },
                services.shared,
                services.Journey
            ),
            /changed since the gesture/
        );
    });

    it('edits the imported file that declares the element: the WorkspaceEdit names it', async () => {
        const services = createTestServices();
        const [main, shared] = await buildDocuments(services, {
            [join(folder, 'main.journey')]:
                'import "./people.journey"\njourney J { persona Ana stage S { step A { emotion 3 exit } } }\n',
            [join(folder, 'people.journey')]: 'persona Ana "Ana" {\n  role "Shop owner"\n}\n'
        });
        const result = await planEdit(
            {
                textDocument: { uri: main.uri.toString() },
                edit: { kind: 'setText', element: 'Ana', field: 'goal', text: 'Find a supplier' }
            },
            services.shared,
            services.Journey
        );
        const [change] = result.documentChanges as TextDocumentEdit[];
        assert.equal(change.textDocument.uri, shared.uri.toString());
        const edited = TextDocument.applyEdits(shared.textDocument, change.edits as TextEdit[]);
        assert.equal(edited, 'persona Ana "Ana" {\n  role "Shop owner"\n  goal "Find a supplier"\n}\n');
    });

    it('refuses, with what is wrong, an edit that does not have the shape of one (it comes over the wire)', async () => {
        const services = createTestServices();
        const [document] = await buildDocuments(services, { [join(folder, 'wire.journey')]: map });
        const uri = document.uri.toString();
        const sent = [
            [null, /Unknown edit kind: undefined/],
            [{ kind: 'explode' }, /Unknown edit kind: explode/],
            [{ kind: 'setEmotion', step: 'Buy.Pay', score: '4' }, /`setEmotion` needs `score` as a number/],
            [{ kind: 'setText', element: 'Buy.Pay', field: 'title' }, /`setText` needs `text` as a string/],
            [
                { kind: 'setText', element: 'Buy.Pay', field: '<script>', text: 'x' },
                /`setText` needs `field` as a title \| feeling/
            ],
            [{ kind: 'addPain', step: 'Buy.Pay', text: 5 }, /`addPain` needs `text` as a string/]
        ] as const;
        for (const [edit, message] of sent) {
            await assert.rejects(
                planEdit({ textDocument: { uri }, edit } as never, services.shared, services.Journey),
                message
            );
        }
        await assert.rejects(planEdit({} as never, services.shared, services.Journey), /needs the document/);
    });
});
