import * as assert from 'node:assert/strict';
import type { JourneyModel } from '../../model/journey-model.js';
import type { ModelRequestResult } from '../../protocol/model-request.js';
import { applyDelta } from '../../protocol/model-delta.js';
import type { ToPreview } from '../../protocol/preview-messages.js';
import { SentModels } from '../../server/sent-models.js';
import { exampleModels } from '../render/render-kit.js';
import { loadWithFakeVsCode } from './load-with-fake-vscode.js';

const settle = (ms = 50) => new Promise(resolve => setTimeout(resolve, ms));

describe('preview panel in the extension host (with a stand-in VS Code API)', () => {
    let model: JourneyModel;
    before(async () => {
        model = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!.model;
    });

    async function setUp() {
        const { preview, vscode } = await loadWithFakeVsCode();
        const requests: string[] = [];
        let answer: ModelRequestResult = { model };
        let answering: ((params: { uri: string; since?: string }) => ModelRequestResult) | undefined;
        const notified: Array<(params: { uris: string[] }) => void> = [];
        const client = {
            sendRequest: async (_type: unknown, params: { uri: string; since?: string }) => {
                requests.push(params.uri);
                return answering?.(params) ?? answer;
            },
            onNotification: (_type: unknown, handler: (params: { uris: string[] }) => void) => {
                notified.push(handler);
                return { dispose: () => undefined };
            }
        };
        const context = { extensionUri: vscode.Uri.file('/ext') };
        const document = {
            uri: vscode.Uri.parse(model.uri),
            languageId: 'journey',
            fileName: '/maps/checkout.journey'
        };
        vscode.window.activeTextEditor = { document, viewColumn: 1 };
        const panel = new preview.JourneyPreview(context as never, client as never);
        const rebuilt = (uris: string[]) => notified.forEach(handler => handler({ uris }));
        return {
            vscode, panel, requests, document, rebuilt,
            setAnswer: (next: ModelRequestResult) => { answer = next; },
            answerWith: (next: (params: { uri: string; since?: string }) => ModelRequestResult) => { answering = next; }
        };
    }

    it('opens beside the editor with a nonce CSP page, and sends the model once the webview is ready', async () => {
        const { vscode, panel } = await setUp();
        panel.open(true);
        const [webviewPanel] = vscode.fake.panels;
        assert.match(webviewPanel.webview.html, /script-src 'nonce-[A-Za-z0-9]{32}'/);
        assert.match(webviewPanel.webview.html, /src="vscode-webview:\/\/\/ext\/dist\/preview.js"/);
        assert.deepEqual(
            (webviewPanel.options as { localResourceRoots: Array<{ path: string }> }).localResourceRoots.map(
                uri => uri.path
            ),
            ['/ext/dist']
        );
        webviewPanel.received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        const update = webviewPanel.posted.find(
            (m): m is { type: string; model: JourneyModel; fileName: string } =>
                (m as { type: string }).type === 'update'
        );
        assert.equal(update?.model, model);
        assert.equal(update?.fileName, 'checkout.journey');
        panel.dispose();
    });

    it("passes the server's delta on to the page that holds the model it was made against, and the whole model to a new page", async () => {
        const { vscode, panel, document, rebuilt, answerWith } = await setUp();
        // The server's own bookkeeping answers, with the model of each build, as JSON crosses.
        const server = new SentModels();
        let built: JourneyModel = JSON.parse(JSON.stringify(model));
        const asked: Array<string | undefined> = [];
        answerWith(params => {
            asked.push(params.since);
            return JSON.parse(JSON.stringify(server.answer(params.uri, built, params.since)));
        });
        panel.open(true);
        const [webviewPanel] = vscode.fake.panels;
        webviewPanel.received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        const updates = () =>
            webviewPanel.posted.filter(
                (m): m is Extract<ToPreview, { type: 'update' }> => (m as { type: string }).type === 'update'
            );
        let held = updates()[0].model!;
        assert.deepEqual(held, built, 'the first update is the whole model');
        for (const title of ['改过的', 'Pays, again']) {
            built = JSON.parse(JSON.stringify(built));
            built.journeys[0].stages[1].steps[0].title = title;
            rebuilt([document.uri.toString()]);
            await settle();
            const last = updates().at(-1)!;
            assert.equal(last.model, undefined, 'a delta, not the model');
            held = applyDelta(held, last.delta);
            assert.deepEqual(held, built, 'the page holds the model the server built');
        }
        assert.deepEqual(asked, [undefined, '1', '2'], 'each request names the model the panel holds');
        webviewPanel.received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        assert.deepEqual(updates().at(-1)!.model, built, 'a reloaded page is sent the whole model');
        panel.dispose();
    });

    it('shows the newest model when two updates overlap and the older answer comes last', async () => {
        const { vscode, panel, document, rebuilt, answerWith } = await setUp();
        // Each request waits until the test answers it.
        const pending: Array<(result: ModelRequestResult) => void> = [];
        answerWith(() => new Promise<ModelRequestResult>(resolve => pending.push(resolve)) as never);
        panel.open(true);
        const [webviewPanel] = vscode.fake.panels;
        webviewPanel.received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        rebuilt([document.uri.toString()]);
        await settle();
        assert.equal(pending.length, 2, 'two requests in flight');
        const older: JourneyModel = { ...model, journeys: [{ ...model.journeys[0], title: 'older' }] };
        const newer: JourneyModel = { ...model, journeys: [{ ...model.journeys[0], title: 'newer' }] };
        pending[1]({ model: newer, id: '2' });
        await settle();
        pending[0]({ model: older, id: '1' });
        await settle();
        const updates = webviewPanel.posted.filter(
            (m): m is Extract<ToPreview, { type: 'update' }> => (m as { type: string }).type === 'update'
        );
        assert.deepEqual(
            updates.map(update => update.model?.journeys[0].title),
            ['newer'],
            'the older answer is not shown after the newer'
        );
        panel.dispose();
    });

    it("asks the server for the workspace's opportunities once when the portfolio is shown, after each update while it is, and not after", async () => {
        const { vscode, panel, requests, rebuilt, document } = await setUp();
        panel.open(true);
        const [webviewPanel] = vscode.fake.panels;
        const portfolioRequests = () => requests.filter(uri => uri === undefined).length;
        webviewPanel.received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        assert.equal(portfolioRequests(), 0);
        // The tab: its state first, then the page asks, having none yet; one request.
        webviewPanel.received.fire({ type: 'state', state: { view: 'portfolio', zoom: 1 } });
        webviewPanel.received.fire({ type: 'needPortfolio' });
        await settle();
        assert.equal(portfolioRequests(), 1);
        rebuilt([document.uri.toString()]);
        await settle();
        assert.equal(portfolioRequests(), 2, 'a rebuild while the portfolio is shown');
        webviewPanel.received.fire({ type: 'state', state: { view: 'map', zoom: 1 } });
        rebuilt([document.uri.toString()]);
        await settle();
        assert.equal(portfolioRequests(), 2, 'nothing once the map is shown again');
        panel.dispose();
    });

    it('waits for typing to pause, then sends one update; an error keeps the model out and says where', async () => {
        const { vscode, panel, requests, document, setAnswer } = await setUp();
        panel.open(true);
        await settle();
        const before = requests.length;
        for (let i = 0; i < 5; i++) vscode.fake.documentChanged.fire({ document });
        await settle(100);
        assert.equal(requests.length, before, 'no request while typing');
        setAnswer({ error: { message: "Unknown persona 'Bob'", line: 3, character: 10 } });
        await settle(400);
        assert.equal(requests.length, before + 1, 'one request after the pause');
        const last = vscode.fake.panels[0].posted.at(-1) as { model?: unknown; error?: { line: number } };
        assert.equal(last.model, undefined);
        assert.equal(last.error?.line, 3);
        panel.dispose();
    });

    it('asks again when the server rebuilt the map because a data file or an import changed, not while typing', async () => {
        const { vscode, panel, requests, document, rebuilt } = await setUp();
        panel.open(true);
        vscode.fake.panels[0].received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        const before = requests.length;
        rebuilt(['file:///maps/other.journey']);
        await settle();
        assert.equal(requests.length, before, 'another map was rebuilt');
        rebuilt([document.uri.toString()]);
        await settle();
        assert.equal(requests.length, before + 1, 'this map was rebuilt: one request');
        vscode.fake.documentChanged.fire({ document });
        rebuilt([document.uri.toString()]);
        await settle(400);
        assert.equal(requests.length, before + 2, 'while typing, the debounced update is the only one');
        panel.dispose();
    });

    it("plays the story slide whose `show` the cursor is on, and opens a step's detail journey in its file", async () => {
        const { vscode, panel, document, setAnswer } = await setUp();
        const at = (line: number) => ({ uri: model.uri, start: { line, character: 2 }, end: { line, character: 40 } });
        setAnswer({
            model: {
                ...model,
                stories: [
                    {
                        name: 'Why',
                        slides: [
                            { step: 'J.A', range: at(90) },
                            { step: 'J.B', range: at(91) }
                        ]
                    }
                ]
            }
        });
        panel.open(true);
        vscode.fake.panels[0].received.fire({ type: 'ready', state: { view: 'map', zoom: 1 } });
        await settle();
        vscode.fake.selectionChanged.fire({
            textEditor: { document },
            selections: [{ active: new vscode.Position(91, 10) }]
        });
        assert.deepEqual(vscode.fake.panels[0].posted.at(-1), {
            type: 'highlight',
            step: undefined,
            slide: { story: 'Why', index: 1 }
        });
        const text = 'journey Lifecycle {\n}\njourney Repair "报修" {\n}\n';
        const repair = {
            uri: vscode.Uri.parse('file:///maps/repair.journey'),
            languageId: 'journey',
            fileName: '/maps/repair.journey',
            getText: () => text,
            positionAt: (offset: number) =>
                new vscode.Position(
                    text.slice(0, offset).split('\n').length - 1,
                    offset - text.lastIndexOf('\n', offset - 1) - 1
                )
        };
        vscode.fake.documents.set(repair.uri.toString(), repair);
        vscode.fake.panels[0].received.fire({
            type: 'openJourney',
            journey: 'Repair',
            uri: 'file:///maps/repair.journey'
        });
        await settle();
        const shown = vscode.fake.shown.at(-1)!;
        assert.equal(shown.document, repair);
        assert.deepEqual([shown.options.selection?.start.line, shown.options.selection?.start.character], [2, 8]);
        vscode.fake.panels[0].received.fire({
            type: 'openJourney',
            journey: 'Repair',
            uri: 'file:///elsewhere/repair.journey'
        });
        await settle();
        assert.equal(vscode.fake.shown.at(-1), shown, 'a file outside the workspace is not opened');
        panel.dispose();
    });

    it('highlights the step under the cursor and reveals the text of a clicked step', async () => {
        const { vscode, panel, document } = await setUp();
        panel.open(true);
        await settle();
        const compare = model.journeys[0].stages[1].steps[1];
        vscode.fake.selectionChanged.fire({
            textEditor: { document },
            selections: [{ active: new vscode.Position(compare.range!.start.line + 1, 4) }]
        });
        assert.deepEqual(vscode.fake.panels[0].posted.at(-1), { type: 'highlight', step: 'Compare' });
        vscode.fake.panels[0].received.fire({ type: 'reveal', range: compare.range });
        await settle();
        const shown = vscode.fake.shown.at(-1)!;
        assert.equal(shown.options.selection?.start.line, compare.range!.start.line);
        panel.dispose();
    });

    it('opens the data file at the row of a clicked metric value, only for data files inside the workspace', async () => {
        const { vscode, panel } = await setUp();
        panel.open(true);
        await settle();
        const webview = vscode.fake.panels[0];
        webview.received.fire({ type: 'openData', uri: 'file:///maps/analytics/funnel.csv', line: 11 });
        await settle();
        const shown = vscode.fake.shown.at(-1)!;
        assert.equal(shown.document.fileName, '/maps/analytics/funnel.csv');
        assert.equal(shown.options.selection?.start.line, 10);
        const count = vscode.fake.shown.length;
        for (const uri of ['file:///etc/passwd.csv', 'file:///maps/secret.txt', 'https://example.invalid/x.csv'])
            webview.received.fire({ type: 'openData', uri, line: 1 });
        await settle();
        assert.equal(vscode.fake.shown.length, count, 'nothing else is opened');
        panel.dispose();
    });

    it('names the panel after the file when the editor was followed before the preview opened', async () => {
        const { vscode, panel, document } = await setUp();
        vscode.fake.activeEditorChanged.fire({ document });
        await settle();
        panel.open(true);
        assert.equal(vscode.fake.panels[0].title, 'Preview checkout.journey');
        panel.dispose();
    });

    it('follows the active journey editor and ignores other languages', async () => {
        const { vscode, panel, requests } = await setUp();
        panel.open(true);
        await settle();
        const other = {
            uri: vscode.Uri.parse('file:///maps/other.journey'),
            languageId: 'journey',
            fileName: '/maps/other.journey'
        };
        vscode.fake.activeEditorChanged.fire({
            document: { uri: vscode.Uri.parse('file:///notes.md'), languageId: 'markdown', fileName: '/notes.md' }
        });
        await settle();
        assert.ok(!requests.includes('file:///notes.md'));
        vscode.fake.activeEditorChanged.fire({ document: other });
        await settle();
        assert.equal(requests.at(-1), 'file:///maps/other.journey');
        assert.equal(vscode.fake.panels[0].title, 'Preview other.journey');
        panel.dispose();
    });

    it('restores a panel after a reload from the state the webview saved', async () => {
        const { vscode, panel, requests } = await setUp();
        const serializer = vscode.fake.serializers.get('journey.preview');
        assert.ok(serializer, 'a serializer is registered');
        const restored = new vscode.FakeWebviewPanel('journey.preview', {});
        await serializer.deserializeWebviewPanel(restored, {
            uri: 'file:///maps/restored.journey',
            view: 'paths',
            zoom: 1
        });
        assert.match(restored.webview.html, /Content-Security-Policy/);
        await settle();
        assert.equal(requests.at(-1), 'file:///maps/restored.journey');
        panel.dispose();
    });
});
