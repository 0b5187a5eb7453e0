import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFormatting } from 'langium/test';
import type { Browser } from 'playwright-core';
import { importMermaid } from '../../import/import-mermaid.js';
import { mermaidFences } from '../../import/markdown-fences.js';
import { parseMermaidJourney, type MermaidJourneyDiagram } from '../../import/mermaid-journey-parser.js';
import { renderMermaidJourney } from '../../render/index.js';
import { launchChromium, renderWithMermaid } from '../browser-kit.js';
import { buildText, createTestServices, describeDiagnostics, repoRoot } from '../journey-test-kit.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'mermaid');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const importFixture = (name: string) => importMermaid(read(name), name, name.endsWith('.md'));

/** What a round trip must keep: title, sections, tasks, scores and actors. */
function meaning(diagram: MermaidJourneyDiagram) {
    return {
        title: diagram.title ?? diagram.accTitle,
        sections: diagram.sections.map(section => ({
            title: section.title || 'Steps',
            tasks: section.tasks.map(task => [task.name, task.score, task.actors.join(', ')])
        }))
    };
}

/** Imports a fixture, builds the .journey text with the language, and exports each journey back to Mermaid. */
async function roundTrip(
    name: string
): Promise<{ imported: MermaidJourneyDiagram[]; exported: string[]; journeyText: string }> {
    const result = importFixture(name);
    assert.deepEqual(result.problems, []);
    const services = createTestServices();
    const document = await buildText(services, result.journeyText!, join(fixtures, 'imported.journey'));
    assert.deepEqual(
        (document.diagnostics ?? []).filter(d => d.severity === 1 || d.severity === 2),
        [],
        describeDiagnostics(document.diagnostics)
    );
    const model = await services.Journey.journey.ModelBuilder.build(document);
    return {
        imported: result.diagrams,
        exported: model.journeys.map(journey => renderMermaidJourney(journey, model.personas)),
        journeyText: result.journeyText!
    };
}

const roundTripFixtures = ['working-day.mmd', 'accessible.mmd', 'docs.md'];

describe('Mermaid import', () => {
    let browser: Browser | undefined;
    after(async () => browser?.close());

    it('turns the example of Mermaid\'s documentation into personas, stages, steps and emotions', () => {
        const { journeyText } = importFixture('working-day.mmd');
        assert.match(journeyText!, /^persona Me\npersona Cat\n/m);
        assert.match(
            journeyText!,
            /journey MyWorkingDay "My working day" \{\n {2}persona Me, Cat\n {2}emotion scale 1\.\.5\n/
        );
        assert.match(
            journeyText!,
            / {2}stage GoToWork "Go to work" \{\n {4}step MakeTea "Make tea" \{\n {6}persona Me\n {6}emotion 5\n {4}\}/
        );
        assert.match(
            journeyText!,
            / {4}step DoWork "Do work" \{\n {6}emotion 1\n/,
            'a task with all the actors needs no persona line'
        );
    });

    for (const name of roundTripFixtures) {
        it(`${name}: import → export keeps title, sections, tasks, scores and actors`, async () => {
            const { imported, exported } = await roundTrip(name);
            assert.equal(exported.length, imported.length);
            exported.forEach((text, index) => {
                const again = parseMermaidJourney(text.split('\n'));
                assert.deepEqual(again.problems, []);
                assert.deepEqual(meaning(again.diagram!), meaning(imported[index]));
            });
        });
    }

    it('keeps comments, accessibility title and description, and reads the frontmatter title', async () => {
        const { journeyText } = await roundTrip('accessible.mmd');
        assert.match(
            journeyText,
            /^\/\/ 客服系统导出的旅程，评分来自回访调查\n\/\*\*\n \* 小王从发现故障到愿意向朋友推荐，\n \* 每一步的情绪评分。\n \* @accTitle 售后维修的客户旅程\n \*\/\njourney 售后维修旅程 "售后维修旅程" \{/m
        );
        assert.match(journeyText, /\n {4}\/\/ 关键时刻\n {4}step 拨打客服热线 /);
        assert.match(journeyText, /persona 小王, 客服专员, 上门技师/);
    });

    it('reads every journey block of a Markdown file and skips other diagrams, with line numbers of the file', () => {
        const result = importFixture('docs.md');
        assert.deepEqual(
            result.diagrams.map(diagram => [diagram.title, diagram.line]),
            [
                ['Checkout today', 13],
                ['Checkout tomorrow', 24]
            ]
        );
        assert.equal(result.diagrams[0].sections[0].title, undefined, 'tasks before any section form their own stage');
        assert.deepEqual(mermaidFences(read('docs.md')).map(block => block.firstLine), [6, 13, 24]);
    });

    it('is a formatted .journey file: the formatter changes nothing', async () => {
        const services = createTestServices();
        for (const name of roundTripFixtures) {
            const text = importFixture(name).journeyText!;
            await expectFormatting(services.Journey)({
                before: text,
                after: text,
                options: { insertSpaces: true, tabSize: 2 }
            });
        }
    });

    it('reports a score of 7, a missing colon, a missing name and an extra colon with line and column', () => {
        const result = importFixture('broken.mmd');
        assert.equal(result.journeyText, undefined);
        assert.deepEqual(result.problems.map(problem => [problem.line, problem.column, problem.message]), [
            [4, 17, "score '7' for task 'Make tea': a score is a whole number from 1 to 5"],
            [5, 20, "expected ':' and a score after the task name 'Go upstairs 3' (Task name: <score>: <actors>)"],
            [6, 7, "a task needs a name before the ':'"],
            [7, 22, "unexpected ':' in task 'Sit down': write Task name: <score>: <actor>, <actor>"]
        ]);
        assert.deepEqual(importMermaid('flowchart LR\n  A --> B', 'f.mmd', false).problems, [
            { line: 1, column: 1, message: 'expected a Mermaid `journey` diagram: the first line must be `journey`' }
        ]);
        assert.match(
            importMermaid('journey\n  accDescr {\n  never closed', 'a.mmd', false).problems[0].message,
            /never closed/
        );
        assert.match(
            importMermaid('# Notes\nno diagrams here', 'n.md', true).problems[0].message,
            /no ```mermaid block/
        );
    });

    it('keeps hostile names as text: quoted strings, valid identifiers, no markup in the Mermaid it exports', async () => {
        const hostile =
            'journey\n  title "><img src=x onerror=alert(1)>\n  section <script>alert(1)</script>\n    step { exit }: 3: Me"x, %%{init}%%\n';
        const result = importMermaid(hostile, 'h.mmd', false);
        assert.deepEqual(result.problems, []);
        const services = createTestServices();
        const document = await buildText(services, result.journeyText!, join(fixtures, 'hostile.journey'));
        assert.deepEqual(
            (document.diagnostics ?? []).filter(d => d.severity === 1),
            [],
            describeDiagnostics(document.diagnostics)
        );
        const model = await services.Journey.journey.ModelBuilder.build(document);
        assert.equal(model.journeys[0].title, '"><img src=x onerror=alert(1)>');
        assert.equal(model.journeys[0].stages[0].steps[0].title, 'step { exit }');
        const exported = renderMermaidJourney(model.journeys[0]);
        assert.doesNotMatch(exported, /<|%%\{/);
    });

    it('writes input and exported diagrams that Mermaid itself renders', async () => {
        const sources: string[] = [];
        for (const name of roundTripFixtures) {
            const text = read(name);
            sources.push(
                ...(name.endsWith('.md')
                    ? mermaidFences(text)
                          .slice(1)
                          .map(block => block.lines.join('\n'))
                    : [text])
            );
            sources.push(...(await roundTrip(name)).exported);
        }
        browser = await launchChromium();
        const results = await renderWithMermaid(browser, sources);
        results.forEach((result, index) =>
            assert.equal(result.error, undefined, `Mermaid rejected:\n${sources[index]}`)
        );
        assert.match(results.map(result => result.svg).join(''), /拨打客服热线/);
    });
});
