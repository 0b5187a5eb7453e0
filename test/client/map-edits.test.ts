import * as assert from 'node:assert/strict';
import { loadWithFakeVsCode } from './load-with-fake-vscode.js';
import type { JourneyEdit } from '../../protocol/edit-request.js';

/**
 * The extension's side of editing on the map: the preview's gesture becomes a request, and its answer an applied edit.
 */
describe('a gesture on the preview, in the extension host (with a stand-in VS Code API)', () => {
    const planned = { documentChanges: [{ textDocument: { uri: 'file:///maps/buy.journey', version: 3 }, edits: [] }] };
    const edit: JourneyEdit = { kind: 'setEmotion', step: 'Buy.Pay', score: 4 };

    async function setUp(answer: () => Promise<unknown>, otherFile?: string) {
        const { preview, vscode } = await loadWithFakeVsCode();
        const asked: unknown[] = [];
        const client = {
            sendRequest: async (type: { method?: string }, params: unknown) => {
                if (type.method === 'journey/edit') {
                    asked.push(params);
                    return answer();
                }
                return { model: undefined };
            },
            onNotification: () => ({ dispose: () => undefined }),
            protocol2CodeConverter: { asWorkspaceEdit: async (value: unknown) => ({ converted: value }) }
        };
        const document = {
            uri: vscode.Uri.parse('file:///maps/buy.journey'),
            languageId: 'journey',
            fileName: '/maps/buy.journey',
            version: 3
        };
        vscode.window.activeTextEditor = { document, viewColumn: 1 };
        const panel = new preview.JourneyPreview({ extensionUri: vscode.Uri.file('/ext') } as never, client as never);
        panel.open(true);
        const [webview] = vscode.fake.panels;
        webview.received.fire({ type: 'edit', edit, ...(otherFile ? { uri: otherFile } : {}) });
        await new Promise(resolve => setTimeout(resolve, 20));
        return { vscode, asked };
    }

    it('asks the server for the edit on the version shown, and applies what it answers', async () => {
        const { vscode, asked } = await setUp(async () => planned);
        assert.deepEqual(asked, [{ textDocument: { uri: 'file:///maps/buy.journey' }, version: 3, edit }]);
        assert.deepEqual(vscode.fake.appliedEdits, [{ converted: planned }]);
        assert.deepEqual(vscode.fake.messages, []);
    });

    it('says why when the server refuses, and applies nothing', async () => {
        const { vscode } = await setUp(async () => {
            throw new Error('An emotion of Buy.Pay must be on the scale 1..5; 9 is not.');
        });
        assert.deepEqual(vscode.fake.appliedEdits, []);
        assert.deepEqual(vscode.fake.messages, [
            { level: 'warning', text: 'An emotion of Buy.Pay must be on the scale 1..5; 9 is not.' }
        ]);
    });

    it("edits another file (a portfolio opportunity's) as the server has it, without the shown file's version", async () => {
        const { asked } = await setUp(async () => planned, 'file:///maps/backlog.journey');
        assert.deepEqual(asked, [{ textDocument: { uri: 'file:///maps/backlog.journey' }, edit }]);
    });
});
