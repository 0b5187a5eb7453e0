import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { opportunityBacklog } from '../../analysis/opportunity-backlog.js';
import { renderJourneyMapSvg } from '../../render/journey-map-svg.js';
import { launchChromium } from '../browser-kit.js';
import { modelOf } from '../render/render-kit.js';
import { openPreviewPage, sendToPreview, updateWith, writePreviewPage } from './preview-kit.js';

const map = `journey J "Buying" {
  stage Look {
    step A "Sees the ad" { emotion 3 curious "Too loud" touchpoint "Instagram" pain "Loud ad" next B }
    step B "Compares" { emotion 2 confused opportunity "Show the price" next C }
  }
  stage Buy {
    step C "Pays" { emotion 4 exit }
  }
}

opportunity O "Quieter ads" { addresses J.A status idea value 3 effort 2 }
`;

/** The edits the page asked for since the last call. */
async function editsPosted(page: Page, withUri = false): Promise<unknown[]> {
    return page.evaluate(keepUri => {
        const posted = (window as unknown as { posted: Array<{ type: string; edit?: unknown; uri?: string }> }).posted;
        const edits = posted
            .filter(message => message.type === 'edit')
            .map(message => (keepUri ? { edit: message.edit, uri: message.uri } : message.edit));
        (window as unknown as { posted: unknown[] }).posted = posted.filter(message => message.type !== 'edit');
        return edits;
    }, withUri);
}

describe("editing on the preview's map: each gesture asks for one edit of the text (real Chromium)", function () {
    this.timeout(120_000);
    let browser: Browser;
    let page: Page;
    let errors: string[];

    before(async () => {
        browser = await launchChromium();
        ({ page, errors } = await openPreviewPage(browser, writePreviewPage(undefined, 'gestures.html')));
        await sendToPreview(page, updateWith(await modelOf(map)));
    });
    after(async () => browser?.close());
    afterEach(() => assert.deepEqual(errors, []));

    it('drags a face of the curve two points up: setEmotion, snapped to the scale; the picture waits for the text', async () => {
        const face = page.locator('#canvas [data-score][data-step="B"]');
        const box = (await face.boundingBox())!;
        const unit = Number(await face.getAttribute('data-unit'));
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 2.2 * unit, { steps: 5 });
        await page.mouse.up();
        assert.deepEqual(await editsPosted(page), [{ kind: 'setEmotion', step: 'J.B', score: 4 }]);
        assert.equal(
            await face.getAttribute('transform'),
            null,
            'the face is back where the text puts it until the text changes'
        );
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40 * unit, { steps: 5 });
        await page.mouse.up();
        assert.deepEqual(
            await editsPosted(page),
            [{ kind: 'setEmotion', step: 'J.B', score: 1 }],
            'no lower than the scale'
        );
    });

    it('edits a title in place: Enter sends the text typed, markup included as text; Escape sends nothing', async () => {
        const reveals = () =>
            page.evaluate(
                () =>
                    (window as unknown as { posted: Array<{ type: string }> }).posted.filter(
                        message => message.type === 'reveal'
                    ).length
            );
        const revealed = await reveals();
        await page.locator('#canvas [data-step="C"] .step-title').dblclick();
        const input = page.locator('input.edit-in-place');
        assert.equal(await input.inputValue(), 'Pays');
        await page.waitForTimeout(500);
        assert.equal(
            await reveals(),
            revealed,
            'a double-click edits: it does not reveal the text (which would take the focus)'
        );
        await input.fill('"><img src=x onerror=alert(1)>');
        await input.press('Enter');
        assert.deepEqual(await editsPosted(page), [
            { kind: 'setText', element: 'J.C', field: 'title', text: '"><img src=x onerror=alert(1)>' }
        ]);
        assert.equal(await page.locator('img').count(), 0);
        await page.locator('#canvas [data-step="C"] .step-title').dblclick();
        await page.locator('input.edit-in-place').press('Escape');
        assert.equal(await page.locator('input.edit-in-place').count(), 0);
        assert.deepEqual(await editsPosted(page), []);
    });

    it('a click reveals the text at once where a double-click edits nothing, and waits where one edits', async () => {
        // Dispatched in the page: what is posted within the click's own task is what it posts at once.
        const revealsAtOnce = (selector: string) =>
            page.evaluate(target => {
                const posted = (window as unknown as { posted: Array<{ type: string }> }).posted;
                const before = posted.filter(message => message.type === 'reveal').length;
                document.querySelector(target)!.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
                return posted.filter(message => message.type === 'reveal').length - before;
            }, selector);
        assert.equal(await revealsAtOnce('#canvas .cell[data-step="B"] rect.card'), 1, "a card's empty part");
        const before = await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted.length);
        assert.equal(await revealsAtOnce('#canvas .cell[data-step="B"] .step-title'), 0, 'a title waits');
        await page.waitForFunction(
            previous =>
                (window as unknown as { posted: Array<{ type: string }> }).posted
                    .slice(previous)
                    .some(message => message.type === 'reveal'),
            before
        );
    });

    it('edits a pain in place by its line, J.A/pain/0', async () => {
        await page.locator('#canvas [data-step="A"] g.note[data-line="pain/0"]').dblclick();
        const input = page.locator('input.edit-in-place');
        assert.equal(await input.inputValue(), 'Loud ad');
        await input.fill('很吵的广告');
        await input.press('Enter');
        assert.deepEqual(await editsPosted(page), [
            { kind: 'setText', element: 'J.A/pain/0', field: 'title', text: '很吵的广告' }
        ]);
    });

    it('moves a card by dragging it onto another (before it on its left half, after on its right) or onto a stage', async () => {
        const a = (await page.locator('#canvas .cell[data-step="A"][tabindex]').boundingBox())!;
        const c = (await page.locator('#canvas .cell[data-step="C"][tabindex]').boundingBox())!;
        await page.mouse.move(a.x + 20, a.y + 20);
        await page.mouse.down();
        await page.mouse.move(c.x + c.width - 10, c.y + 20, { steps: 8 });
        await page.mouse.up();
        assert.deepEqual(await editsPosted(page), [{ kind: 'moveStep', step: 'J.A', after: 'J.C' }]);
        await page.mouse.move(c.x + 20, c.y + 20);
        await page.mouse.down();
        await page.mouse.move(a.x + 10, a.y + 20, { steps: 8 });
        await page.mouse.up();
        assert.deepEqual(await editsPosted(page), [{ kind: 'moveStep', step: 'J.C', before: 'J.A' }]);
        const band = (await page.locator('#canvas g.stage[data-stage="Buy"]').boundingBox())!;
        await page.mouse.move(a.x + 20, a.y + 20);
        await page.mouse.down();
        await page.mouse.move(band.x + 30, band.y + band.height / 2, { steps: 8 });
        await page.mouse.up();
        assert.deepEqual(await editsPosted(page), [{ kind: 'moveStep', step: 'J.A', stage: 'J.Buy' }], 'last in Buy');
    });

    it('works from the keyboard: Tab reaches a card, arrows move it, Delete deletes it, + adds a step after it, focus is visible', async () => {
        // Each key's edit waits for the map drawn from the edited text: the extension's update, sent again here.
        const redraw = async () => sendToPreview(page, updateWith(await modelOf(map)));
        const card = page.locator('#canvas .cell[data-step="B"][tabindex]');
        assert.equal(await card.getAttribute('tabindex'), '0');
        await card.focus();
        const outline = await card.locator('rect.card').evaluate(rect => getComputedStyle(rect).strokeWidth);
        assert.equal(outline, '3px', 'the focused card is outlined');
        for (const key of ['ArrowLeft', 'ArrowRight', 'Delete']) {
            await page.keyboard.press(key);
            await redraw();
        }
        assert.deepEqual(await editsPosted(page), [
            { kind: 'moveStep', step: 'J.B', before: 'J.A' },
            { kind: 'moveStep', step: 'J.B', after: 'J.C' },
            { kind: 'delete', element: 'J.B' }
        ]);
        assert.equal(
            await page.evaluate(() => document.activeElement?.getAttribute('data-step')),
            'B',
            'the card has the focus again in the new drawing'
        );
        await page.keyboard.press('+');
        await page.locator('input.edit-in-place').fill('Calls support');
        await page.keyboard.press('Enter');
        assert.deepEqual(await editsPosted(page), [{ kind: 'addStep', after: 'J.B', title: 'Calls support' }]);
        await redraw();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        assert.equal(
            await page.evaluate(() => document.activeElement?.getAttribute('data-step')),
            'B',
            'Escape gives the focus back to the card'
        );
        const face = page.locator('#canvas [data-score][data-step="A"]');
        await face.focus();
        await page.keyboard.press('ArrowUp');
        assert.deepEqual(await editsPosted(page), [{ kind: 'setEmotion', step: 'J.A', score: 4 }]);
        await redraw();
    });

    it('reads a burst of keys one drawing at a time: ↑ pressed twice is two points, on the face drawn from the text', async () => {
        const face = page.locator('#canvas [data-score][data-step="B"]');
        await face.focus();
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        assert.deepEqual(
            await editsPosted(page),
            [{ kind: 'setEmotion', step: 'J.B', score: 3 }],
            'the second key waits for the map drawn from the first edit'
        );
        await sendToPreview(page, updateWith(await modelOf(map.replace('emotion 2 confused', 'emotion 3 confused'))));
        assert.deepEqual(await editsPosted(page), [{ kind: 'setEmotion', step: 'J.B', score: 4 }]);
        await sendToPreview(page, updateWith(await modelOf(map.replace('emotion 2 confused', 'emotion 4 confused'))));
        assert.deepEqual(await editsPosted(page), [{ kind: 'setEmotion', step: 'J.B', score: 5 }]);
        assert.equal(
            await page.evaluate(() => document.activeElement?.getAttribute('data-step')),
            'B',
            'the face has the focus in each new drawing'
        );
        await sendToPreview(page, updateWith(await modelOf(map)));
        // An edit that is never drawn (refused) holds the keys only a moment.
        await face.focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        assert.deepEqual(await editsPosted(page), [{ kind: 'setEmotion', step: 'J.B', score: 1 }]);
        await page.waitForFunction(() =>
            (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'edit')
        );
        assert.deepEqual(await editsPosted(page), [{ kind: 'setEmotion', step: 'J.B', score: 1 }]);
    });

    it('adds a step with the "+" on a card\'s edge (after it) or on a stage (last in it), by mouse and by keyboard', async () => {
        await page.locator('#canvas .add-button[aria-label="Add a step after A"]').click();
        await page.locator('input.edit-in-place').fill('Reads reviews');
        await page.keyboard.press('Enter');
        assert.deepEqual(await editsPosted(page), [{ kind: 'addStep', after: 'J.A', title: 'Reads reviews' }]);
        await page.locator('#canvas .add-button[aria-label="Add a step to stage Buy"]').focus();
        await page.keyboard.press('Enter');
        await page.locator('input.edit-in-place').fill('收到确认');
        await page.keyboard.press('Enter');
        assert.deepEqual(await editsPosted(page), [{ kind: 'addStep', stage: 'J.Buy', title: '收到确认' }]);
        const buttons = await page.evaluate(
            () => document.querySelectorAll('#canvas svg .add-button[aria-label^="Add a step"]').length
        );
        assert.equal(buttons, 5, 'one "+" after each of the 3 cards and one in each of the 2 stages');
    });

    it('adds a pain, a touchpoint and an opportunity with the "+" of their lanes, one per step, in the lane', async () => {
        const lanes = {
            pain: 'Add a pain to',
            touchpoint: 'Add a touchpoint to',
            opportunity: 'Add an opportunity to'
        };
        for (const [lists, label] of Object.entries(lanes)) {
            const plus = page.locator(`#canvas .add-button[aria-label^="${label}"]`);
            assert.equal(await plus.count(), 3, `a "+" for each step in the ${lists} lane`);
            const laneTop = (await page.locator(`#canvas text[data-lists="${lists}"]`).boundingBox())!.y;
            const plusTop = (await plus.first().boundingBox())!.y;
            assert.ok(
                Math.abs(plusTop - laneTop) < 20,
                `the ${lists} lane's "+" is in the lane (${plusTop} vs ${laneTop})`
            );
        }
        await page.locator('#canvas .add-button[aria-label="Add a pain to C"]').click();
        await page.locator('input.edit-in-place').fill('Card declined <script>alert(1)</script>');
        await page.keyboard.press('Enter');
        await page.locator('#canvas .add-button[aria-label="Add a touchpoint to B"]').focus();
        await page.keyboard.press('Enter');
        await page.locator('input.edit-in-place').fill('比价网站');
        await page.keyboard.press('Enter');
        await page.locator('#canvas .add-button[aria-label="Add an opportunity to A"]').click();
        await page.locator('input.edit-in-place').fill('Quieter ads');
        await page.keyboard.press('Escape');
        assert.deepEqual(await editsPosted(page), [
            { kind: 'addPain', step: 'J.C', text: 'Card declined <script>alert(1)</script>' },
            { kind: 'addTouchpoint', step: 'J.B', text: '比价网站' }
        ]);
    });

    it('keeps the lanes a writer adds to on the live map of a map with none, with their "+"; the exported map leaves them out', async () => {
        const bare = 'journey Bare {\n  stage S {\n    step X { emotion 3 }\n    step Y { emotion 4 }\n  }\n}\n';
        await sendToPreview(page, updateWith(await modelOf(bare)));
        for (const lists of ['pain', 'touchpoint', 'opportunity'])
            assert.equal(await page.locator(`#canvas text[data-lists="${lists}"]`).count(), 1, `the ${lists} lane`);
        await page.locator('#canvas .add-button[aria-label="Add a pain to Y"]').click();
        await page.locator('input.edit-in-place').fill('第一个痛点');
        await page.keyboard.press('Enter');
        assert.deepEqual(await editsPosted(page), [{ kind: 'addPain', step: 'Bare.Y', text: '第一个痛点' }]);
        const exported = renderJourneyMapSvg(await modelOf(bare), 'Bare');
        assert.doesNotMatch(exported, /data-lists/, 'a picture shows no empty lane');
        await sendToPreview(page, updateWith(await modelOf(map)));
    });

    it("edits in place an emotion's note, a touchpoint, an opportunity of the step and a declared one's title", async () => {
        const edit = async (target: string, current: string, text: string) => {
            await page.locator(target).first().dblclick();
            const input = page.locator('input.edit-in-place');
            assert.equal(await input.inputValue(), current, target);
            await input.fill(text);
            await input.press('Enter');
        };
        await edit('#canvas [data-step="A"] .emotion-note', 'Too loud', 'Far too loud');
        await edit('#canvas [data-step="A"] [data-line="touchpoint/0"]', 'Instagram', 'TikTok');
        await edit('#canvas [data-step="B"] [data-line="opportunity/0"]', 'Show the price', '先显示价格');
        await edit('#canvas [data-step="A"] [data-opportunity="O"]', 'Quieter ads', 'Calmer ads');
        assert.deepEqual(await editsPosted(page), [
            { kind: 'setText', element: 'J.A', field: 'note', text: 'Far too loud' },
            { kind: 'setText', element: 'J.A/touchpoint/0', field: 'title', text: 'TikTok' },
            { kind: 'setText', element: 'J.B/opportunity/0', field: 'title', text: '先显示价格' },
            { kind: 'setText', element: 'O', field: 'title', text: 'Calmer ads' }
        ]);
    });

    it('on a focused pain, touchpoint or opportunity: Enter edits it, Delete deletes it', async () => {
        const pain = page.locator('#canvas [data-step="A"] [data-line="pain/0"]');
        assert.equal(await pain.getAttribute('tabindex'), '0');
        await pain.focus();
        await page.keyboard.press('Enter');
        assert.equal(await page.locator('input.edit-in-place').inputValue(), 'Loud ad');
        await page.keyboard.press('Escape');
        await page.locator('#canvas [data-step="B"] [data-line="opportunity/0"]').focus();
        await page.keyboard.press('Delete');
        await sendToPreview(page, updateWith(await modelOf(map))); // the map drawn again: the next key is read
        await page.locator('#canvas [data-step="A"] [data-line="touchpoint/0"]').focus();
        await page.keyboard.press('Backspace');
        assert.deepEqual(await editsPosted(page), [
            { kind: 'delete', element: 'J.B/opportunity/0' },
            { kind: 'delete', element: 'J.A/touchpoint/0' }
        ]);
    });

    it('connects a card to another by dragging it with Alt held, and takes a `next` away the same way', async () => {
        const box = async (step: string) =>
            (await page.locator(`#canvas .cell[data-step="${step}"][tabindex]`).boundingBox())!;
        const altDrag = async (from: string, to: string) => {
            const [a, b] = [await box(from), await box(to)];
            await page.keyboard.down('Alt');
            await page.mouse.move(a.x + 20, a.y + 20);
            await page.mouse.down();
            await page.mouse.move(b.x + 20, b.y + 20, { steps: 8 });
            await page.mouse.up();
            await page.keyboard.up('Alt');
        };
        await altDrag('A', 'C');
        await altDrag('A', 'B');
        assert.deepEqual(await editsPosted(page), [
            { kind: 'connect', from: 'J.A', to: 'J.C' },
            { kind: 'disconnect', from: 'J.A', to: 'J.B' }
        ]);
    });

    it("changes an opportunity's status from the portfolio's menu, in the file that declares it", async () => {
        const model = await modelOf(map);
        await page.evaluate(() =>
            (document.querySelector('#views button[data-view="portfolio"]') as HTMLButtonElement).click()
        );
        await sendToPreview(page, { type: 'portfolio', rows: opportunityBacklog([model]) });
        await page.locator('#canvas [data-opportunity="O"]').first().waitFor();
        await page.locator('#canvas .opportunity-row[data-opportunity="O"]').dblclick();
        await page.locator('select.edit-in-place').selectOption('shipped');
        assert.deepEqual(await editsPosted(page, true), [
            { edit: { kind: 'setStatus', opportunity: 'O', status: 'shipped' }, uri: model.uri }
        ]);
        assert.equal(await page.locator('select.edit-in-place').count(), 0);
        await page.evaluate(() =>
            (document.querySelector('#views button[data-view="map"]') as HTMLButtonElement).click()
        );
    });
});
