import * as assert from 'node:assert/strict';
import { allSteps } from '../../model/journey-model.js';
import { layout } from '../../render/map-layout.js';
import { renderJourneyMapSvg } from '../../render/index.js';
import { textWidth, wrapText } from '../../render/text-wrap.js';
import { assertWellFormedXml, exampleModels, modelOf } from './render-kit.js';

function attributeValues(svg: string, pattern: RegExp): string[] {
    return [...svg.matchAll(pattern)].map(match => match[1]);
}

describe('map renderer (SVG)', () => {
    it('draws every example as well-formed SVG with title, description and one element per step and stage', async () => {
        for (const { file, model } of await exampleModels()) {
            const journey = model.journeys[0];
            const svg = renderJourneyMapSvg(model);
            assertWellFormedXml(svg);
            assert.match(
                svg,
                /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="jm"[^>]* role="img" aria-labelledby="jm-title jm-desc">/,
                file
            );
            assert.match(svg, /<title id="jm-title">[^<]+<\/title><desc id="jm-desc">Customer journey map of /);
            assert.deepEqual(
                attributeValues(svg, /<g class="stage" data-stage="([^"]+)"/g),
                journey.stages.map(stage => stage.name),
                file
            );
            const stepCards = attributeValues(svg, /<g class="cell" data-step="([^"]+)"><g class="step"/g);
            assert.deepEqual(
                stepCards,
                allSteps(journey).map(step => step.name),
                file
            );
        }
    });

    it('places steps left to right in stage order', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('onboarding.journey'))!;
        const svg = renderJourneyMapSvg(model);
        const xs = attributeValues(svg, /<g class="step"[^>]*><rect class="card" x="([\d.]+)"/g).map(Number);
        assert.equal(xs.length, allSteps(model.journeys[0]).length);
        assert.deepEqual([...xs].sort((a, b) => a - b), xs);
        assert.equal(new Set(xs).size, xs.length);
    });

    it('puts each curve point at the height of its score on the journey scale', async () => {
        const model = await modelOf(
            'journey J { emotion scale 1..7 stage S { step A { emotion 1 } step B { emotion 7 } step C { emotion 4 } step D { emotion 4 } } }'
        );
        const svg = renderJourneyMapSvg(model);
        const ys = [
            ...svg.matchAll(
                /<g class="point" data-step="(\w)"[^>]*><circle class="face-\w+" cx="[\d.]+" cy="([\d.]+)"/g
            )
        ].map(m => [m[1], Number(m[2])] as const);
        const y = Object.fromEntries(ys);
        assert.deepEqual(Object.keys(y), ['A', 'B', 'C', 'D']);
        assert.ok(y.B < y.C && y.C < y.A, JSON.stringify(y));
        assert.equal(y.C, y.D);
        assert.ok(Math.abs((y.A + y.B) / 2 - y.C) < 0.2, 'the middle of the scale is half way');
        assert.match(svg, /<path class="curve" d="M/);
        assert.match(svg, /face-bad[\s\S]*face-good/);
    });

    it('wraps CJK and 300-character labels inside their boxes', async () => {
        const long = 'Compares many offers across several shops before deciding '.repeat(5).slice(0, 300);
        const model = await modelOf(
            `journey J { stage S { step A ${JSON.stringify(long)} { pain "不知道是不是自己操作错了不知道是不是自己操作错了不知道是不是自己操作错了" } } }`
        );
        const svg = renderJourneyMapSvg(model);
        const tspans = [...svg.matchAll(/<tspan x="[\d.]+" y="[\d.]+">([^<]*)<\/tspan>/g)].map(m =>
            m[1].replace(/&amp;/g, '&')
        );
        const titleLines = tspans.filter(line => long.includes(line.trim()) && line.trim().length > 0);
        assert.ok(titleLines.length >= 8, `the long title wraps (${titleLines.length} lines)`);
        const innerWidth = layout.column - 2 * layout.cellPad;
        for (const line of tspans) {
            const fontSize = titleLines.includes(line) ? 13 : 12;
            assert.ok(textWidth(line, fontSize) <= innerWidth + 0.01, `too wide: ${line}`);
        }
        assert.ok(tspans.filter(line => /不知道/.test(line)).length >= 2, 'the CJK pain point wraps');
    });

    it('breaks text between words, and CJK between characters, never losing any', () => {
        const lines = wrapText('Sees the total with shipping', 90, 12);
        assert.ok(lines.length > 1 && lines.every(line => textWidth(line, 12) <= 90), JSON.stringify(lines));
        assert.equal(lines.join(' '), 'Sees the total with shipping', 'breaks only between words');
        const cjk = '第一次接通客服时能否被认真对待';
        assert.equal(wrapText(cjk, 60, 12).join(''), cjk);
        assert.ok(wrapText(cjk, 60, 12).length > 1);
        assert.equal(wrapText('x'.repeat(100), 50, 12).join(''), 'x'.repeat(100));
    });

    it('is deterministic: the same model gives the same bytes', async () => {
        for (const { model } of await exampleModels()) {
            assert.equal(renderJourneyMapSvg(model), renderJourneyMapSvg(structuredClone(model)));
        }
    });

    it('collapses empty lanes and marks channels by shape and metrics by word, not only colour', async () => {
        const bare = renderJourneyMapSvg(await modelOf('journey J { stage S { step A { emotion 3 } } }'));
        assert.doesNotMatch(bare, /PAIN POINTS|OPPORTUNITIES|METRICS|TOUCHPOINTS/);
        const full = renderJourneyMapSvg(
            await modelOf(
                'channel W online\nchannel Shop offline\nmetric m percent target >= 50\njourney J { stage S { step A { channel W metric m = 40 } step B { channel Shop metric m = 60 } } }'
            )
        );
        assert.match(full, /aria-label="online channel"/);
        assert.match(full, /aria-label="offline channel"/);
        assert.match(full, /40% {2}✗ missed/);
        assert.match(full, /60% {2}✓ met/);
    });

    it('uses CSS variables that follow VS Code themes, with light and dark fallbacks', async () => {
        const svg = renderJourneyMapSvg(await modelOf('journey J { stage S { step A { emotion 3 } } }'));
        assert.match(svg, /--jm-fg:var\(--vscode-editor-foreground,#1f2328\)/);
        assert.match(svg, /@media \(prefers-color-scheme:dark\)/);
        const dark = renderJourneyMapSvg(await modelOf('journey J { stage S { step A { emotion 3 } } }'), undefined, {
            theme: 'dark'
        });
        assert.match(dark, /--jm-bg:var\(--vscode-editor-background,#0d1117\)/);
    });

    it('writes hostile strings as text: no element, attribute or entity is injected', async () => {
        const hostile =
            '<script>alert(1)</script>"><img src=x onerror=alert(1)></svg><a href="javascript:alert(1)">x</a>&amp;';
        const model = await modelOf(`persona P ${JSON.stringify(hostile)} { role ${JSON.stringify(hostile)} }
journey J ${JSON.stringify(hostile)} { persona P stage S ${JSON.stringify(hostile)} { step A ${JSON.stringify(hostile)} { touchpoint ${JSON.stringify(hostile)} emotion 3 x ${JSON.stringify(hostile)} pain ${JSON.stringify(hostile)} opportunity ${JSON.stringify(hostile)} moment of truth ${JSON.stringify(hostile)} } } }`);
        const svg = renderJourneyMapSvg(model);
        assertWellFormedXml(svg);
        assert.doesNotMatch(svg, /<script|<img|<a |<\/svg>.+|onerror="/);
        assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img/);
    });

    it('says so when a file has no journey', async () => {
        const svg = renderJourneyMapSvg(await modelOf('persona P'));
        assertWellFormedXml(svg);
        assert.match(svg, /declares no journey/);
    });
});
