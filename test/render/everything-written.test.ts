import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { moodOf } from '../../render/emotion-curve.js';
import { renderJourneyMapSvg, renderJourneyMarkdown } from '../../render/index.js';
import { useMessageBundle, type MessageBundle } from '../../model/localisation.js';
import { readFileSync } from 'node:fs';
import { repoRoot } from '../journey-test-kit.js';
import { journeyPaths } from '../../render/journey-paths.js';
import { wrapText, textWidth } from '../../render/text-wrap.js';
import { buildText, createTestServices, examplesDir } from '../journey-test-kit.js';
import { exampleModels, modelOf } from './render-kit.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

const twoPersonas = `persona Ana "Ana, first-time buyer"
persona Bo "Bo, her partner"
journey J "${'A very long journey title that no map is wide enough to hold on one line, '.repeat(3)}end" {
  persona Ana, Bo
  start See, Hear
  stage S "Discover" {
    step See "Sees an ad" { persona Ana emotion 3 curious "Saw it between two videos" next Compare }
    step Hear "Hears from a friend" { persona Bo emotion 4 next Compare }
    step Compare "Compares offers" { emotion 2 anxious "Shipping costs appear only in the cart" next Buy, Leave }
    step Leave "Abandons the cart" { emotion 1 exit }
    step Buy "Pays for the order" { emotion 4 relieved }
  }
}
`;

/** The texts drawn on the map (tspans), not the tooltips or the description. */
function drawnTexts(svg: string): string[] {
    return [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>|<text[^>]*>([^<]+)<\/text>/g)].map(match =>
        (match[1] ?? match[2]).replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    );
}

const opportunities = `journey J {
  stage S {
    step Compare "Compares offers" { emotion 2 opportunity "Free returns" opportunity ShowShipping }
    step Buy "Pays" { emotion 4 }
  }
}
opportunity ShowShipping "Show shipping early" { owner "Web team" status building addresses J.Compare }
opportunity OneClick "One-click checkout" { status planned addresses J.Buy }
`;

describe('a step\'s opportunities, in every output', () => {
    it('are the ideas written on it, the declared ones it names and those that address it, on the map and in Markdown', async () => {
        const model = await modelOf(opportunities);
        const drawn = drawnTexts(renderJourneyMapSvg(model)).join(' ');
        for (const text of [
            '+ Free returns',
            '+ Show shipping early',
            'Web team · building',
            '+ One-click checkout',
            'planned'
        ]) {
            assert.ok(drawn.includes(text), `${text} is not on the map: ${drawn}`);
        }
        const markdown = renderJourneyMarkdown(model, model.journeys[0]);
        assert.match(
            markdown,
            /\| Compares offers \| 2 \| {2}\| Free returns; Show shipping early \\\(Web team · building\\\) \|/
        );
        assert.match(markdown, /\| Pays \| 4 \| {2}\| One-click checkout \\\(planned\\\) \|/);
    });

    it('show their status in the map\'s language', async () => {
        const chinese: MessageBundle = JSON.parse(
            readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')
        );
        const model = await modelOf(opportunities);
        useMessageBundle(chinese);
        try {
            assert.match(renderJourneyMarkdown(model, model.journeys[0]), /Web team · 开发中/);
        } finally {
            useMessageBundle(undefined);
        }
    });
});

describe('the map shows everything written', () => {
    it('draws emotion notes on the map, each in full, in a lane of their own', async () => {
        const svg = renderJourneyMapSvg(await modelOf(twoPersonas));
        const drawn = drawnTexts(svg).join(' ');
        assert.match(drawn, /“Saw it between two videos”/);
        assert.match(drawn, /“Shipping costs appear only in the cart”/);
        assert.ok(drawnTexts(svg).includes('WHY'));
    });

    it('marks each step with the personas that take part in it, and names next steps by their titles', async () => {
        const svg = renderJourneyMapSvg(await modelOf(twoPersonas));
        const drawn = drawnTexts(svg);
        assert.ok(drawn.includes('● Ana'), drawn.join(' | '));
        assert.ok(drawn.includes('■ Bo'));
        assert.ok(
            drawn.some(line => line.startsWith('● Ana  ■ Bo')),
            'a step without its own personas has every persona of the journey'
        );
        assert.ok(drawn.includes('→ Compares offers'));
        assert.match(drawn.join(' '), /→ Pays for the order, Abandons the cart/, 'wrapped over two lines');
        assert.ok(!drawn.some(line => /→ .*\bCompare\b(?! offers)/.test(line)), 'no step identifiers');
    });

    it('wraps a long journey title to the map, never past its edge', async () => {
        const svg = renderJourneyMapSvg(await modelOf(twoPersonas));
        const width = Number(/<svg[^>]* width="(\d+)/.exec(svg)![1]);
        const title = wrapText(
            'A very long journey title that no map is wide enough to hold on one line, '.repeat(3) + 'end',
            width - 48,
            20
        );
        assert.ok(title.length > 1);
        for (const line of title) assert.ok(drawnTexts(svg).includes(line), line);
        for (const line of title) assert.ok(textWidth(line, 20) <= width - 48);
    });

    it('follows the main path with the curve and draws exits and alternatives off it, dashed', async () => {
        const model = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!.model;
        const paths = journeyPaths(model.journeys[0]);
        assert.deepEqual(paths.main.map(step => step.name), ['SeeAd', 'VisitSite', 'Compare', 'Checkout', 'Confirm']);
        assert.deepEqual(paths.branches.map(({ from, to }) => `${from.name}→${to.name}`), ['Compare→Leave']);
        const svg = renderJourneyMapSvg(model);
        assert.equal((svg.match(/class="curve-branch"/g) ?? []).length, 1);
        const two = journeyPaths((await modelOf(twoPersonas)).journeys[0]);
        assert.deepEqual(two.main.map(step => step.name), ['See', 'Compare', 'Buy']);
        assert.deepEqual(
            two.branches.map(({ from, to }) => `${from.name}→${to.name}`),
            ['Hear→Compare', 'Compare→Leave']
        );
    });

    it('lets a journey start at several steps: reachability starts from all of them', async () => {
        const services = createTestServices();
        const withStarts = await buildText(services, twoPersonas, join(examplesDir, 'starts.journey'));
        assert.deepEqual((withStarts.diagnostics ?? []).filter(d => d.code === IssueCodes.UnreachableStep), []);
        const withoutStarts = await buildText(
            services,
            twoPersonas.replace('  start See, Hear\n', ''),
            join(examplesDir, 'no-starts.journey')
        );
        assert.deepEqual(
            (withoutStarts.diagnostics ?? []).filter(d => d.code === IssueCodes.UnreachableStep).map(d => d.message),
            ["No path reaches step 'Hear': add it to the `next` of an earlier step, or remove it."]
        );
        const unknown = await buildText(
            services,
            twoPersonas.replace('start See, Hear', 'start See, Heer'),
            join(examplesDir, 'bad-start.journey')
        );
        assert.match(
            diagnosticText((unknown.diagnostics ?? []).find(d => d.code === IssueCodes.UnresolvedReference)!),
            /Heer.*Did you mean 'Hear'/
        );
    });

    it('puts a face on the position of the score on the journey\'s own scale', () => {
        const oneToSeven = { min: 1, max: 7 };
        assert.deepEqual(
            [1, 2, 3, 4, 5, 6, 7].map(score => moodOf(score, oneToSeven)),
            ['bad', 'bad', 'mid', 'mid', 'mid', 'good', 'good']
        );
        assert.deepEqual(
            [1, 2, 3, 4, 5].map(score => moodOf(score, { min: 1, max: 5 })),
            ['bad', 'bad', 'mid', 'good', 'good']
        );
    });
});
