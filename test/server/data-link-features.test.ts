import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectCompletion, expectHover } from 'langium/test';
import { createTestServices, repoRoot } from '../journey-test-kit.js';

/** Has data/survey-months.csv (`;`-separated, CJK, periods) and data/funnel.csv. */
const fixtureDir = join(repoRoot, 'test', 'fixtures', 'validation');
let documents = 0;
/** A fresh document beside the data files for each check. */
const inFixtures = () => ({
    parseOptions: { documentUri: pathToFileURL(join(fixtureDir, `links-${++documents}.journey`)).toString() },
    disposeAfterCheck: true
});

const head = `metric csat "CSAT" scale 1..5 target >= 4.2 warn 0.3
metric conversion percent target >= 12
data survey "data/survey-months.csv" period 月份
data funnel "data/funnel.csv"
`;

describe('data links in the editor: completion and hover from the data file', () => {
    const services = createTestServices();
    const complete = expectCompletion(services.Journey);
    const hover = expectHover(services.Journey);
    const labels = (list: { items: Array<{ label: string }> }) => list.items.map(item => item.label);

    it('completes the data sources after `=`', async () => {
        await complete({
            text: `${head}journey J { stage S { step A { metric csat = <|> } } }`,
            index: 0,
            ...inFixtures(),
            assert: list =>
                assert.ok(
                    ['survey', 'funnel'].every(name => labels(list).includes(name)),
                    labels(list).join(', ')
                )
        });
    });

    it('completes the columns of the file after `source.` and after `where`', async () => {
        await complete({
            text: `${head}journey J { stage S { step A { metric csat = survey.<|> } } }`,
            index: 0,
            ...inFixtures(),
            assert: list =>
                assert.deepEqual(
                    labels(list)
                        .filter(label => ['月份', '环节', '满意度'].includes(label))
                        .sort(),
                    ['月份', '满意度', '环节'].sort()
                )
        });
        await complete({
            text: `${head}journey J { stage S { step A { metric conversion = funnel.conversion where <|> } } }`,
            index: 0,
            ...inFixtures(),
            assert: list =>
                assert.ok(
                    ['step', 'conversion', 'note'].every(name => labels(list).includes(name)),
                    labels(list).join(', ')
                )
        });
    });

    it('completes the key values read from the file after `where key =`, quoted', async () => {
        await complete({
            text: `${head}journey J { stage S { step A { metric csat = survey.满意度 where 环节 = <|> } } }`,
            index: 0,
            ...inFixtures(),
            assert: list =>
                assert.deepEqual(
                    labels(list)
                        .filter(label => label.startsWith('"'))
                        .sort(),
                    ['"回访"', '"联系客服"']
                )
        });
    });

    it('hovers a linked value with its number, status, target, period, trend and source row', async () => {
        await hover({
            text: `${head}journey J { stage S { step A { metric csat = survey.<|>满意度 where 环节 = "联系客服" } } }`,
            index: 0,
            ...inFixtures(),
            hover: /\*\*CSAT\*\* = \*\*4\*\* ▲ close[\s\S]*target ≥ 4\.2 \(higher is better\), close within 0\.3[\s\S]*period 2026-11 · \\\+0\.2 since 2026-10 \\\(better\\\)[\s\S]*`data\/survey-months\.csv` line 7: 月份 = 2026-11 · 环节 = 联系客服 · 满意度 = 4\.0/
        });
    });

    it('hovers a literal value with its status, and a broken link with why there is no number', async () => {
        await hover({
            text: `${head}journey J { stage S { step A { metric conversion = <|>9 } } }`, index: 0, ...inFixtures(),
            hover: /\*\*conversion\*\* = \*\*9%\*\* ✗ missed[\s\S]*target ≥ 12%/
        });
        await hover({
            text: `${head}journey J { stage S { step A { metric conversion = funnel.<|>conversion where step = "nope" } } }`,
            index: 0,
            ...inFixtures(),
            hover: /\*\*conversion\*\* = no data[\s\S]*No row matches step = "nope"/
        });
    });
});
