/**
 * A person's hands on the VS Code workbench (code-server in Chromium): quick open, the
 * command palette, the Problems panel, the editor and a webview's content. Every wait has a
 * time limit and says what it waited for.
 */
import type { FrameLocator, Page } from 'playwright-core';

const patience = 30_000;

export class Workbench {
    constructor(readonly page: Page) {}

    async open(url: string, folder: string): Promise<void> {
        await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
        await this.page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
        await this.page.waitForSelector('.explorer-folders-view', { timeout: 60_000 });
    }

    /** Quick open (Ctrl+P) a file by name, and wait for its tab. */
    async openFile(name: string): Promise<void> {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+1'); // focus the editor: a focused tree may take Ctrl+P for itself
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-box input');
        await input.waitFor({ timeout: patience });
        await input.fill(name);
        await this.page
            .locator('.quick-input-list .monaco-list-row', { hasText: name })
            .first()
            .click({ timeout: patience });
        await this.page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ timeout: patience });
        await this.editorText(); // the text is on screen
    }

    /** Runs a command by its title from the command palette (F1). */
    async runCommand(title: string): Promise<void> {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-box input');
        await input.waitFor({ timeout: patience });
        await input.fill(`>${title}`);
        await this.page
            .locator('.quick-input-list .monaco-list-row', { hasText: title })
            .first()
            .waitFor({ timeout: patience });
        await this.page.keyboard.press('Enter');
    }

    /** Puts the cursor at a line and column (1-based) of the active editor. */
    async goTo(line: number, column = 1): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-box input');
        await input.waitFor({ timeout: patience });
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: patience });
    }

    /** Replaces a line of the active editor (its text after the indentation) with `text`. */
    async replaceLine(line: number, text: string): Promise<void> {
        await this.goTo(line);
        await this.page.keyboard.press('Home');
        await this.page.keyboard.press('Shift+End');
        await this.page.keyboard.insertText(text);
    }

    /** The visible text of the active editor, line by line. */
    async editorText(): Promise<string[]> {
        const lines = this.page.locator('.editor-instance .view-lines .view-line');
        await lines.first().waitFor({ timeout: patience });
        const entries = await lines.evaluateAll(nodes =>
            nodes.map(node => ({
                top: parseFloat((node as HTMLElement).style.top),
                text: (node.textContent ?? '').replace(/\u00a0/g, ' ')
            }))
        );
        return entries.sort((a, b) => a.top - b.top).map(entry => entry.text);
    }

    /** The rows of the Problems panel (opened if needed). */
    async problems(): Promise<string[]> {
        if (!(await this.page.locator('.markers-panel').isVisible())) await this.page.keyboard.press('Control+Shift+M');
        await this.page.locator('.markers-panel').waitFor({ timeout: patience });
        return this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    }

    /** Waits until the Problems panel's rows pass `test`. */
    async waitForProblems(test: (rows: string[]) => boolean, what: string): Promise<string[]> {
        return this.waitUntil(() => this.problems(), test, `the Problems panel to show ${what}`);
    }

    /** The content of the active webview (our preview). */
    webview(): FrameLocator {
        return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    }

    /** Polls `read` until its value passes `test`; on timeout says what was awaited and what was seen last. */
    async waitUntil<T>(read: () => Promise<T>, test: (value: T) => boolean, what: string, ms = patience): Promise<T> {
        const deadline = Date.now() + ms;
        let last: T | undefined;
        while (Date.now() < deadline) {
            last = await read().catch(() => last);
            if (last !== undefined && test(last)) return last;
            await this.page.waitForTimeout(250);
        }
        throw new Error(`Waited ${ms / 1000} s for ${what}; last seen: ${JSON.stringify(last)}`);
    }
}
