import * as assert from 'node:assert/strict';
import {
    renderJourneyMarkdown,
    renderMermaidFlowchart,
    renderMermaidJourney,
    toFivePointScale
} from '../../render/index.js';
import { exampleModels, modelOf } from './render-kit.js';

describe('Mermaid and Markdown views', () => {
    it('writes the journey as a Mermaid journey: stages → sections, steps → tasks, personas → actors', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        assert.equal(
            renderMermaidJourney(model.journeys[0]),
            [
                'journey',
                '    title First purchase',
                "    accDescr: Ana's first order, as the shop sees it today.",
                '    section 意识 Awareness',
                '      Sees a social ad: 3: Ana',
                '    section 考虑 Consideration',
                '      Visits the website: 4: Ana',
                '      Compares offers: 2: Ana',
                '    section 购买 Purchase',
                '      Pays for the order: 4: Ana',
                '      Abandons the cart: 1: Ana',
                '      Gets the order confirmation: 5: Ana',
                // What the map has and Mermaid cannot show, said once, as a Mermaid comment.
                '%% Not in this Mermaid diagram: blueprint actions (3), owners (4), fail points (1), pieces of evidence (1)',
                ''
            ].join('\n')
        );
    });

    it('maps any emotion scale onto Mermaid\'s 1..5', () => {
        assert.equal(toFivePointScale(1, { min: 1, max: 7 }), 1);
        assert.equal(toFivePointScale(7, { min: 1, max: 7 }), 5);
        assert.equal(toFivePointScale(4, { min: 1, max: 7 }), 3);
        assert.equal(toFivePointScale(-100, { min: -100, max: 100 }), 1);
    });

    it('draws the paths as a flowchart with branches, loops and exits', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('onboarding.journey'))!;
        const chart = renderMermaidFlowchart(model.journeys[0]);
        assert.match(chart, /^flowchart LR\n {2}subgraph g0\["Awareness"\]\n {4}s0\["Signs up for a trial"\]\n {2}end/);
        assert.match(
            chart,
            /s2 --> s4\n {2}s2 --> s3\n {2}s2 --> s5/,
            'Configure branches to FirstValue, GetHelp and Abandon'
        );
        assert.match(chart, /s3 --> s2/, 'GetHelp loops back to Configure');
        assert.match(chart, /s5 -.-> s5x\(\["Leaves"\]\)/, 'Abandon exits');
        assert.match(chart, /class s4 momentOfTruth/);
    });

    it('neutralises Mermaid syntax and directives in names', async () => {
        const model = await modelOf(
            'journey J "%%{init: {\\"theme\\":\\"dark\\"}}%% x" { stage S "a: b; #c" { step A "<b>x</b>: 5" { emotion 3 } } }'
        );
        const text = renderMermaidJourney(model.journeys[0]);
        assert.doesNotMatch(text, /%%\{/);
        assert.equal(text.split('\n')[3], '      ‹b›x‹/b›∶ 5: 3');
        const chart = renderMermaidFlowchart(model.journeys[0]);
        assert.match(chart, /s0\["‹b›x‹\/b›∶ 5"\]/);
        assert.doesNotMatch(chart, /%%/);
    });

    it('summarises a journey in Markdown with a mermaid block GitHub renders', async () => {
        const { model } = (await exampleModels()).find(entry => entry.file.endsWith('checkout.journey'))!;
        const markdown = renderJourneyMarkdown(model, model.journeys[0]);
        assert.match(
            markdown,
            /^# First purchase\n\nAna's first order, as the shop sees it today\.\n\n\*\*Persona:\*\* Ana, small-business owner — Buys supplies for a 5-person shop\n\n- Goal: Find a reliable supplier fast\n/
        );
        assert.match(
            markdown,
            /- Frustration: Hidden shipping costs\n- “我只想知道总价。”\n/,
            'the persona card, as on the map'
        );
        assert.match(
            markdown,
            /\| 考虑 Consideration \| Compares offers ★ \| 2 anxious \| Shipping costs appear only in the cart \|/
        );
        assert.match(markdown, /Drop-off 31% \(✗ missed\)/);
        assert.match(markdown, /```mermaid\njourney\n {4}title First purchase\n[\s\S]*```\n$/);
    });
});
