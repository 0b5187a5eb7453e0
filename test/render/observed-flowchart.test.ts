import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import type { Browser } from 'playwright-core';
import { renderMermaidFlowchart } from '../../render/mermaid-flowchart.js';
import { renderJourneyMapSvg } from '../../render/journey-map-svg.js';
import { allSteps, type JourneyModel } from '../../model/journey-model.js';
import { launchChromium, renderWithMermaid } from '../browser-kit.js';
import { buildText, createTestServices, examplesDir, repoRoot } from '../journey-test-kit.js';

const examplePath = join(examplesDir, 'returns', '退货退款.journey');

async function exampleModel(): Promise<JourneyModel> {
    const services = createTestServices();
    services.Journey.journey.Workspace.setRoots([URI.file(examplesDir)]);
    const document = await buildText(services, readFileSync(examplePath, 'utf8'), examplePath);
    return services.Journey.journey.ModelBuilder.build(document);
}

describe('observed paths on the map and in the paths view (examples/returns)', function () {
    this.timeout(120_000);
    let model: JourneyModel;
    let browser: Browser | undefined;
    before(async () => { model = await exampleModel(); });
    after(async () => browser?.close());

    it('reads the snapshot beside the map into the model', () => {
        const observed = model.journeys[0].observedPaths!;
        assert.equal(observed.source, '埋点');
        assert.equal(observed.goal, '收到退款');
        assert.ok(observed.paths && observed.paths.cases > 1000, observed.missing);
        assert.deepEqual(observed.paths.deadSteps, ['加急审核']);
    });

    it('draws flows as wide as their counts, undocumented ones dashed in the warning colour, dead steps greyed', () => {
        const chart = renderMermaidFlowchart(model.journeys[0]);
        const paths = model.journeys[0].observedPaths!.paths!;
        const lines = chart.split('\n');
        const undocumented = paths.transitions.filter(move => !move.declared);
        assert.ok(undocumented.length >= 2);
        const idOf = new Map(allSteps(model.journeys[0]).map((step, index) => [step.name, `s${index}`]));
        for (const move of paths.transitions) {
            const arrow = move.declared ? '-->' : '-.->';
            const at = lines.findIndex(
                line =>
                    line.startsWith(`  ${idOf.get(move.from)} ${arrow}|"${move.count} · `) &&
                    line.endsWith(`| ${idOf.get(move.to)}`)
            );
            assert.ok(at >= 0, `${move.from} → ${move.to} has its count on its arrow`);
            assert.match(
                lines[at + 1],
                move.declared
                    ? /linkStyle \d+ stroke-width:[\d.]+px$/
                    : /stroke:#d97706,stroke-width:[\d.]+px,stroke-dasharray/
            );
        }
        const widest = Math.max(...paths.transitions.map(move => move.count));
        assert.match(chart, new RegExp(`\\|"${widest} · [\\d.]+ %"\\| s\\d+\\n  linkStyle \\d+ stroke-width:8px`));
        assert.match(chart, /class s4 deadStep/);
        // Drawn in the language of the caller here; the CLI and the editor draw it in the map's (Chinese).
        assert.match(chart, /等待审核<br\/>reach 87 % · drop-off 10 %/);
    });

    it('marks reach and drop-off on the step cards, and who follows the map under the title', () => {
        const svg = renderJourneyMapSvg(model, model.journeys[0].name);
        assert.match(svg, /◍ reach 87 % · drop-off 10 %/);
        assert.match(svg, /◌ nobody reaches it/);
        assert.match(svg, /\d+ % of 1500 customers follow the map from a start to an exit\./);
        assert.match(svg, /B reaches 收到退款 [\d.]+ pp more often than A, 95 % CI [\d.]+ to [\d.]+ pp, p &lt; 0\.001\./);
    });

    it('is drawn by Mermaid, as are the pictures of the README and docs/paths.md', async () => {
        const fenced = (file: string) =>
            [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map(
                match => match[1]
            );
        const sources = [
            renderMermaidFlowchart(model.journeys[0]),
            ...fenced('README.md'),
            ...fenced(join('docs', 'paths.md'))
        ];
        browser = await launchChromium();
        const rendered = await renderWithMermaid(browser, sources);
        for (const [index, result] of rendered.entries()) assert.equal(result.error, undefined, sources[index]);
        assert.match(rendered[0].svg!, /1299 · 87 %/);
    });
});
