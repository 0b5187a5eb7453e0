import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffJourneyModels } from '../../diff/journey-diff.js';
import type { JourneyModel } from '../../model/journey-model.js';
import { buildDocuments, createTestServices, examplesDir, repoRoot } from '../journey-test-kit.js';
import { modelOf } from '../render/render-kit.js';

/** A fixture version's model, with the shared file it imports loaded beside it. */
async function versionModel(text: string, name: string): Promise<JourneyModel> {
    const services = createTestServices();
    const [document] = await buildDocuments(services, {
        [join(fixtures, name)]: text,
        [join(examplesDir, 'shared', 'people.journey')]: undefined
    });
    return services.Journey.journey.ModelBuilder.build(document);
}

const fixtures = join(repoRoot, 'test', 'fixtures', 'diff');
const before = readFileSync(join(fixtures, 'before.journey'), 'utf8');
const after = readFileSync(join(fixtures, 'after.journey'), 'utf8');

describe('semantic diff', () => {
    it('reports a rename, a move, an emotion change, a new pain and a metric status flip — and nothing else', async () => {
        const changes = diffJourneyModels(
            await versionModel(before, 'b.journey'),
            await versionModel(after, 'a.journey')
        );
        assert.deepEqual(
            changes.map(change => [change.kind, change.element, change.before, change.after]),
            [
                ['renamed', 'step', 'VisitSite', 'BrowseSite'],
                ['moved', 'step', 'Consideration', 'Purchase'],
                ['changed', 'emotion', 2, 1],
                ['added', 'step', undefined, 'No express delivery option'],
                ['changed', 'metric-value', 31, 18]
            ]
        );
        assert.equal(
            changes[4].summary,
            "Metric dropoff of 'Compares offers': value 31% → 18% (−13 pp; ✗ missed → ✓ met)"
        );
        assert.equal(changes[1].path, 'FirstPurchase › Purchase › Compare');
    });

    it('sees no change in comments, whitespace and formatting', async () => {
        const reformatted = before
            .replace(/\/\/.*$/gm, '// another comment')
            .replace(/\n {6}/g, '\n        ')
            .replace(/\n\n/g, '\n\n\n');
        const changes = diffJourneyModels(
            await versionModel(before, 'b.journey'),
            await versionModel(reformatted, 'r.journey')
        );
        assert.deepEqual(changes, []);
    });

    it('tells a removed and an added step from a renamed one', async () => {
        const old = await modelOf(
            'journey J { stage S { step A "Sees an ad" { emotion 3 } step B "Pays" { emotion 4 } } }'
        );
        const renamed = await modelOf(
            'journey J { stage S { step Ad "Sees an ad" { emotion 3 } step C "Calls support" { emotion 2 } } }'
        );
        assert.deepEqual(
            diffJourneyModels(old, renamed).map(
                change => `${change.kind} ${change.element} ${change.before ?? change.after}`
            ),
            ['added step C', 'removed step B', 'renamed step A']
        );
    });

    it('reports journeys, stages, personas, channels and metric definitions added, removed and changed', async () => {
        const old = await modelOf(
            'persona P\nchannel W online\nmetric m percent target >= 10\njourney J { persona P stage S { step A { channel W metric m = 12 } } }'
        );
        const current = await modelOf(
            'persona P "Renamed title"\nchannel W offline\nmetric m percent target >= 20\njourney J { persona P stage S { step A { channel W metric m = 12 } } stage T { step B { exit } } }\njourney K { stage U { step C { emotion 3 } } }'
        );
        const summaries = diffJourneyModels(old, current).map(change => change.summary);
        assert.deepEqual(summaries, [
            "Persona 'P': title set to “Renamed title”", "Channel 'W': kind online → offline",
            "Metric 'm': target ≥ 10% → ≥ 20%; 12% at 'A' stays, now ✗ missed because the target moved",
            "Journey 'K' added", "Stage 'T' added", "Step 'B' added"
        ]);
    });

    it('reports stages and steps that only changed places, naming the one that moved, not those it jumped over', async () => {
        const old = await modelOf(
            'journey J { stage 认知 { step A {} step B {} step C {} step D {} } stage 考虑 { step E {} } stage 购买 { step F {} } }'
        );
        const current = await modelOf(
            'journey J { stage 认知 { step B {} step C {} step D {} step A {} } stage 购买 { step F {} } stage 考虑 { step E {} } }'
        );
        assert.deepEqual(
            diffJourneyModels(old, current).map(change => [
                change.kind,
                change.element,
                change.before,
                change.after,
                change.summary
            ]),
            [
                ['moved', 'stage', 2, 3, "Stage '考虑' moved from position 2 to 3 (now after '购买')"],
                ['moved', 'step', 1, 4, "Step 'A' moved from position 1 to 4 (now after 'D')"]
            ]
        );
    });

    it('tells one metric value or persona emotion taken out and another put in, not a change of the first', async () => {
        const old = await modelOf(
            'persona Ana\npersona Bo\nmetric a count\nmetric b count\njourney J { persona Ana, Bo stage S { step A { metric a = 1 emotion Ana 3 } } }'
        );
        const current = await modelOf(
            'persona Ana\npersona Bo\nmetric a count\nmetric b count\njourney J { persona Ana, Bo stage S { step A { metric b = 1 emotion Bo 3 } } }'
        );
        assert.deepEqual(
            diffJourneyModels(old, current).map(change => `${change.kind} ${change.element}`),
            ['added persona-emotion', 'removed persona-emotion', 'added metric-value', 'removed metric-value']
        );
    });

    it('does not call a step reordered when steps are only added or removed around it', async () => {
        const old = await modelOf('journey J { stage S { step A {} step B {} step C {} } }');
        const current = await modelOf('journey J { stage S { step New "Brand new thing" {} step A {} step C {} } }');
        assert.deepEqual(
            diffJourneyModels(old, current).map(change => `${change.kind} ${change.element}`),
            ['added step', 'removed step']
        );
    });
});
