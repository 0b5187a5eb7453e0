import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbench } from './workbench.js';

/** A design document with two ```journey fences: a map file's blueprint, and a map that does not check. */
export function writeDesignMarkdown(workspace: string): void {
    writeFileSync(
        join(workspace, 'design.md'),
        '# Design\n\n```journey src="service/售后服务.journey" view="blueprint"\n```\n\n```journey\njourney J { stage S { step A { emotion 9 } } }\n```\n\nThe end.\n'
    );
}

/**
 * Opens design.md in VS Code's Markdown preview and waits for the picture, the error box and the rest of the document;
 * closes every editor after.
 */
export async function expectJourneyFencesInMarkdownPreview(workbench: Workbench): Promise<void> {
    await workbench.openFile('design.md');
    await workbench.runCommand('Markdown: Open Preview to the Side');
    const preview = workbench.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    const picture = preview.locator('.journey-map-fence img[alt="售后维修旅程"]');
    await picture.waitFor({ timeout: 60_000 });
    assert.ok(await picture.evaluate(image => (image as HTMLImageElement).naturalWidth > 300));
    await preview.locator('.journey-map-error', { hasText: "Emotion 9 is outside the journey's scale" }).waitFor();
    await preview.locator('p', { hasText: 'The end.' }).waitFor();
    // Back to the workbench (the keys went to the preview): close every editor, so that the next scenario starts clean.
    await workbench.page.locator('.tab[data-resource-name="design.md"]').first().click();
    await workbench.runCommand('View: Close All Editors');
    await workbench.page.locator('.tab').first().waitFor({ state: 'detached' });
}
