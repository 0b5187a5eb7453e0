import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { journeyHealth } from '../../analysis/journey-health.js';
import { errorPage, journeyPage, personasPage, siteIndexPage, type SiteJourney } from '../../render/site-pages.js';
import type { JourneyModel } from '../../model/journey-model.js';
import { modelOf } from './render-kit.js';

/** The site's pages put every text of a map into HTML: whatever the text, it stays text. */
describe('the static site\'s pages escape every text of a map', () => {
    let base: JourneyModel;
    before(async () => {
        base = await modelOf(`persona P "P" { role "r" goal "g" frustration "f" quote "q" }
opportunity O "O" { owner "o" status planned addresses J.A }
journey J "J" { persona P stage S "S" { step A "A" { emotion 2 pain "p" opportunity "i" touchpoint "t" } } }`);
    });

    /** The model with one text replaced everywhere a writer writes one. */
    function withText(text: string): { entry: SiteJourney; model: JourneyModel } {
        const model = structuredClone(base);
        const persona = model.personas[0];
        Object.assign(persona, { title: text, role: text, goals: [text], frustrations: [text], quote: text });
        const journey = model.journeys[0];
        Object.assign(journey, { title: text, documentation: text });
        Object.assign(journey.stages[0], { title: text });
        Object.assign(journey.stages[0].steps[0], {
            title: text,
            pains: [text],
            opportunities: [text],
            touchpoints: [text]
        });
        Object.assign(model.opportunities![0], { title: text });
        const entry: SiteJourney = {
            page: 'j/x.html',
            folder: text,
            file: `${text}.journey`,
            journey,
            model,
            health: journeyHealth(model, journey),
            views: [{ id: 'map', image: 'j/x.map.svg' }],
            modelFile: 'j/x.json',
            lastChange: text
        };
        return { entry, model };
    }

    it('never lets a text become markup: no character of < > & " \' from a map reaches a page unescaped', () => {
        const markup = fc.string({
            unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', 'b', ' ', '=', 'script', 'img', '中'),
            minLength: 1,
            maxLength: 30
        });
        fc.assert(fc.property(markup, written => {
            // Between sentinels, so that each place the text lands on a page can be found and read.
            const text = `⟦${written}⟧`;
            const { entry } = withText(text);
            const pages = [
                journeyPage(entry, { mermaid: text, paths: text, source: text }),
                siteIndexPage(
                    [
                        { kind: 'journey', journey: entry },
                        { kind: 'error', error: { page: 'j/e.html', file: text, errors: [{ line: 1, message: text }] } }
                    ],
                    text
                ),
                personasPage([entry]),
                errorPage({ page: 'j/e.html', file: text, errors: [{ line: 1, message: text }] }, text)
            ];
            for (const page of pages) {
                const landed = [...page.matchAll(/⟦([^⟧]*)⟧/g)].map(match => match[1]);
                assert.ok(landed.length > 0, 'the text is on the page');
                for (const inner of landed)
                    assert.doesNotMatch(
                        inner,
                        /[<>"']|&(?!(amp|lt|gt|quot|#39);)/,
                        `"${written}" landed as "${inner}"`
                    );
            }
        }), { numRuns: 300 });
    });
});
