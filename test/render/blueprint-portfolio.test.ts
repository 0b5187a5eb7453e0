import * as assert from 'node:assert/strict';
import { renderBlueprintSvg, renderPortfolioSvg } from '../../render/index.js';
import { opportunityBacklog } from '../../analysis/opportunity-backlog.js';
import { assertWellFormedXml, modelOf } from './render-kit.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useMessageBundle, type MessageBundle } from '../../model/localisation.js';
import { repoRoot } from '../journey-test-kit.js';

const map = `metric ces "Effort" score target <= 3
journey J "Repair" {
  stage S {
    step Call "Calls the hotline" {
      owner "Support"
      frontstage "Agent logs the fault" owner "Support"
      backstage "<script>alert(1)</script>" owner "\\"><img src=x onerror=alert(1)>"
      support "Ticket system" owner "IT"
      fail point "Queue over twenty minutes"
      metric ces = 5
      next Visit
    }
    step Visit "Technician visits" { frontstage "Technician repairs" }
  }
}
opportunity Callback "Offer a callback" { owner "Support" status planned value 4 effort 2 addresses J.Call expects ces <= 3 }
opportunity Tracking "Show the technician" { status shipped value 4 effort 2 addresses J.Visit }
opportunity Dropped "A dropped idea" { status dropped value 1 effort 5 addresses J.Visit }
`;

describe('the service blueprint view', () => {
    it('draws each step in the customer, frontstage, backstage and support lanes, with the three lines, owners and fail points', async () => {
        const svg = renderBlueprintSvg(await modelOf(map), 'J', { theme: 'light' });
        assertWellFormedXml(svg);
        for (const lane of ['customer', 'frontstage', 'backstage', 'support']) {
            assert.equal(svg.match(new RegExp(`class="blueprint-cell lane-${lane}"`, 'g'))?.length, 2, lane);
        }
        assert.equal(svg.match(/class="rule blueprint-line"/g)?.length, 3);
        assert.match(svg, /line of interaction/);
        assert.match(svg, /line of visibility/);
        assert.match(svg, /line of internal interaction/);
        assert.match(svg, /class="card fail"/);
        assert.match(svg, /✗ Queue over twenty minutes/);
        assert.match(svg, /Owner: IT/);
    });

    it('keeps hostile text as text', async () => {
        const svg = renderBlueprintSvg(await modelOf(map), 'J');
        assert.doesNotMatch(svg, /<script|<img/);
        assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    });
});

describe('the portfolio view', () => {
    it('places each opportunity on value × effort, coloured by status, and lists every one with its steps', async () => {
        const rows = opportunityBacklog([await modelOf(map)]);
        const svg = renderPortfolioSvg(rows, { theme: 'dark' });
        assertWellFormedXml(svg);
        assert.equal(svg.match(/class="opportunity-dot"/g)?.length, 3);
        assert.equal(svg.match(/class="opportunity-row"/g)?.length, 3);
        for (const status of ['planned', 'shipped', 'dropped'])
            assert.match(svg, new RegExp(`class="status-${status}"`));
        assert.match(svg, /Offer a callback — Repair › Calls the hotline/);
    });

    it('names its quadrants and the colours of the statuses, in the language of the map', async () => {
        const rows = opportunityBacklog([await modelOf(map)]);
        const labels = (svg: string) =>
            [...svg.matchAll(/class="quadrant-label"[^>]*>([^<]+)</g)].map(match => match[1]);
        const legend = (svg: string) =>
            [...svg.matchAll(/<g class="legend-entry"><circle class="status-(\w+)"[^>]*\/><text[^>]*>([^<]+)</g)].map(
                match => `${match[1]} ${match[2]}`
            );
        const english = renderPortfolioSvg(rows);
        assert.deepEqual(labels(english), ['Quick wins', 'Big bets', 'Fill-ins', 'Money pits']);
        assert.deepEqual(legend(english), [
            'idea idea',
            'planned planned',
            'building building',
            'shipped shipped',
            'measured measured',
            'dropped dropped'
        ]);
        // Callback (value 4, effort 2) sits in the quick wins, top left; the dropped idea (1, 5) in the money pits.
        const dot = (id: string) =>
            /<circle class="status-\w+" cx="([\d.]+)" cy="([\d.]+)"/
                .exec(english.slice(english.indexOf(`data-opportunity="${id}"`)))!
                .slice(1)
                .map(Number);
        const [quickX, quickY] = dot('Callback');
        const [pitX, pitY] = dot('Dropped');
        const middle = /class="quadrant-line" x1="([\d.]+)"/.exec(english)!.slice(1).map(Number)[0];
        assert.ok(quickX < middle && pitX > middle && quickY < pitY, `${quickX},${quickY} ${pitX},${pitY} | ${middle}`);
        useMessageBundle(
            JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as MessageBundle
        );
        try {
            const chinese = renderPortfolioSvg(rows);
            assert.deepEqual(labels(chinese), ['速赢', '大赌注', '填充项', '无底洞']);
            assert.deepEqual(legend(chinese).slice(0, 2), ['idea 想法', 'planned 已计划']);
        } finally {
            useMessageBundle(undefined);
        }
    });

    it('stays readable with 1,000 opportunities: every one in the list, names in the chart only where few share a cell', () => {
        const rows = Array.from({ length: 1000 }, (_, index) => ({
            id: `O${index}`,
            title: `Opportunity ${index}`,
            status: 'idea' as const,
            value: 1 + (index % 5),
            effort: 1 + (index % 3),
            uri: 'file:///m.journey',
            steps: [],
            evidence: []
        }));
        const svg = renderPortfolioSvg(rows);
        assertWellFormedXml(svg);
        assert.equal(svg.match(/class="opportunity-row"/g)?.length, 1000);
        assert.ok(!svg.includes('>O0</text>'), 'crowded cells show dots without names');
    });
});

describe('opportunities, owners and evidence on the map', () => {
    const withClaims = `opportunity Callback "Offer a callback" { owner "Support" status planned value 4 effort 2 addresses J.Call }
journey J {
  stage S {
    step Call "Calls the hotline" {
      owner "Contact centre"
      pain "The line is always busy" { evidence "Survey 2026-10: 62% mention the queue" confidence high }
      pain "Agents seem rushed" { confidence low }
      opportunity Callback
      opportunity "Show the waiting time"
    }
  }
}`;

    it("draws a declared opportunity with its owner and status, the step's owner, the evidence, and fades a claim of low confidence, with a legend", async () => {
        const { renderJourneyMapSvg } = await import('../../render/index.js');
        const svg = renderJourneyMapSvg(await modelOf(withClaims), 'J');
        assertWellFormedXml(svg);
        assert.match(svg, /\+ Offer a callback/);
        assert.match(svg, />Support · planned</);
        assert.match(svg, /\+ Show the waiting time/);
        assert.match(svg, /Owner: Contact centre/);
        assert.match(svg, /Evidence: Survey 2026-10:<\/tspan><tspan[^>]*>62% mention the queue/);
        assert.equal(svg.match(/class="note low-confidence"/g)?.length, 1);
        assert.match(svg, /class="small muted legend"><tspan[^>]*>faded: low<\/tspan><tspan[^>]*>confidence</);
    });
});

describe('the Mermaid export of a map with a blueprint', () => {
    it('says in a comment what Mermaid cannot show, and stays a diagram Mermaid reads', async () => {
        const { renderMermaidJourney } = await import('../../render/index.js');
        const model = await modelOf(map);
        const mermaid = renderMermaidJourney(model.journeys[0], model.personas);
        assert.match(
            mermaid,
            /\n%% Not in this Mermaid diagram: blueprint actions \(4\), owners \(4\), fail points \(1\)\n$/
        );
        const plain = renderMermaidJourney(
            (await modelOf('journey J { stage S { step A { emotion 3 } } }')).journeys[0]
        );
        assert.doesNotMatch(plain, /%%/);
    });
});
