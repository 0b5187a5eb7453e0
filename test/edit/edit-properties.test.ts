import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { diffJourneyModels, type Change } from '../../diff/journey-diff.js';
import type { JourneyEdit } from '../../protocol/edit-request.js';
import { planEdit } from '../../server/edit-request-handler.js';
import {
    buildDocuments,
    createTestServices,
    describeDiagnostics,
    repoRoot,
    type TestServices
} from '../journey-test-kit.js';

/** A random map, written as `journeymap fmt` writes it; every step and every comment known by name. */
interface RandomMap {
    text: string;
    steps: Array<{
        id: string;
        name: string;
        stage: string;
        score?: number;
        feeling?: string;
        title?: string;
        pains: number;
        next: string[];
        exit: boolean;
        oneLine: boolean;
    }>;
    status: string;
    comments: string[];
}

const feelings = ['curious', 'calm', 'confused', '安心'];
const titles = [undefined, 'Sees the ad', '比较价格', 'Pays <b>now</b>'];

const randomMap = fc
    .array(
        fc.record({
            stage: fc.nat(2),
            score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
            feeling: fc.option(fc.constantFrom(...feelings), { nil: undefined }),
            title: fc.constantFrom(...titles),
            pains: fc.nat(2),
            comment: fc.boolean(),
            oneLine: fc.boolean(),
            jumps: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 })
        }),
        { minLength: 2, maxLength: 7 }
    )
    .chain(steps => fc.constantFrom(...['idea', 'planned', 'building']).map(status => writeMap(steps, status)));

function writeMap(
    drawn: Array<{
        stage: number;
        score?: number;
        feeling?: string;
        title?: string;
        pains: number;
        comment: boolean;
        oneLine: boolean;
        jumps: number[];
    }>,
    status: string
): RandomMap {
    const stages = [...new Set(drawn.map(step => step.stage))].sort();
    const ordered = stages.flatMap(stage => drawn.filter(step => step.stage === stage).map(step => ({ ...step })));
    const steps: RandomMap['steps'] = ordered.map((step, index) => {
        const next = [...new Set(step.jumps.map(jump => index + jump).filter(target => target < ordered.length))].map(
            target => `S${target}`
        );
        const last = index === ordered.length - 1;
        // Each step leads to the next one, so that every step is reachable; the last is an exit.
        const flow = last ? [] : [...new Set([`S${index + 1}`, ...next])];
        const oneLine = step.oneLine && step.pains === 0 && step.title === undefined;
        return {
            id: `J.S${index}`,
            name: `S${index}`,
            stage: `T${step.stage}`,
            score: step.score,
            feeling: step.score === undefined ? undefined : step.feeling,
            title: step.title,
            pains: oneLine ? 0 : step.pains,
            next: flow,
            exit: last,
            oneLine
        };
    });
    const comments: string[] = [];
    const lines = ['// 首次购买 — a random map', 'persona Ana', '', 'journey J "旅程" {', '  persona Ana'];
    for (const stage of stages) {
        lines.push(`  stage T${stage} {`);
        for (const step of steps.filter(each => each.stage === `T${stage}`)) {
            const drawnStep = ordered[Number(step.name.slice(1))];
            if (drawnStep.comment) {
                comments.push(`// before ${step.name}`);
                lines.push(`    // before ${step.name}`);
            }
            const emotion =
                step.score === undefined ? [] : [`emotion ${step.score}${step.feeling ? ` ${step.feeling}` : ''}`];
            const pains = Array.from({ length: step.pains }, (_, index) => `pain "Pain ${index} of ${step.name}"`);
            const flow = [
                ...(step.next.length > 0 ? [`next ${step.next.join(', ')}`] : []),
                ...(step.exit ? ['exit'] : [])
            ];
            const head = `step ${step.name}${step.title ? ` "${step.title}"` : ''}`;
            if (step.oneLine) lines.push(`    ${head} { ${[...emotion, ...flow].join(' ')} }`);
            else lines.push(`    ${head} {`, ...[...emotion, ...pains, ...flow].map(line => `      ${line}`), '    }');
        }
        lines.push('  }');
    }
    lines.push('}', '', `opportunity O "An idea" {`, `  addresses J.S0`, `  status ${status}`, '}', '');
    return { text: lines.join('\n'), steps, status, comments };
}

/** An edit the map allows, the changes the diff must report for it, and the edit that undoes it (when there is one). */
interface Planned {
    edit: JourneyEdit;
    expected: { kind: Change['kind']; element: Change['element'] };
    inverse?: (after: RandomMap) => JourneyEdit;
}

function randomEdit(map: RandomMap): fc.Arbitrary<Planned> {
    const step = fc.constantFrom(...map.steps);
    const named = new Set(map.steps.flatMap(each => each.next));
    const choices: Array<fc.Arbitrary<Planned>> = [
        fc.tuple(step, fc.constantFrom('New title', '新的标题', '"><img onerror=alert(1)>')).map(
            ([each, title]) =>
                ({
                    edit: { kind: 'setText', element: each.id, field: 'title', text: title },
                    expected: { kind: 'changed', element: 'step' },
                    inverse: () => ({ kind: 'setText', element: each.id, field: 'title', text: each.title ?? '' })
                }) as Planned
        ),
        fc.constantFrom('Buy fast', '快点买到', '"><img onerror=alert(1)>').map(
            goal =>
                ({
                    edit: { kind: 'setText', element: 'Ana', field: 'goal', text: goal },
                    expected: { kind: 'added', element: 'persona' },
                    inverse: () => ({ kind: 'setText', element: 'Ana', field: 'goal', text: '' })
                }) as Planned
        ),
        fc.constantFrom('measured', 'shipped', 'dropped').map(
            status =>
                ({
                    edit: { kind: 'setStatus', opportunity: 'O', status },
                    expected: { kind: 'changed', element: 'opportunity' },
                    inverse: () => ({ kind: 'setStatus', opportunity: 'O', status: map.status })
                }) as Planned
        ),
        fc.tuple(step, fc.constantFrom('Calls support', '打电话')).map(
            ([each, title]) =>
                ({
                    edit: { kind: 'addStep', after: each.id, id: 'Added', title },
                    expected: { kind: 'added', element: 'step' },
                    inverse: () => ({ kind: 'delete', element: 'J.Added' })
                }) as Planned
        )
    ];
    // Each choice is offered only when the map has what it needs: a filter that nothing passes never ends.
    const felt = map.steps.filter(each => each.score !== undefined);
    if (felt.length > 0) {
        // The curve's point dragged: the score alone (a feeling set with it is a second field of the change).
        choices.push(
            fc
                .tuple(fc.constantFrom(...felt), fc.integer({ min: 1, max: 5 }))
                .filter(([each, score]) => each.score !== score)
                .map(
                    ([each, score]) =>
                        ({
                            edit: { kind: 'setEmotion', step: each.id, score },
                            expected: { kind: 'changed', element: 'emotion' },
                            inverse: () => ({ kind: 'setEmotion', step: each.id, score: each.score! })
                        }) as Planned
                )
        );
    }
    if (felt.length > 0) {
        // An emotion's note or feeling edited in place (and taken away again).
        choices.push(
            fc
                .tuple(fc.constantFrom(...felt), fc.constantFrom('note', 'feeling') as fc.Arbitrary<'note' | 'feeling'>)
                .filter(([each, field]) => field === 'note' || each.feeling !== 'hopeful')
                .map(
                    ([each, field]) =>
                        ({
                            edit: {
                                kind: 'setText',
                                element: each.id,
                                field,
                                text: field === 'note' ? 'Too "loud" <b>' : 'hopeful'
                            },
                            expected: { kind: 'changed', element: 'emotion' },
                            inverse: () => ({
                                kind: 'setText',
                                element: each.id,
                                field,
                                text: field === 'note' ? '' : (each.feeling ?? '')
                            })
                        }) as Planned
                )
        );
    }
    const multiLine = map.steps.filter(each => !each.oneLine);
    if (multiLine.length > 0) {
        // A touchpoint or an opportunity written on the step, from the "+" of its lane; none is there yet.
        choices.push(
            fc
                .tuple(
                    fc.constantFrom(...multiLine),
                    fc.constantFrom('touchpoint', 'opportunity') as fc.Arbitrary<'touchpoint' | 'opportunity'>,
                    fc.constantFrom('App', '小程序')
                )
                .map(
                    ([each, line, text]) =>
                        ({
                            edit: {
                                kind: line === 'touchpoint' ? 'addTouchpoint' : 'addOpportunity',
                                step: each.id,
                                text
                            },
                            expected: { kind: 'added', element: 'step' },
                            inverse: () => ({ kind: 'delete', element: `${each.id}/${line}/0` })
                        }) as Planned
                )
        );
    }
    const pained = map.steps.filter(each => each.pains > 0);
    if (pained.length > 0) {
        choices.push(
            fc
                .constantFrom(...pained)
                .chain(each => fc.nat(each.pains - 1).map(index => [each, index] as const))
                .map(
                    ([each, index]) =>
                        ({
                            edit: { kind: 'setText', element: `${each.id}/pain/${index}`, field: 'title', text: '慢' },
                            expected: { kind: 'changed', element: 'step' },
                            inverse: () => ({
                                kind: 'setText',
                                element: `${each.id}/pain/${index}`,
                                field: 'title',
                                text: `Pain ${index} of ${each.name}`
                            })
                        }) as Planned
                )
        );
    }
    if (multiLine.length > 0) {
        choices.push(
            fc.tuple(fc.constantFrom(...multiLine), fc.constantFrom('Slow page', '运费太贵')).map(
                ([each, text]) =>
                    ({
                        edit: { kind: 'addPain', step: each.id, text },
                        expected: { kind: 'added', element: 'step' },
                        inverse: () => ({ kind: 'delete', element: `${each.id}/pain/${each.pains}` })
                    }) as Planned
            )
        );
    }
    const links = map.steps
        .filter(each => !each.exit)
        .flatMap(from =>
            map.steps.filter(to => to.id !== from.id && !from.next.includes(to.name)).map(to => [from, to] as const)
        );
    if (links.length > 0) {
        choices.push(
            fc.constantFrom(...links).map(
                ([from, to]) =>
                    ({
                        edit: { kind: 'connect', from: from.id, to: to.id },
                        expected: { kind: 'added', element: 'step' },
                        inverse: () => ({ kind: 'disconnect', from: from.id, to: to.id })
                    }) as Planned
            )
        );
    }
    const movable = map.steps.filter(each => !each.oneLine);
    if (movable.length >= 2) {
        const nextOf = (step: RandomMap['steps'][number]) => map.steps[map.steps.indexOf(step) + 1];
        // Moved before a step other than itself or the one already after it (that would change nothing).
        choices.push(
            fc
                .tuple(fc.constantFrom(...movable), fc.constantFrom(...movable))
                .filter(([a, b]) => a.id !== b.id && !(nextOf(a)?.id === b.id && nextOf(a)?.stage === a.stage))
                .map(([moving, before]) => {
                    const siblings = map.steps.filter(each => each.stage === moving.stage);
                    const after = siblings[siblings.indexOf(moving) - 1];
                    const following = siblings[siblings.indexOf(moving) + 1];
                    return {
                        edit: { kind: 'moveStep', step: moving.id, before: before.id },
                        expected: { kind: 'moved', element: 'step' },
                        inverse: () =>
                            following
                                ? { kind: 'moveStep', step: moving.id, before: following.id }
                                : after
                                  ? { kind: 'moveStep', step: moving.id, after: after.id }
                                  : { kind: 'moveStep', step: moving.id, stage: `J.${moving.stage}` }
                    } as Planned;
                })
        );
    }
    const unnamed = map.steps.filter(each => !named.has(each.name) && each.name !== 'S0');
    if (unnamed.length > 0) {
        choices.push(
            fc.constantFrom(...unnamed).map(
                each =>
                    ({
                        edit: { kind: 'delete', element: each.id },
                        expected: { kind: 'removed', element: 'step' }
                    }) as Planned
            )
        );
    }
    return fc.oneof(...choices);
}

const folder = join(repoRoot, 'test', 'fixtures', 'edit');
let files = 0;

/** The text after the request's edits, applied as a client does. */
async function applied(services: TestServices, text: string, edit: JourneyEdit): Promise<string> {
    const path = join(folder, `random-${files++}.journey`);
    const [document] = await buildDocuments(services, { [path]: text });
    const result = await planEdit(
        { textDocument: { uri: document.uri.toString() }, edit },
        services.shared,
        services.Journey
    );
    const [change] = result.documentChanges as TextDocumentEdit[];
    return TextDocument.applyEdits(TextDocument.create(path, 'journey', 1, text), change.edits as TextEdit[]);
}

async function checked(services: TestServices, text: string) {
    const path = join(folder, `checked-${files++}.journey`);
    const [document] = await buildDocuments(services, { [path]: text });
    const formatter = services.Journey.lsp.Formatter!;
    const edits = await formatter.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: 2, insertSpaces: true }
    });
    const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
    return {
        document,
        errors,
        formatted: TextDocument.applyEdits(document.textDocument, edits),
        model: await services.Journey.journey.ModelBuilder.build(document)
    };
}

describe('journey/edit on random maps: every gesture is one reviewable change (properties)', function () {
    this.timeout(300_000);

    it('the edited text has no new error, is formatted, keeps every comment, differs by exactly the intended change, and is undone by the inverse edit', async () => {
        const services = createTestServices();
        await fc.assert(
            fc.asyncProperty(
                randomMap.chain(map => randomEdit(map).map(planned => ({ map, planned }))),
                async ({ map, planned }) => {
                    const before = await checked(services, map.text);
                    assert.deepEqual(
                        before.errors,
                        [],
                        `the random map has errors:\n${describeDiagnostics(before.document.diagnostics)}\n${map.text}`
                    );
                    assert.equal(before.formatted, map.text, 'the random map is written as fmt writes it');
                    const text = await applied(services, map.text, planned.edit);
                    const after = await checked(services, text);
                    const context = `${JSON.stringify(planned.edit)}\n${text}`;
                    assert.deepEqual(
                        after.errors,
                        [],
                        `${describeDiagnostics(after.document.diagnostics)}\n${context}`
                    );
                    assert.equal(after.formatted, text, `fmt --check fails:\n${context}`);
                    const deleted = planned.edit.kind === 'delete' ? planned.edit.element : undefined;
                    for (const comment of map.comments.filter(
                        each => !deleted || !each.endsWith(` ${deleted.split('.')[1]}`)
                    )) {
                        assert.ok(text.includes(comment), `lost ${comment}:\n${context}`);
                    }
                    const changes = diffJourneyModels(before.model, after.model);
                    assert.equal(changes.length, 1, `${changes.map(change => change.summary).join('\n')}\n${context}`);
                    assert.equal(changes[0].kind, planned.expected.kind, `${changes[0].summary}\n${context}`);
                    assert.equal(changes[0].element, planned.expected.element, `${changes[0].summary}\n${context}`);
                    if (planned.inverse) {
                        assert.equal(
                            await applied(services, text, planned.inverse(map)),
                            map.text,
                            `the inverse of ${context}`
                        );
                    }
                }
            ),
            { numRuns: Number(process.env.EDIT_RUNS ?? 150), seed: Number(process.env.EDIT_SEED ?? 32) }
        );
    });
});
