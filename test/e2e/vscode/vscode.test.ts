import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boxOf, drag, mapSettled, textShows, toTheText } from './map-editing.js';
import { expectJourneyFencesInMarkdownPreview, writeDesignMarkdown } from './markdown-preview.js';
import { useVsCodeSession } from './vscode-session.js';
import type { Workbench } from './workbench.js';

/** Makes the workspace a git repository with one commit of the maps, and adds a messy file to format. */
function prepareWorkspace(workspace: string): void {
    writeFileSync(join(workspace, 'messy.journey'), 'persona   Tidy {\nrole "r"\n  goal    "g"\n}\n');
    writeDesignMarkdown(workspace);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore' });
    git('init', '-q');
    git(
        '-c',
        'user.email=test@example.invalid',
        '-c',
        'user.name=Test',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        'start'
    );
    git('add', '.');
    git('-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', 'commit', '-q', '-m', 'maps');
}

/** The processes of our language server that VS Code started (over IPC, from the installed extension). */
function languageServerPids(): number[] {
    return readdirSync('/proc').filter(name => /^\d+$/.test(name)).flatMap(pid => {
        try {
            const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
            return commandLine.includes('dist/server.js') &&
                commandLine.includes('--node-ipc') &&
                commandLine.includes('journey-maps-as-code')
                ? [Number(pid)]
                : [];
        } catch {
            return []; // the process ended while we looked
        }
    });
}

/**
 * The packaged extension inside real VS Code (code-server), used as a person does: on a
 * copy of the examples that is a git repository, so Compare with HEAD has a HEAD.
 */
describe('the extension in VS Code (code-server, the packaged .vsix)', function () {
    this.timeout(15 * 60_000);
    const session = useVsCodeSession({ prepareWorkspace });
    let workbench: Workbench;
    let workspace: string;

    before(() => {
        workbench = session.workbench();
        workspace = session.workspace();
    });

    it('opens a .journey file as the Journey language, highlighted, with no problems', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.page.locator('.statusbar', { hasText: 'Journey Map' }).waitFor();
        const colours = await workbench.page
            .locator('.editor-instance .view-line span[class*="mtk"]')
            .evaluateAll(spans => new Set(spans.map(span => getComputedStyle(span).color)).size);
        assert.ok(colours >= 4, `highlighting uses ${colours} colours`);
        assert.deepEqual(await workbench.waitForProblems(rows => rows.length === 0, 'no problems'), []);
    });

    it('shows an unknown persona in the Problems panel, and its quick fix repairs it', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.replaceLine(8, 'persona Anna');
        await workbench.waitForProblems(
            rows => rows.some(row => row.includes("Unknown persona 'Anna'")),
            "Unknown persona 'Anna'"
        );
        // The fixes are computed after the diagnostic arrives: ask again until the menu offers one.
        const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: 'Ana' }).first();
        await workbench.waitUntil(async () => {
            await workbench.page.keyboard.press('Escape');
            await workbench.goTo(8, 12);
            await workbench.page.keyboard.press('Control+.');
            return fix.waitFor({ timeout: 3_000 }).then(() => true, () => false);
        }, shown => shown, 'the quick fix menu to offer Ana');
        await fix.click();
        await workbench.waitUntil(
            () => workbench.editorText(),
            lines => lines[7].trim() === 'persona Ana',
            'the quick fix to write Ana'
        );
        await workbench.waitForProblems(rows => rows.length === 0, 'no problems after the fix');
    });

    it('completes personas, hovers a persona card, jumps to its definition and renames it in both files', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.replaceLine(8, 'persona ');
        await workbench.page.keyboard.press('Control+Space');
        const suggestions = await workbench.waitUntil(
            () => workbench.page.locator('.suggest-widget .monaco-list-row').allInnerTexts(),
            rows => rows.some(row => row.includes('Ana')),
            'completion to offer Ana'
        );
        assert.ok(suggestions.some(row => row.includes('小王')), suggestions.join(' | '));
        await workbench.page.keyboard.press('Escape');
        await workbench.page.keyboard.insertText('Ana');
        await workbench.page.locator('.editor-instance .view-line span', { hasText: /^Ana$/ }).first().hover();
        await workbench.page.locator('.monaco-hover', { hasText: 'Persona' }).waitFor();
        await workbench.goTo(8, 12);
        await workbench.page.keyboard.press('F12');
        await workbench.page.locator('.tab.active', { hasText: 'people.journey' }).waitFor();
        await workbench.openFile('checkout.journey');
        await workbench.goTo(8, 12);
        await workbench.page.keyboard.press('F2');
        const rename = workbench.page.locator('.rename-box input');
        await rename.waitFor();
        await rename.fill('Anna');
        await workbench.page.keyboard.press('Enter');
        await workbench.waitUntil(
            () => workbench.editorText(),
            lines => lines[7].trim() === 'persona Anna',
            'the rename in checkout.journey'
        );
        await workbench.runCommand('File: Save All Files');
        await workbench.waitUntil(
            async () => readFileSync(join(workspace, 'shared', 'people.journey'), 'utf8'),
            text => text.includes('persona Anna "Ana, small-business owner"'),
            'the rename saved in people.journey'
        );
        assert.match(readFileSync(join(workspace, 'shop', 'checkout.journey'), 'utf8'), /^ {2}persona Anna$/m);
    });

    it('shows journey › stage › step in the outline', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.page.locator('.pane-header', { hasText: 'Outline' }).click();
        const rows = await workbench.waitUntil(
            () =>
                workbench.page
                    .locator('.outline-pane .monaco-list-row')
                    .evaluateAll(nodes =>
                        nodes.map(node => `${node.getAttribute('aria-level')} ${node.textContent?.trim()}`)
                    ),
            found => found.some(row => row.startsWith('3 SeeAd')),
            'the outline to list steps at level 3'
        );
        assert.ok(
            rows.some(row => row.startsWith('1 FirstPurchase')) && rows.some(row => row.startsWith('2 Awareness')),
            rows.join(' | ')
        );
        await workbench.page.locator('.pane-header', { hasText: 'Outline' }).click();
    });

    it('formats a messy file with Format Document', async () => {
        await workbench.openFile('messy.journey');
        await workbench.runCommand('Format Document');
        await workbench.waitUntil(
            () => workbench.editorText(),
            lines => lines.slice(0, 4).join('\n') === 'persona Tidy {\n  role "r"\n  goal "g"\n}',
            'the formatted text'
        );
    });

    it('shows the map beside the editor, redraws while typing, reveals a clicked step, keeps the picture on errors', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.runCommand('Journey: Open Preview to the Side');
        const view = workbench.webview();
        await view.locator('svg.jm g.step').first().waitFor({ timeout: 60_000 });
        assert.equal(await view.locator('svg.jm g.step').count(), 6);
        assert.match(await view.locator('svg.jm').innerHTML(), /Ana, small-business owner/);
        // The service blueprint of the same map, then back to the map.
        await view.locator('#views button[data-view="blueprint"]').click();
        await view
            .locator('#canvas .blueprint-cell.lane-frontstage', { hasText: 'Cart shows the' })
            .waitFor({ timeout: 30_000 });
        await view.locator('#views button[data-view="map"]').click();
        await view.locator('svg.jm g.step').first().waitFor({ timeout: 30_000 });
        // A click on a card reveals its text, which gives the keyboard back to the editor (the tabs kept it in the
        // webview).
        const seeAdLine =
            readFileSync(join(workspace, 'shop', 'checkout.journey'), 'utf8')
                .split('\n')
                .findIndex(line => line.includes('step SeeAd')) + 1;
        await view.locator('svg.jm g.cell[data-step="SeeAd"]').first().click();
        await workbench.page.locator('.statusbar', { hasText: new RegExp(`Ln ${seeAdLine}, Col`) }).waitFor();
        // Back to the text by keyboard: a click on an editor line can land on an overlay (sticky scroll, a scrollbar).
        await workbench.openFile('checkout.journey');
        await workbench.replaceLine(29, 'step Compare "Weighs the offers" {');
        await view.locator('svg.jm text', { hasText: 'Weighs the offers' }).waitFor();
        await view.locator('svg.jm g.cell[data-step="Leave"]').first().click();
        // The click reveals the step's own line (the map links each card to its text).
        const leaveLine =
            readFileSync(join(workspace, 'shop', 'checkout.journey'), 'utf8')
                .split('\n')
                .findIndex(line => line.includes('step Leave')) + 1;
        await workbench.page.locator('.statusbar', { hasText: new RegExp(`Ln ${leaveLine}, Col`) }).waitFor();
        await workbench.openFile('checkout.journey');
        await workbench.replaceLine(29, 'step Compare "Weighs the offers" { }}}');
        await view.locator('#banner:not([hidden])').waitFor();
        assert.equal(await view.locator('svg.jm g.step').count(), 6, 'the last picture stays');
        await workbench.page.keyboard.press('Control+Z');
        await view.locator('#banner[hidden]').waitFor({ state: 'attached' });
    });

    it('edits on the map: a face and a card dragged, a title edited in place, each undone with Ctrl+Z', async () => {
        // After each gesture and each undo, the text and the map agree.
        await workbench.openFile('checkout.journey');
        await workbench.runCommand('Journey: Open Preview to the Side');
        const view = workbench.webview();
        const lineOf = (words: string) => {
            const map = readFileSync(join(workspace, 'shop', 'checkout.journey'), 'utf8');
            return map.split('\n').findIndex(line => line.includes(words)) + 1;
        };
        const face = view.locator('svg.jm [data-score][data-step="Compare"]');
        await face.waitFor({ timeout: 60_000 });
        await mapSettled(workbench, view);
        // A face of the curve, dragged two points up: the text gets the score, the map is drawn from the text.
        assert.equal(await face.getAttribute('data-score'), '2');
        const pixelsPerPoint = await face.evaluate(element => {
            const drawn = element as SVGGElement;
            return Number(drawn.dataset.unit) * (drawn.ownerSVGElement!.getScreenCTM()?.d ?? 1);
        });
        await drag(workbench, await boxOf(workbench, face.locator('circle[r="11"]')), 0, -2.2 * pixelsPerPoint);
        const score = () => face.getAttribute('data-score');
        await workbench.waitUntil(score, now => now === '4', 'the face at 4, drawn from the text');
        await toTheText(workbench, 'checkout.journey', lineOf('step Compare'));
        await textShows(workbench, /emotion 4 anxious/);
        await workbench.page.keyboard.press('Control+Z');
        await workbench.waitUntil(score, now => now === '2', 'the face back at 2 after Ctrl+Z');
        await textShows(workbench, /emotion 2 anxious/, lineOf('step Compare'));
        // A title edited in place: a double-click, the new words, Enter.
        await mapSettled(workbench, view);
        const leaveTitle = view.locator('svg.jm g.cell[data-step="Leave"][tabindex] .step-title');
        await leaveTitle.scrollIntoViewIfNeeded();
        await leaveTitle.dblclick();
        await view.locator('input.edit-in-place').fill('Leaves the cart');
        await view.locator('input.edit-in-place').press('Enter');
        await view.locator('svg.jm text', { hasText: 'Leaves the cart' }).first().waitFor();
        await toTheText(workbench, 'checkout.journey', lineOf('step Leave'));
        await textShows(workbench, /step Leave "Leaves the cart" \{/);
        await workbench.page.keyboard.press('Control+Z');
        await view.locator('svg.jm text', { hasText: 'Abandons the cart' }).first().waitFor();
        await textShows(workbench, /step Leave "Abandons the cart" \{/, lineOf('step Leave'));
        // A card dragged onto the left half of another: the step's lines move before it.
        await mapSettled(workbench, view);
        const order = () => view.locator('svg.jm g.cell[tabindex]:has(> .step)')
            .evaluateAll(cells => cells.map(cell => cell.getAttribute('data-step')).join(' '));
        const before = await order();
        const leave = await boxOf(workbench, view.locator('svg.jm g.cell[data-step="Leave"][tabindex]'));
        const checkout = await boxOf(workbench, view.locator('svg.jm g.cell[data-step="Checkout"][tabindex]'));
        const [leaveX, leaveY] = [leave.x + leave.width / 2, leave.y + leave.height / 2];
        await drag(workbench, leave, checkout.x + 15 - leaveX, checkout.y + 30 - leaveY);
        await workbench.waitUntil(order, now => now.includes('Leave Checkout'), 'Leave drawn before Checkout');
        await toTheText(workbench, 'checkout.journey', lineOf('step Checkout'));
        await textShows(workbench, /step Leave "Abandons the cart" \{[\s\S]*step Checkout "Pays for the order" \{/);
        await workbench.page.keyboard.press('Control+Z');
        await workbench.waitUntil(order, now => now === before, 'the first order back after Ctrl+Z');
        const firstOrder = /step Checkout "Pays for the order" \{[\s\S]*step Leave "Abandons the cart" \{/;
        await textShows(workbench, firstOrder, lineOf('step Checkout'));
    });

    it('shows linked metric values and changes them when the CSV changes', async () => {
        const view = workbench.webview();
        await view.locator('svg.jm g.metric', { hasText: '14.5%' }).first().waitFor({ timeout: 60_000 });
        const csv = join(workspace, 'shop', 'analytics', 'funnel.csv');
        writeFileSync(csv, readFileSync(csv, 'utf8').replace('2026-W47,see-ad,14.5', '2026-W47,see-ad,16.25'));
        await view.locator('svg.jm g.metric', { hasText: '16.25%' }).first().waitFor({ timeout: 60_000 });
    });

    it('compares with HEAD: the changes in words and both maps', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.replaceLine(15, 'emotion 1 curious "Interested, but no price shown"');
        await workbench.runCommand('Journey: Compare with HEAD');
        const view = workbench.webview();
        await view
            .locator('.compare-changes li', { hasText: "Emotion of 'Sees a social ad' fell from 3 to 1" })
            .waitFor({ timeout: 60_000 });
        assert.equal(await view.locator('.compare-maps svg.jm').count(), 2);
    });

    it("draws ```journey fences in VS Code's Markdown preview: a map file's blueprint, and an error box for a fence that does not check", async () => {
        await expectJourneyFencesInMarkdownPreview(workbench);
    });

    // Last: at its end the language server is stopped for good.
    it('restarts a language server that was killed and says so once; after five deaths it stops and says what to report', async () => {
        await workbench.openFile('checkout.journey');
        // A server answers once it reports a mistake, and its end: killed during its start, VS Code would not restart
        // it.
        const line8 = (await workbench.editorText())[7].trim();
        const serving = async () => {
            await workbench.replaceLine(8, 'persona Zed');
            await workbench.waitForProblems(
                rows => rows.some(row => row.includes("Unknown persona 'Zed'")),
                "Unknown persona 'Zed'"
            );
            await workbench.replaceLine(8, line8);
            await workbench.waitForProblems(rows => !rows.some(row => row.includes('Zed')), 'no problem with Zed');
        };
        const kill = async () => {
            const [pid] = await workbench.waitUntil(
                async () => languageServerPids(),
                pids => pids.length === 1,
                'one language server process'
            );
            process.kill(pid, 'SIGKILL');
            await workbench.waitUntil(
                async () => languageServerPids(),
                pids => !pids.includes(pid),
                `server ${pid} to end`
            );
        };
        await serving();
        await kill();
        await workbench.page
            .locator('.notifications-toasts', {
                hasText: 'The Journey language server stopped unexpectedly and was restarted.'
            })
            .waitFor({ timeout: 60_000 });
        await serving();
        for (let death = 2; death <= 5; death++) {
            await kill();
            if (death < 5) await serving();
        }
        await workbench.page
            .locator('.notifications-toasts', { hasText: 'stopped 5 times in 3 minutes and will not be started again' })
            .waitFor({ timeout: 60_000 });
        assert.ok(
            (await workbench.page
                .locator('.notifications-toasts .notification-toast', { hasText: 'was restarted' })
                .count()) <= 1,
            'the restart was told once'
        );
        await new Promise(resolve => setTimeout(resolve, 2_000));
        assert.deepEqual(languageServerPids(), [], 'no server was started after the fifth death');
    });
});
