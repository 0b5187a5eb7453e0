import * as assert from 'node:assert/strict';
import { modelOf } from '../render/render-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

const map = (language: string) =>
    `${language}persona 小王\njourney 售后 "售后维修" {\n  persona 小王\n  stage 联系 {\n    step 拨打 "拨打热线" { emotion 2 烦躁 }\n  }\n}\n`;
const english = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('the map\'s language (language zh-cn at the top of a file)', () => {
    it('is read into the model, and a name that merely looks like a language stays a name', async () => {
        assert.equal((await modelOf(map('language zh-cn\n'))).language, 'zh-cn');
        assert.equal((await modelOf(map('language zh-CN\n'))).language, 'zh-cn');
        assert.equal((await modelOf(map(''))).language, undefined);
        const named = await modelOf('persona zh\njourney J { persona zh stage S { step en { emotion 3 } } }');
        assert.deepEqual([named.personas[0].name, named.journeys[0].stages[0].steps[0].name], ['zh', 'en']);
    });

    it('draws the map in its language on an English machine; --lang overrides it', () => {
        const dir = workspaceWith({ 'map.journey': map('language zh-cn\n') });
        const chinese = runCli(['render', 'map.journey'], dir, english);
        assert.equal(chinese.status, 0, chinese.stderr);
        assert.match(chinese.stdout, />阶段</);
        assert.match(chinese.stdout, />情绪</);
        const overridden = runCli(['--lang', 'en', 'render', 'map.journey'], dir, english);
        assert.match(overridden.stdout, />STAGE</);
        assert.doesNotMatch(overridden.stdout, />阶段</);
        const markdown = runCli(['render', 'map.journey', '-f', 'md'], dir, english).stdout;
        assert.match(markdown, /\| 阶段 \| 步骤 \| 情绪 \|/);
    });

    it('checks the map in its language on an English machine, each file in its own; --lang overrides it; codes stay', () => {
        const broken = (language: string) => `${language}journey J {\n  stage S {\n    step A { emotion 9 }\n  }\n}\n`;
        const dir = workspaceWith({ 'zh.journey': broken('language zh-cn\n'), 'en.journey': broken('') });
        const checked = runCli(['check', '.'], dir, english);
        assert.equal(checked.status, 1);
        assert.match(
            checked.stdout,
            /^en\.journey:3:22 error emotion-out-of-scale Emotion 9 is outside the journey's scale 1\.\.5/m
        );
        assert.match(
            checked.stdout,
            /^zh\.journey:4:22 error emotion-out-of-scale 情绪分值 9 超出了本旅程的刻度 1\.\.5/m
        );
        assert.match(
            runCli(['--lang', 'en', 'check', 'zh.journey'], dir, english).stdout,
            /emotion-out-of-scale Emotion 9 is outside/
        );
        const sarif = JSON.parse(runCli(['check', 'zh.journey', '-f', 'sarif'], dir, english).stdout);
        assert.equal(sarif.runs[0].results[0].ruleId, 'emotion-out-of-scale');
    });

    it('labels git\'s textconv in the map\'s language, as render -f md does', () => {
        const dir = workspaceWith({ 'map.journey': map('language zh-cn\n') });
        const textconv = runCli(['textconv', 'map.journey'], dir, english);
        assert.equal(textconv.status, 0, textconv.stderr);
        assert.match(textconv.stdout, /\| 阶段 \| 步骤 \| 情绪 \|/);
    });

    it('leaves a map without a language to the machine', () => {
        const dir = workspaceWith({ 'map.journey': map('') });
        assert.match(runCli(['render', 'map.journey'], dir, english).stdout, />STAGE</);
        assert.match(runCli(['render', 'map.journey'], dir, { ...english, LANG: 'zh_CN.UTF-8' }).stdout, />阶段</);
    });
});

describe('summaries about maps that declare their language', () => {
    it('journeymap metrics reports in the maps\' language, unless --lang says otherwise or the maps differ', () => {
        const chinese = runCli(['metrics', 'examples/service'], undefined, english);
        assert.match(chinese.stdout, /^旅程 +阶段 +步骤 +指标/);
        assert.match(chinese.stdout, /（阶段，2 项平均）|阶段，/);
        assert.match(
            runCli(['--lang', 'en', 'metrics', 'examples/service'], undefined, english).stdout,
            /^journey +stage +step/
        );
        assert.match(
            runCli(['metrics', 'examples'], undefined, english).stdout,
            /^journey +stage +step/,
            "maps in several languages: the reader's"
        );
    });
});
