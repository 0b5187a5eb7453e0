import * as assert from 'node:assert/strict';
import FakeTimers from '@sinonjs/fake-timers';
import type { CompareRequestResult } from '../../protocol/compare-request.js';
import { loadWithFakeVsCode, type ClientModules } from './load-with-fake-vscode.js';

/** Lets the messages and promise chains under way finish (the stand-in client answers at once); not a debounce wait. */
const settle = () => new Promise(resolve => setTimeout(resolve, 50));

/** The extension side of Compare with HEAD: git through VS Code's Git extension, the server's answer to the preview. */
describe('Compare with HEAD in the extension host (with a stand-in VS Code API)', () => {
    /** The file on both sides of the stand-in answer: no journey yet. */
    const emptyMap = {
        uri: 'file:///maps/a.journey',
        imports: [],
        personas: [],
        channels: [],
        metrics: [],
        dataSources: [],
        journeys: []
    };
    const answer: CompareRequestResult = {
        changes: [
            {
                kind: 'added',
                element: 'step',
                field: 'pains',
                journey: 'J',
                path: 'J › S › A',
                after: 'Slow',
                summary: "Step 'A': pain point added: “Slow”"
            }
        ],
        emotions: [],
        before: emptyMap,
        after: emptyMap
    };

    async function setUp(): Promise<
        ClientModules & {
            requests: Array<{ method: string; params: { uri: string; baseText?: string } }>;
            panel: InstanceType<ClientModules['preview']['JourneyPreview']>;
            document: object;
        }
    > {
        const modules = await loadWithFakeVsCode();
        const { vscode, preview } = modules;
        const requests: Array<{ method: string; params: { uri: string; baseText?: string } }> = [];
        const client = {
            sendRequest: async (type: { method: string }, params: { uri: string; baseText?: string }) => {
                requests.push({ method: type.method, params });
                return answer;
            },
            onNotification: () => ({ dispose: () => undefined })
        };
        const document = {
            uri: vscode.Uri.file('/maps/a.journey'),
            languageId: 'journey',
            fileName: '/maps/a.journey'
        };
        vscode.fake.documents.set(document.uri.toString(), document);
        vscode.window.activeTextEditor = { document, viewColumn: 1 };
        const panel = new preview.JourneyPreview({ extensionUri: vscode.Uri.file('/ext') } as never, client as never);
        return { ...modules, requests, panel, document };
    }

    it("asks git for HEAD's text, sends it to the server, and shows the comparison; typing compares again", async () => {
        const { vscode, compare, panel, requests, document } = await setUp();
        const shown: string[] = [];
        vscode.fake.git = {
            enabled: true,
            repository: {
                show: async (ref, path) => {
                    shown.push(`${ref}:${path}`);
                    return 'journey J { stage S { step A {} } }';
                },
                log: async () => []
            }
        };
        await compare.compareJourney(panel, undefined, false);
        assert.deepEqual(shown, ['HEAD:/maps/a.journey']);
        const webview = vscode.fake.panels[0];
        webview.received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        assert.deepEqual(requests.at(-1), {
            method: 'journey/compare',
            params: { uri: 'file:///maps/a.journey', baseText: 'journey J { stage S { step A {} } }' }
        });
        const posted = webview.posted.at(-1) as {
            type: string;
            baseLabel: string;
            fileName: string;
            result: CompareRequestResult;
        };
        assert.equal(posted.type, 'compare');
        assert.equal(posted.baseLabel, 'HEAD');
        assert.equal(posted.result.changes[0].summary, "Step 'A': pain point added: “Slow”");
        // The preview waits for a pause in typing (300 ms) before it asks again: the clock is the test's.
        const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout'] });
        try {
            vscode.fake.documentChanged.fire({ document: document as never });
            clock.tick(299);
            assert.equal(
                requests.filter(request => request.method === 'journey/compare').length,
                1,
                'still typing: no request yet'
            );
            clock.tick(1);
        } finally {
            clock.uninstall();
        }
        await settle();
        assert.equal(
            requests.filter(request => request.method === 'journey/compare').length,
            2,
            'edits refresh the comparison'
        );
        webview.received.fire({ type: 'endCompare' });
        await settle();
        assert.equal(requests.at(-1)?.method, 'journey/model', 'closing compare goes back to the live map');
        panel.dispose();
    });

    it('takes the file from the Source Control view, and compares with a picked revision', async () => {
        const { vscode, compare, panel, requests } = await setUp();
        const shown: string[] = [];
        vscode.fake.git = {
            enabled: true,
            repository: {
                show: async ref => {
                    shown.push(ref);
                    return '';
                },
                log: async () => [
                    { hash: 'abcdef1234567', message: 'Add 售后 stage\n\nbody' },
                    { hash: '1111111aaaaaa', message: 'First map' }
                ]
            }
        };
        vscode.fake.quickPickAnswer = 1;
        await compare.compareJourney(panel, { resourceUri: vscode.Uri.file('/maps/a.journey') }, true);
        assert.deepEqual(
            vscode.fake.quickPicks.at(-1)!.map(item => [item.label, item.description]),
            [
                ['Add 售后 stage', 'abcdef1'],
                ['First map', '1111111']
            ]
        );
        assert.deepEqual(shown, ['1111111aaaaaa']);
        vscode.fake.panels[0].received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        assert.equal((vscode.fake.panels[0].posted.at(-1) as { baseLabel: string }).baseLabel, '1111111');
        assert.equal(requests.at(-1)?.method, 'journey/compare');
        panel.dispose();
    });

    it('treats a file that is not in the revision as all new, and cancelling the pick does nothing', async () => {
        const { vscode, compare, panel } = await setUp();
        vscode.fake.git = {
            enabled: true,
            repository: {
                show: async () => {
                    throw new Error('path does not exist in HEAD');
                },
                log: async () => [{ hash: 'abcdef1234567', message: 'x' }]
            }
        };
        vscode.fake.quickPickAnswer = undefined;
        await compare.compareJourney(panel, undefined, true);
        assert.equal(vscode.fake.panels.length, 0, 'cancelled: no preview');
        await compare.compareJourney(panel, undefined, false);
        vscode.fake.panels[0].received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        assert.equal(
            (vscode.fake.panels[0].posted.at(-1) as { baseLabel: string }).baseLabel,
            'HEAD (file not there yet)'
        );
        panel.dispose();
    });

    it('says clearly why it cannot compare: no Git extension, not in a repository, not a .journey file', async () => {
        const { vscode, compare, panel } = await setUp();
        vscode.fake.git = undefined;
        await compare.compareJourney(panel, undefined, false);
        vscode.fake.git = { enabled: true };
        await compare.compareJourney(panel, undefined, false);
        await compare.compareJourney(panel, vscode.Uri.file('/notes.md'), false);
        assert.deepEqual(vscode.fake.messages.map(message => message.text), [
            'Compare needs VS Code\'s built-in Git extension, which is disabled or not available here.',
            'a.journey is not in a git repository, so there is no older version to compare with.',
            'Open a .journey file to compare it with another version.'
        ]);
        assert.equal(vscode.fake.panels.length, 0);
        panel.dispose();
    });
});
