import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapSettled, textShows, toTheText } from './map-editing.js';
import { useVsCodeSession } from './vscode-session.js';
import type { Workbench } from './workbench.js';

/**
 * The same `.vsix` as a web extension, the way vscode.dev and github.dev run it: VS Code's
 * `remote.extensionKind` setting puts it in the browser's web worker extension host, so
 * its `browser` entry (dist/web/extension.cjs) runs, and starts the language server in a
 * worker of its own (dist/web/server.js) that reads files through `vscode.workspace.fs`.
 */
describe('the extension as a web extension (VS Code\'s web worker extension host)', function () {
    this.timeout(15 * 60_000);
    const session = useVsCodeSession({
        screenshotPrefix: 'web-',
        settings: { 'remote.extensionKind': { 'journey-maps-as-code.journey-maps-as-code': ['web'] } }
    });
    let workbench: Workbench;
    before(() => { workbench = session.workbench(); });

    it('checks a map with its import and data file read through VS Code\'s file system', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.replaceLine(8, 'persona Anna');
        await workbench.waitForProblems(
            rows => rows.some(row => row.includes("Unknown persona 'Anna'. Did you mean 'Ana'?")),
            "Unknown persona 'Anna' (Ana comes from the imported people.journey)"
        );
        await workbench.replaceLine(8, 'persona Ana');
        await workbench.waitForProblems(rows => rows.length === 0, 'no problems: the import and the CSV were read');
    });

    it('shows the live preview with values from the CSV', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.runCommand('Journey: Open Preview to the Side');
        const view = workbench.webview();
        await view.locator('svg.jm g.step').first().waitFor({ timeout: 60_000 });
        assert.equal(await view.locator('svg.jm g.step').count(), 6);
        assert.match(await view.locator('svg.jm').innerHTML(), /14\.5%/);
    });

    it('edits on the map: a face raised by a key, through the web worker\'s server; Ctrl+Z undoes it', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.runCommand('Journey: Open Preview to the Side');
        const view = workbench.webview();
        const face = view.locator('svg.jm [data-score][data-step="Leave"]');
        await face.waitFor({ timeout: 60_000 });
        await mapSettled(workbench, view);
        assert.equal(await face.getAttribute('data-score'), '1');
        await face.focus();
        await workbench.page.keyboard.press('ArrowUp');
        const score = () => face.getAttribute('data-score');
        await workbench.waitUntil(score, now => now === '2', 'the face at 2, drawn from the text');
        const map = readFileSync(join(session.workspace(), 'shop', 'checkout.journey'), 'utf8');
        const leaveLine = map.split('\n').findIndex(line => line.includes('step Leave')) + 1;
        await toTheText(workbench, 'checkout.journey', leaveLine);
        await textShows(workbench, /step Leave "Abandons the cart" \{\s*emotion 2 frustrated/);
        await workbench.page.keyboard.press('Control+Z');
        await workbench.waitUntil(score, now => now === '1', 'the face back at 1 after Ctrl+Z');
        await textShows(workbench, /step Leave "Abandons the cart" \{\s*emotion 1 frustrated/, leaveLine);
    });

    it('exports the preview as a PNG into the workspace', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.runCommand('Journey: Export Map as PNG');
        // The browser's save dialog is VS Code's own, a quick input holding the proposed path.
        const input = workbench.page.locator('.quick-input-box input');
        await workbench.waitUntil(
            () => input.inputValue().catch(() => ''),
            value => value.endsWith('checkout.png'),
            'the save dialog to propose checkout.png'
        );
        await workbench.page.keyboard.press('Enter');
        await workbench.page
            .locator('.notifications-toasts', { hasText: 'Exported shop/checkout.png' })
            .waitFor({ timeout: 30_000 });
        const png = readFileSync(join(session.workspace(), 'shop', 'checkout.png'));
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
    });

    it('says that Compare with HEAD needs the Git extension, which a web extension cannot use', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.runCommand('Journey: Compare with HEAD');
        await workbench.page
            .locator('.notifications-toasts', { hasText: "Compare needs VS Code's built-in Git extension" })
            .waitFor({ timeout: 30_000 });
    });
});
