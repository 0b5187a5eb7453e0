import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot } from '../../journey-test-kit.js';
import { packageVsix } from './code-server.js';
import { useVsCodeSession } from './vscode-session.js';
import type { Workbench } from './workbench.js';

/**
 * VS Code set to Chinese (`--locale zh-cn`): our command titles, diagnostics and preview
 * labels are Chinese. VS Code takes a display language only from an installed language
 * pack; the test installs an empty one of its own (no download), so VS Code's own words
 * stay English and every Chinese word on screen is ours.
 */
describe('the extension in VS Code set to Chinese (code-server --locale zh-cn)', function () {
    this.timeout(15 * 60_000);
    const session = useVsCodeSession({
        locale: 'zh-cn',
        screenshotPrefix: 'zh-cn-',
        extraExtensions: () => [packageVsix(join(repoRoot, 'test', 'e2e', 'vscode', 'zh-cn-language-pack'))]
    });
    let workbench: Workbench;
    before(() => { workbench = session.workbench(); });

    it('shows an unknown persona in the Problems panel in Chinese', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.replaceLine(8, 'persona Anna');
        await workbench.waitForProblems(rows => rows.some(row => row.includes('未知的用户画像“Anna”')), '未知的用户画像“Anna”');
        await workbench.replaceLine(8, 'persona Ana');
        await workbench.waitForProblems(rows => rows.length === 0, 'no problems once the name is right');
    });

    it('finds our commands by their Chinese titles, draws the map and the service blueprint with Chinese labels, and loads Mermaid when asked', async () => {
        await workbench.openFile('checkout.journey');
        await workbench.runCommand('客户旅程: 在侧边打开预览');
        const view = workbench.webview();
        await view.locator('svg.jm g.step').first().waitFor({ timeout: 60_000 });
        assert.deepEqual(await view.locator('#views button').allTextContents(), [
            '旅程图',
            'Mermaid 旅程图',
            '路径',
            '漏斗',
            '服务蓝图',
            '机会组合'
        ]);
        const lanes = await view.locator('svg.jm .lane-label').allTextContents();
        for (const label of ['阶段', '步骤', '触点', '情绪', '痛点', '机会点', '指标'])
            assert.ok(lanes.includes(label), `${label} in ${lanes.join(', ')}`);
        assert.ok((await view.locator('svg.jm').innerHTML()).includes('关键时刻：'));
        // The service blueprint: every step in the customer lane, the lanes named in Chinese.
        await view.locator('#views button[data-view="blueprint"]').click();
        await view.locator('#canvas .blueprint-cell.lane-customer').first().waitFor({ timeout: 60_000 });
        assert.ok((await view.locator('#canvas .lane-label').allTextContents()).includes('前台'));
        // Mermaid is loaded into the webview only now, under its CSP.
        await view.locator('#views button[data-view="mermaid"]').click();
        await view.locator('#canvas svg[aria-roledescription="journey"]').waitFor({ timeout: 60_000 });
    });
});
