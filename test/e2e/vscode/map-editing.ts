/**
 * Hands on the map of the preview, for the end-to-end tests of editing on the map: each wait
 * reads the page again, as a repaint replaces the map's elements.
 */
import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './workbench.js';

export interface Box {
    x: number;
    y: number;
    width: number;
    height: number;
}

/** Waits until the preview has drawn nothing new for a second: a gesture made during a repaint would be lost. */
export async function mapSettled(workbench: Workbench, view: FrameLocator): Promise<void> {
    const drawn = () => view.locator('body').getAttribute('data-rendered');
    let last = await drawn();
    let quiet = 0;
    await workbench.waitUntil(
        async () => {
            const now = await drawn();
            quiet = now === last && now !== null ? quiet + 1 : 0;
            last = now;
            return quiet;
        },
        count => count >= 4,
        'the map to stop repainting'
    );
}

/** Where an element of the map is, once it is drawn and on screen. */
export async function boxOf(workbench: Workbench, locator: Locator): Promise<Box> {
    return workbench.waitUntil(
        async () => {
            await locator.scrollIntoViewIfNeeded({ timeout: 5_000 });
            return locator.boundingBox();
        },
        (box): box is Box => box !== null,
        'an element of the map drawn'
    ) as Promise<Box>;
}

/** Presses at the middle of `from`, moves in steps by (dx, dy) and lets go. */
export async function drag(workbench: Workbench, from: Box, dx: number, dy: number): Promise<void> {
    const [x, y] = [from.x + from.width / 2, from.y + from.height / 2];
    const mouse = workbench.page.mouse;
    await mouse.move(x, y);
    await mouse.down();
    await mouse.move(x + dx, y + dy, { steps: 10 });
    await mouse.up();
}

/**
 * Gives the keyboard to the text editor of `file` (a click on its tab: the keys went to the
 * preview) with the cursor at `line`, so that its lines are on screen and Ctrl+Z undoes there.
 */
export async function toTheText(workbench: Workbench, file: string, line: number): Promise<void> {
    await workbench.page.locator(`.tab[data-resource-name="${file}"]`).first().click();
    await workbench.goTo(line);
}

/**
 * Waits until the editor's visible lines match `pattern`, with the cursor put at `line` first when
 * given: an undo puts the cursor back where it was before the edit, which may scroll the step away.
 */
export async function textShows(workbench: Workbench, pattern: RegExp, line?: number): Promise<void> {
    if (line !== undefined) await workbench.goTo(line);
    await workbench.waitUntil(
        async () => (await workbench.editorText()).join('\n'),
        text => pattern.test(text),
        `the editor to show ${pattern}`
    );
}
