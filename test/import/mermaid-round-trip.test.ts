import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { importMermaid } from '../../import/import-mermaid.js';
import { renderMermaidJourney } from '../../render/index.js';
import { launchChromium, renderWithMermaid } from '../browser-kit.js';
import { buildText, createTestServices, describeDiagnostics, repoRoot } from '../journey-test-kit.js';
import { referenceParse, type ReferenceJourney } from './mermaid-reference-parser.js';

const upstream = join(repoRoot, 'test', 'fixtures', 'mermaid', 'upstream');
const diagrams = readdirSync(upstream).filter(name => name.endsWith('.mmd')).sort();

/** Whether Mermaid's documentation allows every score (whole numbers 1 to 5); Mermaid itself draws any number. */
function documentedScores(journey: ReferenceJourney): boolean {
    return journey.sections.every(section =>
        section.tasks.every(task => Number.isInteger(task.score) && task.score >= 1 && task.score <= 5)
    );
}

/** Imports a Mermaid text, builds the .journey text with the language, and exports the journey back. */
async function roundTrip(text: string): Promise<string> {
    const imported = importMermaid(text, 'upstream.mmd', false);
    assert.deepEqual(imported.problems, []);
    const services = createTestServices();
    const document = await buildText(services, imported.journeyText!, join(upstream, 'imported.journey'));
    assert.deepEqual(
        (document.diagnostics ?? []).filter(d => d.severity === 1),
        [],
        describeDiagnostics(document.diagnostics) + '\n' + imported.journeyText
    );
    const model = await services.Journey.journey.ModelBuilder.build(document);
    assert.equal(model.journeys.length, 1);
    return renderMermaidJourney(model.journeys[0], model.personas);
}

describe("Mermaid round trip over Mermaid's own journey diagrams (test/fixtures/mermaid/upstream)", () => {
    let browser: Browser;
    const exported: string[] = [];
    before(async () => { browser = await launchChromium(); });
    after(async () => { await browser?.close(); });

    it(`has every diagram of Mermaid's repository (${diagrams.length})`, () => {
        assert.ok(diagrams.length >= 20, `${diagrams.length} diagrams`);
        const sources = readFileSync(join(upstream, 'SOURCES.md'), 'utf8');
        for (const name of diagrams) assert.ok(sources.includes(`\`${name}\``), `${name} is listed with its origin`);
    });

    for (const name of diagrams) {
        it(`${name}: import → export keeps title, accTitle, accDescr, sections, tasks, scores and actors exactly`, async () => {
            const text = readFileSync(join(upstream, name), 'utf8');
            const original = referenceParse(text);
            if (!documentedScores(original)) {
                const imported = importMermaid(text, name, false);
                const problem = imported.problems[0];
                assert.ok(problem, 'a score outside 1–5 is an error');
                assert.match(text.split('\n')[problem.line - 1], /:/, `line ${problem.line} is the task's line`);
                assert.ok(problem.column > 1);
                return;
            }
            const again = await roundTrip(text);
            assert.deepEqual(referenceParse(again), original, again);
            exported.push(again);
        });
    }

    it('exports diagrams that Mermaid itself draws', async () => {
        assert.ok(exported.length >= 19);
        const results = await renderWithMermaid(browser, exported);
        results.forEach((result, index) => assert.equal(result.error, undefined, exported[index]));
    });
});
