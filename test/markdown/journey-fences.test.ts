import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { createNodeJourneyServices } from '../../language/node-journey-services.js';
import type { FenceRequest, FenceResult } from '../../markdown/journey-fence.js';
import { askAgainAfterFailureMs, useJourneyFences } from '../../markdown/journey-fences.js';
import { drawFence } from '../../server/fence-drawing.js';
import { workspaceWith } from '../cli/cli-runner.js';

const fence = (text: string, info = 'journey') => `\`\`\`${info}\n${text}\n\`\`\`\n`;

/**
 * Fences drawn later, as in the web extension's Markdown preview: the first render shows a
 * "drawing" box, each fence is asked for once, and the render after `onDrawn` shows the pictures.
 */
describe('journey fences drawn later (the web extension\'s Markdown preview)', function () {
    this.timeout(60_000);
    const workspace = workspaceWith({
        'docs/design.md': '',
        'docs/maps/service.journey': 'journey S "售后服务" { stage A { step Visit "技师上门维修" { emotion 2 } } }\n'
    });
    const document = pathToFileURL(join(workspace, 'docs', 'design.md')).href;

    function markdownDrawnLater(onDrawn: () => void, now?: () => number) {
        const asked: FenceRequest[] = [];
        const md = new MarkdownIt();
        useJourneyFences(md, {
            now,
            documentOf: () => document,
            rootOf: () => pathToFileURL(workspace).href,
            draw: (request): Promise<FenceResult> => {
                asked.push(request);
                return request.text?.includes('throw')
                    ? Promise.reject(new Error('the server stopped'))
                    : drawFence(() => createNodeJourneyServices(), request);
            },
            onDrawn
        });
        return { md, asked };
    }

    it('shows a box while drawing, asks once per fence however often the document renders, and draws the pictures once told', async () => {
        let told: () => void = () => undefined;
        const drawn = new Promise<void>(resolve => {
            told = resolve;
        });
        let calls = 0;
        const { md, asked } = markdownDrawnLater(() => {
            calls++;
            if (calls === 3) told();
        });
        const text = `${fence('journey J "网上下单" { stage S { step A { emotion 3 } } }')}\n${fence('', 'journey src="maps/service.journey"')}\n${fence('journey K {\n stage S { step A { emotion 9 } } }')}`;
        const first = md.render(text);
        assert.equal(
            (first.match(/class="journey-map-waiting" role="status">Drawing the journey map…/g) ?? []).length,
            3
        );
        md.render(text); // the preview renders again on a keystroke, before the answers come
        assert.equal(asked.length, 3, 'each fence asked for once');
        await drawn;
        const after = md.render(text);
        assert.equal(asked.length, 3, 'nothing asked again');
        assert.match(after, /<img alt="网上下单" src="data:image\/svg\+xml/);
        assert.match(after, /<img alt="售后服务" src="data:image\/svg\+xml/);
        assert.match(
            after,
            /<li>line 11: Emotion 9 is outside the journey&#39;s scale/,
            "the error's line counted in the Markdown file"
        );
    });

    it('turns a drawer that fails into an error box, not a box that waits for ever', async () => {
        let told: () => void = () => undefined;
        const drawn = new Promise<void>(resolve => { told = resolve; });
        const { md } = markdownDrawnLater(() => told());
        const text = fence('journey T { stage S { step throw } }');
        assert.match(md.render(text), /journey-map-waiting/);
        await drawn;
        assert.match(
            md.render(text),
            /<div class="journey-map-error" role="alert"><strong>Journey map not drawn<\/strong><ul><li>The map could not be drawn: the server stopped<\/li>/
        );
    });

    it('asks again for a fence whose drawer failed once some time has passed, not on the refresh that shows the failure', async () => {
        let time = Date.now();
        let waiting = 0;
        let told: () => void = () => undefined;
        const { md, asked } = markdownDrawnLater(
            () => {
                if (--waiting === 0) told();
            },
            () => time
        );
        const answers = (count: number) =>
            new Promise<void>(resolve => {
                waiting = count;
                told = resolve;
            });
        // A fence the server fails to draw, and one with a mistake in the map: an answer, kept. (Texts of
        // their own: pictures are remembered across renderers, as across a preview's documents.)
        const text = `${fence('journey Retry { stage S { step throw } }')}\n${fence('journey Kept {\n stage S { step A { emotion 9 } } }')}`;
        let answered = answers(2);
        md.render(text);
        await answered;
        assert.match(md.render(text), /The map could not be drawn: the server stopped/);
        assert.equal(asked.length, 2);
        time += askAgainAfterFailureMs - 1;
        assert.match(md.render(text), /The map could not be drawn/, 'the refreshes meanwhile show the failure');
        assert.equal(asked.length, 2, 'and ask nothing');
        time += 1;
        answered = answers(1);
        const again = md.render(text);
        assert.match(again, /journey-map-waiting/, 'the failed fence is asked again');
        assert.match(again, /Emotion 9 is outside/, 'the map with a mistake keeps its answer');
        assert.deepEqual(
            asked.slice(2).map(request => request.text?.trim()),
            ['journey Retry { stage S { step throw } }']
        );
        await answered;
        assert.match(md.render(text), /The map could not be drawn/);
        assert.equal(asked.length, 3);
    });
});
