import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssueCodes } from '../../language/journey-issue-codes.js';
import { renderJourneyMapSvg, renderMermaidJourney } from '../../render/index.js';
import { modelForPersona } from '../../render/persona-view.js';
import { runCli, workspaceWith } from '../cli/cli-runner.js';
import { buildText, createTestServices, designDir } from '../journey-test-kit.js';
import { modelOf } from './render-kit.js';
import { diagnosticText } from '../../protocol/diagnostic-text.js';

const buyingTogether = readFileSync(join(designDir, 'buying-together.journey'), 'utf8');

describe('one curve per persona', () => {
    it('reads emotions per persona beside the emotion for everyone, and reports a repeated one', async () => {
        const model = await modelOf(buyingTogether);
        const [see, compare, , buy] = model.journeys[0].stages[0].steps;
        assert.deepEqual(see.emotion, { score: 3, feeling: 'curious' });
        assert.equal(see.personaEmotions, undefined);
        assert.deepEqual(compare.personaEmotions, [
            { persona: 'Ana', score: 4, feeling: 'relieved' },
            { persona: 'Bo', score: 2, feeling: 'confused', note: 'Cannot find the invoice option' }
        ]);
        assert.equal(compare.emotion, undefined);
        assert.deepEqual(buy.personaEmotions?.map(emotion => emotion.persona), ['Ana', 'Bo']);
        const services = createTestServices();
        const clean = await buildText(services, buyingTogether, join(designDir, 'two.journey'));
        assert.deepEqual((clean.diagnostics ?? []).filter(d => d.severity === 1), []);
        const repeated = await buildText(
            services,
            buyingTogether.replace('emotion Bo 3', 'emotion Ana 3'),
            join(designDir, 'repeated.journey')
        );
        assert.deepEqual(
            (repeated.diagnostics ?? []).filter(d => d.code === IssueCodes.RepeatedProperty).map(d => d.message),
            ['A step has more than one emotion of Ana; keep one.']
        );
        const unknown = await buildText(
            services,
            buyingTogether.replace('emotion Bo 2', 'emotion Bob 2'),
            join(designDir, 'unknown.journey')
        );
        assert.match(
            diagnosticText((unknown.diagnostics ?? []).find(d => d.code === IssueCodes.UnresolvedReference)!),
            /Bob.*Did you mean 'Bo'/
        );
    });

    it('draws a line per persona with a legend, each at the steps the persona takes part in', async () => {
        const svg = renderJourneyMapSvg(await modelOf(buyingTogether));
        assert.match(svg, /<path class="curve curve-p0"[^>]*data-persona="Ana"/);
        assert.match(svg, /<path class="curve curve-p1"[^>]*data-persona="Bo"/);
        assert.match(svg, /<text[^>]*>● Ana<\/text>/);
        assert.match(svg, /<text[^>]*>■ Bo<\/text>/);
        const facesOf = (persona: string) =>
            [...svg.matchAll(new RegExp(`class="point" data-step="(\\w+)" data-persona="${persona}"`, 'g'))].map(
                match => match[1]
            );
        assert.deepEqual(facesOf('Ana'), ['See', 'Compare', 'Buy'], 'Ana does not take part in Leave');
        assert.deepEqual(facesOf('Bo'), ['See', 'Compare', 'Leave', 'Buy']);
        const drawn = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map(match => match[1]).join(' ');
        assert.match(drawn, /■ Bo: confused “Cannot find the invoice option”/);
    });

    it('keeps one curve, as before, where no step gives emotions per persona', async () => {
        const svg = renderJourneyMapSvg(
            await modelOf(
                buyingTogether
                    .replace(/emotion (Ana|Bo) /g, 'emotion ')
                    .replace('emotion 5 happy emotion 3', 'emotion 5 happy')
                    .replace('emotion 4 relieved\n      emotion 2 confused', 'emotion 2 confused')
            )
        );
        assert.doesNotMatch(svg, /class="point"[^>]*data-persona|class="curve[^"]*"[^>]*data-persona/);
        assert.match(svg, /<path class="curve" d=/);
    });

    it("shows one persona's map with render --persona, and exports each persona's score on its tasks to Mermaid", async () => {
        const model = await modelOf(buyingTogether);
        const bo = modelForPersona(model, 'Bo').journeys[0].stages[0].steps;
        assert.deepEqual(
            bo.map(step => step.emotion?.score),
            [3, 2, 1, 3]
        );
        assert.deepEqual(
            modelForPersona(model, 'Ana').journeys[0].stages[0].steps.map(step => step.emotion?.score),
            [3, 4, undefined, 5]
        );
        assert.deepEqual(
            renderMermaidJourney(model.journeys[0], model.personas)
                .split('\n')
                .filter(line => line.startsWith('      ')),
            [
                '      Sees an ad: 3: Ana, Bo',
                '      Compares offers: 4: Ana',
                '      Compares offers: 2: Bo',
                '      Abandons the cart: 1: Bo',
                '      Pays for the order: 5: Ana',
                '      Pays for the order: 3: Bo'
            ]
        );
        const dir = workspaceWith({ 'map.journey': buyingTogether });
        const one = runCli(['render', 'map.journey', '--persona', 'Bo'], dir);
        assert.equal(one.status, 0, one.stderr);
        assert.doesNotMatch(one.stdout, /class="point"[^>]*data-persona|class="curve[^"]*"[^>]*data-persona/);
        assert.match(one.stdout, /<path class="curve" d=/);
        const unknown = runCli(['render', 'map.journey', '--persona', 'Cy'], dir);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /No persona 'Cy' in map\.journey\. Personas: Ana, Bo\./);
    });
});
