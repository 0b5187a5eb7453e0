import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { createNodeJourneyServices } from '../../language/node-journey-services.js';
import type { FenceRequest, FenceResult } from '../../markdown/journey-fence.js';
import { drawFence } from '../../server/fence-drawing.js';
import { loadWithFakeVsCode } from './load-with-fake-vscode.js';

const fence = (text: string, info = 'journey') => `\`\`\`${info}\n${text}\n\`\`\`\n`;

/**
 * The web extension's Markdown preview plugin with a stand-in VS Code: each fence is asked of
 * the language server (here its real fence drawing, in Node), and the preview is refreshed
 * once the pictures have come.
 */
describe('journey fences in the web extension\'s Markdown preview (with a stand-in VS Code API)', () => {
    it("shows a box while the server draws, refreshes the preview once for all fences, then shows the pictures in the editor theme's colours", async () => {
        const { webFences, vscode } = await loadWithFakeVsCode();
        const asked: FenceRequest[] = [];
        const answers: Array<Promise<FenceResult>> = [];
        const client = {
            sendRequest: (_type: unknown, request: FenceRequest) => {
                asked.push(request);
                const answer = drawFence(() => createNodeJourneyServices(), request);
                answers.push(answer);
                return answer;
            }
        };
        const refreshes: string[] = [];
        const refreshed = new Promise<void>(resolve =>
            vscode.fake.commandRun.event(id => {
                refreshes.push(id);
                resolve();
            })
        );
        vscode.window.activeColorTheme = { kind: vscode.ColorThemeKind.Dark };
        const md = webFences.webMarkdownFences({ subscriptions: [] } as never, client as never)(new MarkdownIt());
        const env = { currentDocument: vscode.Uri.file('/maps/docs/design.md') };
        const text = `${fence('journey J "网上下单" { stage S { step A { emotion 3 } } }')}\n${fence('journey K {\n stage S { step A { emotion 9 } } }')}`;
        assert.equal((md.render(text, env).match(/Drawing the journey map…/g) ?? []).length, 2);
        await Promise.all(answers);
        await refreshed;
        assert.deepEqual(refreshes, ['markdown.preview.refresh'], 'one refresh for both fences');
        const html = md.render(text, env);
        assert.match(html, /<img alt="网上下单" src="data:image\/svg\+xml/);
        assert.match(html, /<li>line 7: Emotion 9 is outside the journey&#39;s scale/, 'the line in the Markdown file');
        assert.deepEqual(
            asked.map(request => [request.document, request.root, request.theme]),
            [
                ['file:///maps/docs/design.md', 'file:///maps', 'dark'],
                ['file:///maps/docs/design.md', 'file:///maps', 'dark']
            ]
        );
    });

    it('asks again for a fence that points at a map once a map was edited, and not before', async () => {
        const { webFences, vscode } = await loadWithFakeVsCode();
        const asked: FenceRequest[] = [];
        const client = {
            sendRequest: async (_type: unknown, request: FenceRequest): Promise<FenceResult> => {
                asked.push(request);
                return { kind: 'errors', errors: [{ message: 'no such map' }] };
            }
        };
        const md = webFences.webMarkdownFences({ subscriptions: [] } as never, client as never)(new MarkdownIt());
        const env = { currentDocument: vscode.Uri.file('/maps/docs/design.md') };
        const text = fence('', 'journey src="../checkout.journey"');
        md.render(text, env);
        await new Promise(resolve => setImmediate(resolve));
        md.render(text, env);
        assert.equal(asked.length, 1, 'drawn once while no map changed');
        vscode.fake.documentChanged.fire({
            document: { uri: vscode.Uri.file('/maps/notes.md'), languageId: 'markdown', fileName: '/maps/notes.md' },
            contentChanges: [{}]
        } as never);
        md.render(text, env);
        assert.equal(asked.length, 1, 'an edit of another language changes nothing');
        vscode.fake.documentChanged.fire({
            document: {
                uri: vscode.Uri.file('/maps/checkout.journey'),
                languageId: 'journey',
                fileName: '/maps/checkout.journey'
            },
            contentChanges: [{}]
        } as never);
        md.render(text, env);
        assert.equal(asked.length, 2, 'drawn again after a map was edited');
    });
});
